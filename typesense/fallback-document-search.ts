/**
 * Typesense first, SQLite when Typesense cannot answer: the member gets
 * results either way, and the log says so once when Typesense goes away
 * and once when it is back. While it is away, searches go straight to
 * SQLite for `retryAfterMs` instead of waiting for each node's timeout.
 */
import type { DocumentSearch, Logger, SearchPage, SearchRequest } from '../core/ports.ts';

export interface FallbackOptions {
  /** How long Typesense is left alone after a failure. */
  retryAfterMs?: number;
  now?: () => number;
}

export class FallbackDocumentSearch implements DocumentSearch {
  private downUntil = 0;
  private down = false;
  private readonly retryAfterMs: number;
  private readonly now: () => number;

  constructor(
    private readonly primary: DocumentSearch,
    private readonly fallback: DocumentSearch,
    private readonly logger: Pick<Logger, 'warn' | 'info'>,
    options: FallbackOptions = {},
  ) {
    this.retryAfterMs = options.retryAfterMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    if (this.down && this.now() < this.downUntil) return this.fallback.search(request);
    try {
      const page = await this.primary.search(request);
      if (this.down) this.logger.info({ backend: 'typesense' }, 'typesense answers again: searching it');
      this.down = false;
      return page;
    } catch (error) {
      if (!this.down) {
        this.logger.warn({ backend: 'typesense', err: describe(error) }, 'typesense did not answer: searching SQLite instead');
      }
      this.down = true;
      this.downUntil = this.now() + this.retryAfterMs;
      return this.fallback.search(request);
    }
  }
}

/** The error's class and message only: a request error can carry the request, API key header included. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
