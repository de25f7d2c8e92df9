/**
 * Keeps the Typesense collection in step with the library in SQLite:
 *
 * - `sync`: the documents added (by `seq`), changed or removed (search_outbox)
 *   since the last sync, pushed in batches through the import endpoint
 *   (JSONL, `action=upsert`), removals by `filter_by=id:[…]`. Idempotent: a
 *   crash half-way replays the batch next time, and an upsert twice is one.
 * - `reindex`: a new collection from scratch, filled page by page, then the
 *   alias moved to it in one step (members search the old one until then)
 *   and the old one dropped; changes made meanwhile are replayed after.
 *   https://typesense.org/docs/29.0/api/collection-alias.html
 * - `status`: the counts on both sides and the changes still to push.
 */
import type { Client } from 'typesense';
import type { SqliteSearchOutbox, StoredDocument } from '../db/search-outbox.ts';
import { collectionSchema } from './collection-schema.ts';
import { isNotFound } from './typesense-client.ts';
import { toTypesenseDocument } from './document-fields.ts';

/** Documents a request: about 5 MB of JSONL with the prefix fields. */
export const BATCH_SIZE = 500;

export interface SyncReport {
  upserted: number;
  deleted: number;
}

export interface IndexStatus {
  alias: string;
  collection?: string;
  sqliteDocuments: number;
  typesenseDocuments?: number;
  pendingChanges: number;
  lastSync?: string;
  /** The collection is there and holds every document SQLite has, with nothing left to push. */
  inSync: boolean;
}

export class TypesenseIndex {
  private readonly target: string;

  constructor(
    private readonly client: Client,
    private readonly outbox: SqliteSearchOutbox,
    /** The alias members search. */
    readonly alias: string,
  ) {
    this.target = `typesense:${alias}`;
  }

  /** Whether a rebuild has ever filled the collection (the sync job rebuilds when not). */
  isBuilt(): boolean {
    return this.outbox.state(this.target) !== undefined;
  }

  async sync(now: Date): Promise<SyncReport> {
    const report: SyncReport = { upserted: 0, deleted: 0 };
    const state = this.outbox.state(this.target);
    if (!state) throw new Error(`${this.alias} was never built: run cphub search reindex`);
    let cursors = { cursor: state.cursor, seqCursor: state.seqCursor };
    for (;;) {
      const changes = this.outbox.changesAfter(cursors, BATCH_SIZE);
      if (changes.changedIds.length === 0 && changes.added.length === 0) break;
      const present = this.outbox.documents(changes.changedIds);
      const gone = changes.changedIds.filter((id) => !present.some((stored) => stored.document.id === id));
      // Added and then changed: pushed once.
      const changed = new Set(present.map((stored) => stored.document.id));
      const upserts = [...present, ...changes.added.filter((stored) => !changed.has(stored.document.id))];
      await this.upsert(this.alias, upserts);
      await this.remove(gone);
      report.upserted += upserts.length;
      report.deleted += gone.length;
      cursors = { cursor: changes.lastChange, seqCursor: changes.lastSeq };
      this.outbox.advance(this.target, cursors, now);
    }
    if (report.upserted + report.deleted === 0) this.outbox.advance(this.target, cursors, now);
    return report;
  }

  async reindex(now: Date): Promise<{ collection: string; documents: number; replayed: SyncReport }> {
    const marker = `rebuild:${this.alias}`;
    const collection = `${this.alias}_${now.getTime()}`;
    const replayFrom = this.outbox.begin(marker);
    await this.client.collections().create(collectionSchema(collection));
    let documents = 0;
    let lastSeq = 0;
    try {
      for (let page = this.outbox.page(0, BATCH_SIZE); page.length > 0; page = this.outbox.page(lastSeq, BATCH_SIZE)) {
        await this.upsert(collection, page);
        documents += page.length;
        lastSeq = page.at(-1)!.seq;
      }
    } catch (error) {
      await this.dropQuietly(collection);
      this.outbox.forget(marker);
      throw error;
    }
    const previous = await this.aliasTarget();
    await this.client.aliases().upsert(this.alias, { collection_name: collection });
    this.outbox.rebuilt(this.target, collection, { cursor: replayFrom, seqCursor: lastSeq }, now);
    this.outbox.forget(marker);
    if (previous && previous !== collection) await this.dropQuietly(previous);
    return { collection, documents, replayed: await this.sync(now) };
  }

  async status(): Promise<IndexStatus> {
    const state = this.outbox.state(this.target);
    const sqliteDocuments = this.outbox.count();
    const pendingChanges = state ? this.outbox.pending(state) : 0;
    let typesenseDocuments: number | undefined;
    let collection: string | undefined;
    try {
      const retrieved = await this.client.collections(this.alias).retrieve();
      typesenseDocuments = retrieved.num_documents;
      collection = retrieved.name;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    return {
      alias: this.alias,
      ...(collection ? { collection } : {}),
      sqliteDocuments,
      ...(typesenseDocuments !== undefined ? { typesenseDocuments } : {}),
      pendingChanges,
      ...(state?.syncedAt ? { lastSync: state.syncedAt } : {}),
      inSync: typesenseDocuments === sqliteDocuments && pendingChanges === 0 && state !== undefined,
    };
  }

  private async upsert(collection: string, stored: StoredDocument[]): Promise<void> {
    if (stored.length === 0) return;
    const documents = stored.map(({ document, seq }) => toTypesenseDocument(document, seq));
    // Throws ImportError naming the failed lines when any document is refused.
    await this.client.collections(collection).documents().import(documents, { action: 'upsert' });
  }

  /**
   * By filter, in one request; an id with a backtick cannot be a filter
   * literal, so such a one goes by its path instead (never in filter_by).
   */
  private async remove(ids: string[]): Promise<void> {
    const literal = ids.filter((id) => !id.includes('`'));
    if (literal.length) {
      await this.client.collections(this.alias).documents().delete({ filter_by: `id:[${literal.map((id) => `\`${id}\``).join(', ')}]` });
    }
    for (const id of ids.filter((entry) => entry.includes('`'))) {
      try {
        await this.client.collections(this.alias).documents(id).delete();
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
  }

  private async aliasTarget(): Promise<string | undefined> {
    try {
      return (await this.client.aliases(this.alias).retrieve()).collection_name;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  private async dropQuietly(collection: string): Promise<void> {
    try {
      await this.client.collections(collection).delete();
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
