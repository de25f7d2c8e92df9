/**
 * The one Typesense client of the process, from the configuration: every
 * node of a cluster (the client sends each request to the next healthy one
 * and retries on another when one fails), a short timeout so a dead node
 * costs a member little before SQLite answers, and the client's own console
 * logging off (cphub logs through pino; the API key is never logged).
 */
import { Client } from 'typesense';
import type { TypesenseConfig } from '../config.ts';

/** Writes (a 500-document import, a rebuild) take longer than a search may. */
const INDEX_TIMEOUT_SECONDS = 120;

/** `search`: a member waits, so a dead node must fail fast; `index`: the sync job and the CLI, which can wait. */
export function createTypesenseClient(config: TypesenseConfig, purpose: 'search' | 'index' = 'search'): Client {
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
