/** Tries a primary recognizer (CLU); on any error or time-out logs a warning and answers with the fallback (local). */
import type { Recognizer } from './recognizer.js';
import type { Locale, NluLogger, RecognizerResult } from './types.js';

export class FallbackRecognizer implements Recognizer {
  constructor(
    private readonly primary: Recognizer,
    private readonly fallback: Recognizer,
    private readonly logger: NluLogger = { warn: () => undefined },
    private readonly primaryName = 'clu',
  ) {}

  async recognize(text: string, locale?: Locale): Promise<RecognizerResult> {
    try {
      return await this.primary.recognize(text, locale);
    } catch (err) {
      const e = err as { name?: string; message?: string; statusCode?: number; code?: string };
      this.logger.warn(
        { recognizer: this.primaryName, error: e?.name ?? 'Error', message: e?.message ?? String(err), statusCode: e?.statusCode, code: e?.code },
        `${this.primaryName} recognizer failed; using the local recognizer`,
      );
      return this.fallback.recognize(text, locale);
    }
  }
}
