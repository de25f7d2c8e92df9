// Run by tests/cli/process-footprint.test.ts (under package-trace.mjs): starts
// the import's preparing worker from a compiled build (argv[2], the build's
// folder), gives it one job with nobody else claiming chunks, and prints
// `prepared <n>` once every chunk has come back. In a real import the main
// thread races the worker for chunks and may finish a small file before the
// worker has even loaded, so only this shows what the worker itself loads.
import { join, resolve } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';

const build = resolve(process.argv[2]);

const CHUNK_SIZE = 200;
const documents = Array.from({ length: 3 * CHUNK_SIZE }, (_, n) => ({
  id: `gen-${n}`, title: `Foster care standards ${n}`, summary: 'Kinship and foster care in the region', body: '',
  language: 'en', country: 'RS', type: 'report', topics: ['alternative care'], publisher: 'UNICEF', year: 2020,
  url: `https://example.org/${n}`, languageGroup: 'en', urlIsMirror: false,
}));
// Both counters (db/document-prep-protocol.ts) start at 0: no chunk claimed, none sent.
const control = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);

const { port1, port2 } = new MessageChannel();
const worker = new Worker(join(build, 'db', 'document-prep-worker.mjs'), { workerData: { port: port2 }, transferList: [port2] });
worker.on('error', (error) => {
  console.error(error);
  process.exitCode = 1;
});
let chunks = 0;
let prepared = 0;
port1.on('message', (result) => {
  prepared += result.prepared?.length ?? 0;
  if ((chunks += 1) < documents.length / CHUNK_SIZE) return;
  console.log(`prepared ${prepared}`);
  port1.close();
  void worker.terminate();
});
port1.postMessage({ job: 1, documents, chunkSize: CHUNK_SIZE, control });
