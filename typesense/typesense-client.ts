/**
 * The one Typesense client of the process, from the configuration: every
 * node of a cluster (the client sends each request to the next healthy one
 * and retries on another when one fails), a short timeout so a dead node
 * costs a member little before SQLite answers, and the client's own console
 * logging off (cphub logs through pino; the API key is never logged).
 */
import { createRequire } from 'node:module';
import type { Client } from 'typesense';
import type { TypesenseConfig } from '../config.ts';

/**
 * The typesense package (CommonJS), loaded when a client is first made: a
 * console or a bot without TYPESENSE_NODES never loads it or its HTTP
 * stack (axios), which were 11 MB resident of a console session.
 */
const require = createRequire(import.meta.url);
const requireTypesense = (): typeof import('typesense') => require('typesense') as typeof import('typesense');

/** Typesense's "no such collection / document" (404), as the client throws it. */
export function isNotFound(error: unknown): boolean {
  return error instanceof requireTypesense().Errors.ObjectNotFound;
}

/** Writes (a 500-document import, a rebuild) take longer than a search may. */
const INDEX_TIMEOUT_SECONDS = 120;

/** `search`: a member waits, so a dead node must fail fast; `index`: the sync job and the CLI, which can wait. */
export function createTypesenseClient(config: TypesenseConfig, purpose: 'search' | 'index' = 'search'): Client {
  const { Client } = requireTypesense();
  return new Client({
    nodes: config.nodes.map(({ protocol, host, port, path }) => ({ protocol, host, port, path })),
    apiKey: config.apiKey,
    connectionTimeoutSeconds: purpose === 'search' ? config.timeoutSeconds : Math.max(config.timeoutSeconds, INDEX_TIMEOUT_SECONDS),
    // One try on each node, then the caller falls back.
    numRetries: config.nodes.length,
    retryIntervalSeconds: 0.05,
    // A node that failed is skipped for this long (the client's health check).
    healthcheckIntervalSeconds: 15,
    logLevel: 'silent',
  });
}
