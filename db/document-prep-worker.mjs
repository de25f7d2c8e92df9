// The worker thread of db/document-preparer.ts. Plain JavaScript because a
// worker starts without the parent's TypeScript loader: run from the sources
// it registers tsx itself (as bin/cphub.js does), then imports the
// TypeScript it runs; compiled into build/js (scripts/build-js.mjs) its
// imports below name the compiled .js files and need no loader.
import { existsSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

if (existsSync(new URL('./prepared-document.ts', import.meta.url))) (await import('tsx/esm/api')).register();
const { prepareDocument } = await import('./prepared-document.ts');
const { NEXT_CHUNK, CHUNKS_SENT } = await import('./document-prep-protocol.ts');

/** @type {import('node:worker_threads').MessagePort} */
const port = workerData.port;

port.on('message', (message) => {
  if ('checkpoint' in message) checkpoint(message.checkpoint);
  else prepare(message);
});

// Chunks are claimed from a counter shared with the main thread, which
// prepares any chunk it reaches before this thread has claimed it.
function prepare({ job, documents, chunkSize, control: buffer }) {
  const control = new Int32Array(buffer);
  const chunks = Math.ceil(documents.length / chunkSize);
  for (;;) {
    const chunk = Atomics.add(control, NEXT_CHUNK, 1);
    if (chunk >= chunks) break;
    let prepared;
    try {
      prepared = documents.slice(chunk * chunkSize, (chunk + 1) * chunkSize).map((document) => prepareDocument(document));
    } catch {
      prepared = undefined; // the main thread prepares it again and meets the error itself
    }
    port.postMessage({ job, chunk, prepared });
    Atomics.add(control, CHUNKS_SENT, 1);
    Atomics.notify(control, CHUNKS_SENT);
  }
}

// A PASSIVE checkpoint waits for nobody: the main thread goes on writing the
// next batch meanwhile. A connection of its own, opened for this and closed
// at once, so the worker never keeps a database file open (or creates one
// that was deleted meanwhile). Any failure leaves the WAL to the main
// thread's own checkpoints: nothing is lost, only the time saved.
function checkpoint(path) {
  let db;
  try {
    db = new Database(path, { fileMustExist: true });
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // see above
  } finally {
    db?.close();
  }
}
