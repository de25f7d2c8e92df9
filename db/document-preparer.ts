/**
 * Prepares a large import's documents (db/prepared-document.ts: folding,
 * hashing, facets, a third of an import's CPU) on a worker thread while the
 * main thread writes the ones already prepared. SQLite writes only from its
 * connection's thread, so this is the part of an import that can run beside
 * the writes, on the machine's second core.
 *
 * Both threads claim chunks of the batch from one shared counter, in order.
 * The main thread prepares every chunk it reaches before the worker claimed
 * it (while the worker starts, or when the machine has no core free for
 * it) and waits only for a chunk the worker is in the middle of: the
 * worker can make an import faster, never wrong or stuck. The wait is
 * synchronous (Atomics.wait, receiveMessageOnPort) because an import is one
 * synchronous SQLite transaction.
 *
 * After a large import commits, the worker also checkpoints the WAL (copies
 * the committed pages into the database file), which SQLite would otherwise
 * do on the writing thread at commit: 7% of an import's main-thread CPU,
 * plus its waits on the disk (measured at 60,000 documents: 1.04-1.33x the
 * documents a second, median 1.11x).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { LibraryDocument } from '../core/library/document.ts';
import { CHUNKS_SENT, NEXT_CHUNK, type CheckpointRequest, type PrepJob, type PrepResult } from './document-prep-protocol.ts';
import type { PreparedDocument } from './prepared-document.ts';

/** Documents a message: small enough that the main thread seldom waits on one. */
const CHUNK_SIZE = 200;
/** Smaller batches (a bot's own writes, most tests) stay on the main thread: a worker takes 0.1–0.3 s to start. */
const MIN_WORKER_BATCH = 2_000;
/**
 * Once the worker runs, it takes any batch it can share: two chunks, one
 * for each thread. (The last, smaller batch of a large import: 1,400 of
 * 16,400 documents took 4,000 a second on the main thread alone.)
 */
const MIN_BATCH_FOR_RUNNING_WORKER = 2 * CHUNK_SIZE;
/** A worker silent this long on a chunk it claimed is given up, and the main thread prepares the rest. */
const STALL_MS = 10_000;
const WORKER_URL = new URL('./document-prep-worker.mjs', import.meta.url);

/** The prepared documents of a batch, asked for in order: undefined means "prepare it yourself". */
export interface PreparedAhead {
  /** The batch went to the worker (which then also checkpoints it: db/checkpoint-on-worker.ts). */
  readonly onWorker: boolean;
  get(index: number): PreparedDocument | undefined;
}

const ON_THIS_THREAD: PreparedAhead = { onWorker: false, get: () => undefined };

/** One worker for the process, started by the first large batch; false once it failed. */
let shared: PrepWorker | false | undefined;
let workerDocuments = 0;

/** How many documents the worker has prepared in this process (tests check that it took part). */
export function preparedOnWorker(): number {
  return workerDocuments;
}

/** `minBatch`: the batch size from which the worker takes part (tests set it); by default as above. */
export function prepareAhead(documents: LibraryDocument[], minBatch?: number): PreparedAhead {
  minBatch ??= shared ? MIN_BATCH_FOR_RUNNING_WORKER : MIN_WORKER_BATCH;
  if (documents.length < minBatch || shared === false) return ON_THIS_THREAD;
  shared ??= new PrepWorker();
  return shared.submit(documents);
}

/**
 * Asks the worker to checkpoint the database at `path` (a PASSIVE checkpoint
 * from a connection of its own). false when there is no worker to ask.
 */
export function checkpointOnWorker(path: string): boolean {
  if (!shared) return false;
  shared.checkpoint(path);
  return true;
}

/** Starts the worker ahead of a large batch, so that it is ready when the batch comes. */
export function startPreparer(): void {
  if (shared === undefined) shared = new PrepWorker();
}

class PrepWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private jobs = 0;
  private readonly results = new Map<number, PreparedDocument[] | undefined>();

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.worker = new Worker(WORKER_URL, { workerData: { port: port2 }, transferList: [port2] });
    // Seen between imports only (the main thread is busy during one); until
    // then the main thread simply prepares every chunk itself.
    this.worker.on('error', () => this.retire());
    this.worker.unref();
    this.port = port1;
  }

  submit(documents: LibraryDocument[]): PreparedAhead {
    this.results.clear();
    const job = (this.jobs += 1);
    const control = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
    const message: PrepJob = { job, documents, chunkSize: CHUNK_SIZE, control };
    this.port.postMessage(message);
    return new JobResults(new Int32Array(control), (chunk, counters) => this.await(job, chunk, counters));
  }

  checkpoint(path: string): void {
    const message: CheckpointRequest = { checkpoint: path };
    this.port.postMessage(message);
  }

  /** The worker's chunk, once posted; undefined when it failed or stalled. */
  private await(job: number, chunk: number, counters: Int32Array): PreparedDocument[] | undefined {
    for (;;) {
      if (this.results.has(chunk)) return this.results.get(chunk);
      const sent = Atomics.load(counters, CHUNKS_SENT);
      const received = receiveMessageOnPort(this.port)?.message as PrepResult | undefined;
      if (received) {
        if (received.job === job) this.results.set(received.chunk, received.prepared);
        workerDocuments += received.prepared?.length ?? 0;
        continue;
      }
      if (Atomics.wait(counters, CHUNKS_SENT, sent, STALL_MS) === 'timed-out') {
        this.retire();
        return undefined;
      }
    }
  }

  private retire(): void {
    shared = false;
    void this.worker.terminate();
  }
}

class JobResults implements PreparedAhead {
  readonly onWorker = true;
  private chunk = -1;
  private prepared: PreparedDocument[] | undefined;

  constructor(
    private readonly counters: Int32Array,
    private readonly awaitChunk: (chunk: number, counters: Int32Array) => PreparedDocument[] | undefined,
  ) {}

  get(index: number): PreparedDocument | undefined {
    const chunk = Math.floor(index / CHUNK_SIZE);
    if (chunk !== this.chunk) {
      this.chunk = chunk;
      this.prepared = this.claim(chunk);
    }
    return this.prepared?.[index - chunk * CHUNK_SIZE];
  }

  /** Unclaimed (the counter still points at it): ours to prepare. Else the worker's, to wait for. */
  private claim(chunk: number): PreparedDocument[] | undefined {
    if (Atomics.compareExchange(this.counters, NEXT_CHUNK, chunk, chunk + 1) === chunk) return undefined;
    return shared === false ? undefined : this.awaitChunk(chunk, this.counters);
  }
}
