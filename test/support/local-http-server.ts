import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A stand-in for an outside HTTP service on 127.0.0.1 (a free port); a handler that throws answers 500. */
export abstract class LocalHttpServer {
  private server: Server | undefined;
  /** `http://127.0.0.1:<port>`, once started. */
  origin = '';

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>;

  protected async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
