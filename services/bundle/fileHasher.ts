import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * The SHA-256 of a file that is being written, computed beside the writer.
 *
 * A large export spends about a third of its time on this hash; on a worker thread it runs on the other core
 * while this thread encrypts. The worker reads back the bytes the writer reports as written (they are in the
 * page cache), so what it hashes is the file's content, as a read of the finished file would see it. Its code
 * uses Node's built-ins only, so it runs from a string: nothing to bundle, no TypeScript loader in the thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
let fd = -1;
try {
  fd = openSync(workerData.path, 'r');
} catch (e) {
  parentPort.postMessage({ error: String((e && e.message) || e) });
}
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(1024 * 1024);
let hashed = 0;
parentPort.on('message', (m) => {
  if (fd === -1) return;
  try {
    while (hashed < m.upTo) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, m.upTo - hashed), hashed);
      if (n === 0) throw new Error('file shorter than written');
      hash.update(buffer.subarray(0, n));
      hashed += n;
    }
    if (m.end) {
      closeSync(fd);
      fd = -1;
      parentPort.postMessage({ sha256: hash.digest('hex'), bytes: hashed });
      parentPort.close();
    }
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
    parentPort.close();
  }
});
`;

export interface FileHasher {
  /** The writer has put bytes up to `upTo` into the file (bytes are fed directly in thread mode instead). */
  written(upTo: number): void;
  /** In-thread mode: hash these bytes (in file order). */
  update(bytes: Uint8Array): void;
  /** All `total` bytes are written: the hex SHA-256 of the file's first `total` bytes. */
  finish(total: number): Promise<string>;
  /** Stops without a result (the file is being abandoned). */
  stop(): Promise<void>;
}

/** Hashes on this thread, from the bytes handed to update(). */
class ThreadHasher implements FileHasher {
  private readonly hash: Hash = createHash('sha256');
  written(): void {}
  update(bytes: Uint8Array): void {
    this.hash.update(bytes);
  }
  async finish(): Promise<string> {
    return this.hash.digest('hex');
  }
  async stop(): Promise<void> {}
}

/** Hashes on a worker thread, reading back what the writer reports as written. */
class WorkerHasher implements FileHasher {
  private readonly result: Promise<string>;
  private failure: Error | null = null;

  constructor(private readonly worker: Worker) {
    this.result = new Promise<string>((resolve, reject) => {
      worker.on('message', (m: { sha256?: string; error?: string }) => {
        if (m.sha256 !== undefined) resolve(m.sha256);
        else {
          this.failure = new Error(`hashing the written file failed: ${m.error ?? 'unknown'}`);
          reject(this.failure);
        }
      });
      worker.on('error', (e) => {
        this.failure = e;
        reject(e);
      });
      worker.on('exit', () => reject(this.failure ?? new Error('the hashing thread stopped')));
    });
    this.result.catch(() => undefined); // reported by finish()
  }

  written(upTo: number): void {
    if (this.failure === null) this.worker.postMessage({ upTo });
  }
  update(): void {}
  async finish(total: number): Promise<string> {
    if (this.failure === null) this.worker.postMessage({ upTo: total, end: true });
    try {
      return await this.result;
    } finally {
      await this.worker.terminate();
    }
  }
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Below this, a thread is not worth starting: the hash takes a few milliseconds here. */
export const WORKER_HASH_MIN_BYTES = 8 * 1024 * 1024;

/**
 * The SHA-256 of a complete file of `size` bytes, read and hashed on a worker thread while this thread does
 * other work; null when the file is small (a thread is not worth starting) or no thread can be started.
 */
export function hashFileOnWorker(path: string, size: number, minBytes = WORKER_HASH_MIN_BYTES): { digest: Promise<string>; stop: () => Promise<void> } | null {
  if (size < minBytes) return null;
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path }, execArgv: [] });
  } catch {
    return null;
  }
  const hasher = new WorkerHasher(worker);
  const digest = hasher.finish(size);
  digest.catch(() => undefined); // the caller awaits it or stops the hasher
  return { digest, stop: () => hasher.stop() };
}

/** A hasher for the file at `path` (already created, being written); a worker one for large files if possible. */
export function startFileHasher(path: string, expectedBytes: number): FileHasher {
  if (expectedBytes < WORKER_HASH_MIN_BYTES) return new ThreadHasher();
  try {
    // execArgv: [] keeps a TypeScript loader of the parent (tsx in tests and benches) out of this plain-JS thread.
    return new WorkerHasher(new Worker(WORKER_SOURCE, { eval: true, workerData: { path }, execArgv: [] }));
  } catch {
    return new ThreadHasher();
  }
}
