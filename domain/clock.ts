/** Where "now" comes from; injected everywhere so that tests and `--now` can set the time. */
export type Clock = () => Date;
