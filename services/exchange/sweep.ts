import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { dataPaths } from '../paths';
import { exportsDir } from './exportService';
import { uploadsDir } from './uploads';

/** Older than this, a temporary of an import or export cannot belong to one still running (a 200 MB import takes seconds). */
export const STALE_TEMP_MS = 60 * 60 * 1000;
export const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

/**
 * Removes what an import or export killed mid-way left behind: the import's staging folders in the attachment
 * store (`attachments/.import-*`, services/exchange/importService.ts) and an export's temp file beside its target
 * (`exports/.<name>.<hex>.tmp`, services/bundle/atomicFile.ts), the import handler's temp copies, and chunked
 * uploads nobody finished (a day). Only those older than STALE_TEMP_MS: another
 * process (the CLI beside the app) may be importing right now. Returns the paths removed.
 */
export async function sweepStaleTemporaries(dataDir: string, nowMs: number, maxAgeMs = STALE_TEMP_MS): Promise<string[]> {
  const tmp = join(dataDir, 'tmp');
  const candidates = [
    ...(await entries(dataPaths(dataDir).attachments)).filter((n) => /^\.import-[0-9a-f]+$/.test(n)).map((n) => ({ path: join(dataPaths(dataDir).attachments, n), age: maxAgeMs })),
    ...(await entries(exportsDir(dataDir))).filter((n) => /^\..+\.[0-9a-f]{12}\.tmp$/.test(n)).map((n) => ({ path: join(exportsDir(dataDir), n), age: maxAgeMs })),
    // The import handler's own temp copies of base64 files (handlers.ts).
    ...(await entries(tmp)).filter((n) => /^upload-[0-9a-f]+$/.test(n)).map((n) => ({ path: join(tmp, n), age: maxAgeMs })),
    // Chunked uploads (uploads.ts): a person may pause one, so a day without a chunk before it is dropped.
    ...(await entries(uploadsDir(dataDir))).filter((n) => /\.(part|taken)$/.test(n)).map((n) => ({ path: join(uploadsDir(dataDir), n), age: Math.max(maxAgeMs, STALE_UPLOAD_MS) })),
  ];
  const removed: string[] = [];
  for (const { path, age } of candidates) {
    try {
      if (nowMs - (await stat(path)).mtimeMs < age) continue;
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Gone already (another process swept it): nothing to do.
    }
  }
  return removed;
}

async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
