import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../core/errors';
import type { BundleHead, BundleRecord } from '../bundle/index';
import type { ReadJob } from './readWorker';

/*
 * The importer's side of the reader thread (readWorker.ts). One worker per process, started on the first import
 * and kept (unreferenced) for the next ones: under tsx (web host, CLI, tests) starting it costs about half a
 * second, bundled (Electron, out/electron/readWorker.cjs) a few milliseconds. If it cannot start, imports read in
 * their own thread as before (startReadJob returns null).
 */

export type ReadJobMessage =
  | { kind: 'head'; head: BundleHead }
  | { kind: 'records'; recordType: string; records: BundleRecord[]; done: boolean }
  /** An owned type's records as rows in its spec's column order (mergeRecords.ts RecordRow). */
  | { kind: 'rows'; recordType: string; rows: unknown[][]; done: boolean }
  | { kind: 'end'; attachments: Record<string, string>; fileSha256: string }
  | { kind: 'error'; error: { code: string | null; message: string; details: unknown } };

/** Atomics.waitAsync (ES2024, in Node since 16; not in this project's TypeScript lib). */
const waitAsync = (Atomics as unknown as {
  waitAsync: (a: Int32Array, index: number, value: number, timeout: number) => { async: false; value: string } | { async: true; value: Promise<string> };
}).waitAsync;

/** How long the reader thread may take to start (under tsx it compiles its modules on the first run). */
const READY_TIMEOUT_MS = 30_000;

/** The reader thread beats this often while it works on a job, whatever it is waiting for. */
export const HEARTBEAT_MS = 500;

/** A reader with no message and no heartbeat for this long is taken for dead (ReaderThreadLost). */
const STALL_MS = 30_000;

type Shared = { worker: Worker; ready: Promise<boolean>; dead: boolean; jobs: number };
let shared: Shared | null = null;
let unavailable = false;

function startWorker(): Shared {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundled = join(here, 'readWorker.cjs');
  let worker: Worker;
  if (existsSync(bundled)) {
    worker = new Worker(bundled, { execArgv: [] });
  } else {
    // From source: register tsx in the worker, then load the TypeScript entry (Node 20 will not start a .ts file).
    const tsx = tsxApi();
    const entry = pathToFileURL(join(here, 'readWorker.ts')).href;
    worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, {
      eval: true,
      execArgv: [],
    });
  }
  const state: Shared = { worker, dead: false, jobs: 0, ready: Promise.resolve(false) };
  state.ready = new Promise<boolean>((resolve) => {
    // A thread that has not started by then (a broken install, a stuck loader) is not waited for again.
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      resolve(ok);
    };
    worker.once('message', (m) => settle(m === 'ready'));
    worker.once('error', () => settle(false));
    worker.once('exit', () => settle(false));
  });
  const stop = () => {
    state.dead = true;
    if (shared === state) shared = null;
  };
  worker.on('error', (e) => {
    console.error('[exchange.readWorker]', e);
    stop();
  });
  worker.on('exit', stop);
  // Referenced while it starts and while a job runs (the importer's Atomics waits do not keep the process alive).
  void state.ready.then(() => {
    if (state.jobs === 0) worker.unref();
  });
  return state;
}

/** tsx's ESM register API, resolved from here ('import' condition); bare if this runtime cannot resolve it. */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api';
  }
}

/**
 * Starts reading a bundle on the reader thread; null when the thread is not available (then read in this one).
 * The caller must take messages until 'end' or 'error' (or call drain) before it removes attachmentsDir.
 */
export async function startReadJob(input: Omit<ReadJob, 'port' | 'signal'>): Promise<ReadJobClient | null> {
  // NTM_DESK_READER_THREAD=0 reads in the importer's thread (a machine where threads misbehave; tests of that path).
  if (unavailable || process.env.NTM_DESK_READER_THREAD === '0') return null;
  let state = shared ?? (shared = startWorker());
  let ready = await state.ready;
  if (ready && state.dead) {
    // It ran before and has stopped since: one new thread.
    state = shared ?? (shared = startWorker());
    ready = await state.ready;
  }
  if (!ready || state.dead) {
    unavailable = true;
    if (shared === state) shared = null;
    await state.worker.terminate();
    return null;
  }
  const { port1, port2 } = new MessageChannel();
  // [0]: bumped on every message and heartbeat; [1]: set when the thread exits (readWorker.ts).
  const signal = new SharedArrayBuffer(8);
  const job: ReadJob = { ...input, port: port2, signal };
  state.worker.postMessage(job, [port2]);
  state.jobs += 1;
  state.worker.ref();
  return new ReadJobClient(port1, new Int32Array(signal), state);
}

