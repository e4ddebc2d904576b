import { randomUUID } from 'node:crypto';
import { open, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from '../../core/contract/exchange';
import { AppError } from '../../core/errors';
import { getExport } from '../../db/exchange/exports';
import type { ServiceContext } from '../context';
import { exchangeError } from './errors';
import { exportsDir } from './exportService';
import { decodeBase64File } from './keyService';

/*
 * Bundles larger than one request (a district's scanned evidence easily makes hundreds of MB) cross the contract
 * in chunks, whatever the host (web, Electron IPC, CLI): begin → append at the next offset → import by upload id
 * (STYLE.md §3: bytes, never a path from the renderer). The parts live in <dataDir>/tmp/uploads, on the same disk
 * as the store; the import removes its upload, and sweep.ts removes abandoned ones.
 */

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uploadsDir(dataDir: string): string {
  return join(dataDir, 'tmp', 'uploads');
}

function partPath(dataDir: string, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) throw uploadNotFound(uploadId);
  return join(uploadsDir(dataDir), `${uploadId}.part`);
}

function uploadNotFound(uploadId: string): AppError {
  return new AppError('UPLOAD_NOT_FOUND', 'Không tìm thấy phần tệp đang tải lên (có thể đã quá hạn hoặc đã được nhập). Hãy chọn lại tệp.', { uploadId });
}

export async function beginUpload(ctx: ServiceContext, input: { fileName: string; size: number }): Promise<{ uploadId: string; chunkBytes: number }> {
  if (input.size > MAX_UPLOAD_BYTES) {
    throw new AppError('UPLOAD_TOO_LARGE', `Tệp "${input.fileName}" lớn hơn ${MAX_UPLOAD_BYTES / 1024 ** 3} GB, không tải lên được.`, { size: input.size, max: MAX_UPLOAD_BYTES });
  }
  const uploadId = randomUUID();
  await mkdir(uploadsDir(ctx.dataDir), { recursive: true, mode: 0o700 });
  const handle = await open(partPath(ctx.dataDir, uploadId), 'wx', 0o600);
  await handle.close();
  return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
}

/**
 * Appends one chunk at `offset`, which must be the bytes received so far: a chunk sent twice or out of order is
 * refused (UPLOAD_OFFSET_MISMATCH, with the offset to resume from) instead of corrupting the file.
 */
export async function appendUpload(ctx: ServiceContext, input: { uploadId: string; offset: number; contentBase64: string }): Promise<{ received: number }> {
  const path = partPath(ctx.dataDir, input.uploadId);
  const bytes = decodeBase64File(input.contentBase64);
  let handle;
  try {
    handle = await open(path, 'r+');
  } catch {
    throw uploadNotFound(input.uploadId);
  }
  try {
    const size = (await handle.stat()).size;
    if (input.offset !== size) {
      throw new AppError('UPLOAD_OFFSET_MISMATCH', `Phần tệp gửi lên không liền với phần đã nhận (đã nhận ${size} byte).`, { expected: size, offset: input.offset });
    }
    if (size + bytes.length > MAX_UPLOAD_BYTES) throw new AppError('UPLOAD_TOO_LARGE', `Tệp lớn hơn ${MAX_UPLOAD_BYTES / 1024 ** 3} GB, không tải lên được.`, { max: MAX_UPLOAD_BYTES });
    await handle.write(bytes, 0, bytes.length, size);
    return { received: size + bytes.length };
  } finally {
    await handle.close();
  }
}

/** The uploaded file's path for an import; the caller removes it with discardUpload when done. */
export async function uploadedFile(ctx: ServiceContext, uploadId: string): Promise<string> {
  const path = partPath(ctx.dataDir, uploadId);
  try {
    await stat(path);
  } catch {
    throw uploadNotFound(uploadId);
  }
  // Renamed so that a second import naming the same upload cannot read it while this one does.
  const taken = `${path}.${randomUUID().slice(0, 8)}.taken`;
  try {
    await rename(path, taken);
  } catch {
    throw uploadNotFound(uploadId);
  }
  return taken;
}

export async function discardUpload(path: string): Promise<void> {
  await rm(path, { force: true });
}

/** One chunk of an export's file (any size): the renderer assembles the chunks into the file it saves. */
export async function downloadExportChunk(
  ctx: ServiceContext,
  input: { sequence: number; offset: number; length: number },
): Promise<{ fileName: string; contentBase64: string; size: number; offset: number }> {
  const row = await getExport(ctx.db, input.sequence);
  if (row === undefined) throw exchangeError('EXCHANGE_EXPORT_NOT_FOUND', { sequence: input.sequence });
  let handle;
  try {
    handle = await open(join(exportsDir(ctx.dataDir), row.file_name), 'r');
  } catch {
    throw exchangeError('EXCHANGE_EXPORT_FILE_MISSING', { fileName: row.file_name });
  }
  try {
    const size = (await handle.stat()).size;
    const length = Math.max(0, Math.min(input.length, size - input.offset));
    const buffer = Buffer.alloc(length);
    if (length > 0) await handle.read(buffer, 0, length, input.offset);
    return { fileName: row.file_name, contentBase64: buffer.toString('base64'), size, offset: input.offset };
  } finally {
    await handle.close();
  }
}
