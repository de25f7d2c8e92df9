/**
 * The search sync job: pushes the library's changes to Typesense (every
 * minute, jobs/scheduler.ts). When members search Typesense and it was never
 * built, the first run builds it (`cphub search reindex` does the same by
 * hand). Idempotent: a run after a crash replays what the last one had not
 * confirmed, and pushing a document twice leaves one copy.
 */
import type { Logger } from '../core/ports.ts';
import type { SyncReport, TypesenseIndex } from '../typesense/typesense-index.ts';

export interface SearchSyncDeps {
  index: Pick<TypesenseIndex, 'isBuilt' | 'sync' | 'reindex' | 'alias'>;
  /** Build the collection when it was never built (members search it). */
  buildWhenMissing: boolean;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export type SearchSyncResult = { kind: 'synced'; report: SyncReport } | { kind: 'built'; documents: number } | { kind: 'skipped' };

export async function run(deps: SearchSyncDeps, now: Date): Promise<SearchSyncResult> {
  const { index, logger } = deps;
  if (!index.isBuilt()) {
    if (!deps.buildWhenMissing) return { kind: 'skipped' };
    const built = await index.reindex(now);
    logger.info({ alias: index.alias, collection: built.collection, documents: built.documents }, 'search sync: built the Typesense collection');
    return { kind: 'built', documents: built.documents };
  }
  const report = await index.sync(now);
  if (report.upserted + report.deleted > 0) logger.info({ alias: index.alias, ...report }, 'search sync: pushed changes to Typesense');
  return { kind: 'synced', report };
}
