import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { bundleError } from '../../core/bundle/errors';
import { isAppError } from '../../core/errors';
import { startFileHasher, type FileHasher } from './fileHasher';

/**
 * Writes a stream to `path` so that the path holds either the old content or the complete new file, never
 * a partial one: write a temp file in the same directory (rename is atomic within a file system), fsync it,
 * rename over the target, fsync the directory so the rename survives a power cut.
 */
export async function writeFileAtomically(path: string, content: ReadableStream<Uint8Array>): Promise<number> {
  const file = await AtomicFileWriter.create(path);
  try {
    const reader = content.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await file.write([value]);
    }
    return (await file.commit()).bytes;
  } catch (e) {
    await file.abort();
    if (isAppError(e)) throw e;
    throw bundleError('BUNDLE_WRITE_FAILED', { reason: e instanceof Error ? e.message : String(e) });
  }
}

/** Bytes gathered before one write: few system calls, and the next batch is prepared while one is under way. */
const BATCH_BYTES = 1024 * 1024;
/**
 * Written bytes after which an fdatasync is started in the background (one at a time), so that the disk works
 * while the file is still being produced and the fsync before the rename has little left to do.
 */
const EARLY_SYNC_BYTES = 8 * 1024 * 1024;

/**
 * The writer behind writeFileAtomically, for callers that produce many pieces: pieces are gathered into
 * ~1 MiB vectored writes, one of which is under way while the caller prepares the next, and the SHA-256 of
 * the file is computed on the way (on a worker thread for large files, see fileHasher.ts), so nobody reads the
 * finished file again to hash it. Only commit() puts the file at `path` (fsync, rename, fsync of the
 * directory); abort() removes the temp file.
 */
export class AtomicFileWriter {
  private batch: Uint8Array[] = [];
  private batchBytes = 0;
  private inFlight: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  /** An early sync's failure: kept, because Linux reports a writeback error once per file description. */
  private syncError: unknown = null;
  private syncedUpTo = 0;
  private bytes = 0;
  private done = false;

  private constructor(
    private readonly path: string,
    private readonly temp: string,
    private handle: FileHandle | undefined,
    private readonly hasher: FileHasher,
  ) {}

  /** `expectedBytes`: about how large the file will be (a large one is hashed on a worker thread). */
  static async create(path: string, options: { expectedBytes?: number } = {}): Promise<AtomicFileWriter> {
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    let handle: FileHandle;
    try {
      handle = await open(temp, 'wx', 0o600);
    } catch (e) {
      throw bundleError('BUNDLE_WRITE_FAILED', { reason: (e as NodeJS.ErrnoException).code ?? 'open' });
    }
    return new AtomicFileWriter(path, temp, handle, startFileHasher(temp, options.expectedBytes ?? 0));
  }

  /** Queues pieces, in order. They must not change afterwards. */
  async write(pieces: readonly Uint8Array[]): Promise<void> {
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      this.hasher.update(piece);
      this.batch.push(piece);
      this.batchBytes += piece.length;
    }
    if (this.batchBytes >= BATCH_BYTES) await this.flush();
  }

  /** Writes what is queued, syncs, renames into place. Returns the size and SHA-256 (hex) of the content. */
  async commit(): Promise<{ bytes: number; sha256: string }> {
    let sha256: string;
    try {
      await this.flush();
      await this.inFlight;
      this.inFlight = null;
      // The hash of the last bytes and the fsync run at the same time.
      const digest = this.hasher.finish(this.bytes);
      digest.catch(() => undefined); // awaited below, after the sync
      await this.syncing;
      this.syncing = null;
      if (this.syncError !== null) throw this.syncError;
      await this.handle!.sync();
      sha256 = await digest;
      await this.handle!.close();
      this.handle = undefined;
      await rename(this.temp, this.path);
    } catch (e) {
      await this.abort();
      if (isAppError(e)) throw e;
      throw bundleError('BUNDLE_WRITE_FAILED', { reason: e instanceof Error ? e.message : String(e) });
    }
    this.done = true;
    await syncDirectory(dirname(this.path));
    return { bytes: this.bytes, sha256 };
  }

  /** Gives up: closes and removes the temp file. Safe to call more than once. */
  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.inFlight?.catch(() => undefined);
    this.inFlight = null;
    await this.syncing;
    this.syncing = null;
    await this.hasher.stop().catch(() => undefined);
    await this.handle?.close().catch(() => undefined);
    this.handle = undefined;
    await unlink(this.temp).catch(() => undefined);
  }

  /** Starts writing the batch once the previous write has finished (so writes land in order). */
  private async flush(): Promise<void> {
    if (this.done) throw new Error('file already committed or aborted');
    if (this.inFlight !== null) {
      const previous = this.inFlight;
      this.inFlight = null;
      await previous;
      this.hasher.written(this.bytes); // every byte issued so far is in the file
      if (this.syncing === null && this.bytes - this.syncedUpTo >= EARLY_SYNC_BYTES) {
        this.syncedUpTo = this.bytes;
        const sync: Promise<void> = this.handle!.datasync().then(
          () => {
            if (this.syncing === sync) this.syncing = null;
          },
          (e: unknown) => {
            this.syncError ??= e;
            if (this.syncing === sync) this.syncing = null;
          },
        );
        this.syncing = sync;
      }
    }
    if (this.batchBytes === 0) return;
    const pieces = this.batch;
    const size = this.batchBytes;
    this.batch = [];
    this.batchBytes = 0;
    const write = writeAll(this.handle!, pieces, size).catch((e: unknown) => {
      throw bundleError('BUNDLE_WRITE_FAILED', { reason: e instanceof Error ? e.message : String(e) });
    });
    write.catch(() => undefined); // observed by the next flush, commit or abort
    this.inFlight = write;
    this.bytes += size;
  }
}

/** writev until every byte is written (libuv already retries short writes; this is the safety net). */
async function writeAll(handle: FileHandle, pieces: Uint8Array[], size: number): Promise<void> {
  let left = size;
  for (;;) {
    const { bytesWritten } = await handle.writev(pieces);
    left -= bytesWritten;
    if (left <= 0) return;
    if (bytesWritten === 0) throw new Error('write made no progress');
    let skip = bytesWritten;
    const rest: Uint8Array[] = [];
    for (const p of pieces) {
      if (skip >= p.length) skip -= p.length;
      else {
        rest.push(skip > 0 ? p.subarray(skip) : p);
        skip = 0;
      }
    }
    pieces = rest;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Not supported on Windows (EPERM/EISDIR); the rename itself is still atomic there.
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* best effort, see above */
  }
}
