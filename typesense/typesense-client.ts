/**
 * The one Typesense client of the process, from the configuration: every
 * node of a cluster (the client sends each request to the next healthy one
 * and retries on another when one fails), a short timeout so a dead node
 * costs a member little before SQLite answers, and the client's own console
 * logging off (cphub logs through pino; the API key is never logged).
 */
import { Client } from 'typesense';
import type { TypesenseConfig } from '../config.ts';

export function createTypesenseClient(config: TypesenseConfig): Client {
  return new Client({
    nodes: config.nodes.map(({ protocol, host, port, path }) => ({ protocol, host, port, path })),
    apiKey: config.apiKey,
    connectionTimeoutSeconds: config.timeoutSeconds,
    // One try on each node, then the caller falls back.
    numRetries: config.nodes.length,
    retryIntervalSeconds: 0.05,
    // A node that failed is skipped for this long (the client's health check).
    healthcheckIntervalSeconds: 15,
    logLevel: 'silent',
  });
}
