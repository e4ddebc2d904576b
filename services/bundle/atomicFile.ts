import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { bundleError } from '../../core/bundle/errors';
import { isAppError } from '../../core/errors';

/**
 * Writes a stream to `path` so that the path holds either the old content or the complete new file, never
 * a partial one: write a temp file in the same directory (rename is atomic within a file system), fsync it,
 * rename over the target, fsync the directory so the rename survives a power cut.
 */
export async function writeFileAtomically(path: string, content: ReadableStream<Uint8Array>): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (e) {
    throw bundleError('BUNDLE_WRITE_FAILED', { reason: (e as NodeJS.ErrnoException).code ?? 'open' });
  }
  let written = 0;
  try {
    const reader = content.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await handle.write(value);
      written += value.length;
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (isAppError(e)) throw e;
    throw bundleError('BUNDLE_WRITE_FAILED', { reason: e instanceof Error ? e.message : String(e) });
  }
  await syncDirectory(dirname(path));
  return written;
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