/**
 * The reader thread died or stopped answering (no message and no heartbeat for STALL_MS): the caller rolls back and
 * reads the bundle in its own thread instead. The thread is stopped, so it writes nothing more.
 */
export class ReaderThreadLost extends Error {
  constructor() {
    super('the bundle reader thread stopped');
    this.name = 'ReaderThreadLost';
  }
}

export class ReadJobClient {
  private finished = false;
  private stopping: Promise<unknown> | null = null;

  constructor(
    private readonly port: MessagePort,
    private readonly counter: Int32Array,
    private readonly state: Shared,
  ) {}

  private take(): ReadJobMessage | undefined {
    const m = receiveMessageOnPort(this.port)?.message as ReadJobMessage | undefined;
    if (m !== undefined && (m.kind === 'end' || m.kind === 'error')) this.finish();
    return m;
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.port.close();
    this.state.jobs -= 1;
    if (this.state.jobs === 0) this.state.worker.unref();
  }

  private lost(): ReaderThreadLost {
    this.finish();
    // Whatever it was doing, it stops: no more files in the staging folder, and the next import starts a new one.
    this.state.dead = true;
    if (shared === this.state) shared = null;
    this.stopping ??= this.state.worker.terminate().catch(() => undefined);
    return new ReaderThreadLost();
  }

  /**
   * One look for the next message: the message, or the counter value to wait on. Throws ReaderThreadLost when the
   * thread is gone (exited, or neither a message nor a heartbeat (HEARTBEAT_MS) since `watch.deadline`).
   */
  private poll(watch: { beat: number; deadline: number }): { message: ReadJobMessage } | { seen: number } {
    const seen = Atomics.load(this.counter, 0);
    const message = this.take();
    if (message !== undefined) return { message };
    if (this.finished || this.state.dead || Atomics.load(this.counter, 1) === 1) throw this.lost();
    if (seen !== watch.beat) {
      watch.beat = seen;
      watch.deadline = Date.now() + STALL_MS;
    } else if (Date.now() > watch.deadline) throw this.lost();
    return { seen };
  }

  private watch(): { beat: number; deadline: number } {
    return { beat: Atomics.load(this.counter, 0), deadline: Date.now() + STALL_MS };
  }

  /** The next message, waiting without blocking this thread. */
  async next(): Promise<ReadJobMessage> {
    const watch = this.watch();
    for (;;) {
      const p = this.poll(watch);
      if ('message' in p) return p.message;
      const waited = waitAsync(this.counter, 0, p.seen, 250);
      if (waited.async) {
        // A timer too: a pending Atomics wait does not keep the process alive if the thread is gone.
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([waited.value, new Promise((resolve) => (timer = setTimeout(resolve, 250)))]);
        clearTimeout(timer);
      }
    }
  }

  /**
   * The next message, blocking this thread (inside a transaction, where nothing else may run). The heartbeat tells
   * a slow reader from a dead one, whose 'exit' event this thread cannot hear while it waits.
   */
  nextSync(): ReadJobMessage {
    const watch = this.watch();
    for (;;) {
      const p = this.poll(watch);
      if ('message' in p) return p.message;
      Atomics.wait(this.counter, 0, p.seen, 250);
    }
  }

  /** Lets the reader finish (its files are then closed), or waits for a lost one to stop; drops what it sends. */
  async drain(): Promise<void> {
    while (!this.finished) {
      try {
        await this.next();
      } catch {
        break;
      }
    }
    await this.stopping;
  }
}

/** The reader's error as thrown in this thread: the same code, message and details. */
export function readJobError(error: Extract<ReadJobMessage, { kind: 'error' }>['error']): Error {
  return error.code === null ? new Error(error.message) : new AppError(error.code, error.message, error.details);
}
