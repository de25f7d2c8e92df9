/**
 * What the main thread and the preparing worker (db/document-preparer.ts,
 * db/document-prep-worker.mjs) exchange: one job per import transaction,
 * its documents cut into chunks, and two counters in shared memory; and,
 * after a large import's commit, a request to checkpoint its database.
 */
import type { LibraryDocument } from '../core/library/document.ts';
import type { PreparedDocument } from './prepared-document.ts';

/** Index in the shared Int32Array: the next chunk nobody has claimed yet. */
export const NEXT_CHUNK = 0;
/** Index in the shared Int32Array: chunks the worker has posted, to wait on. */
export const CHUNKS_SENT = 1;

export interface PrepJob {
  job: number;
  documents: LibraryDocument[];
  chunkSize: number;
  /** SharedArrayBuffer of two Int32s (NEXT_CHUNK, CHUNKS_SENT). */
  control: SharedArrayBuffer;
}

export interface PrepResult {
  job: number;
  chunk: number;
  /** Absent when preparing threw: the main thread prepares that chunk itself. */
  prepared?: PreparedDocument[];
}

/** Copy what the import committed from the WAL into the database file, off the main thread. */
export interface CheckpointRequest {
  checkpoint: string;
}
