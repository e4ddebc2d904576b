import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { AppError } from '../core/errors';
import type { Database } from '../db/schema';

/** What an office may attach as evidence or to a dossier: documents and pictures, nothing executable. */
export const ATTACHMENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
  '.txt': 'text/plain',
};

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export function mimeForFileName(fileName: string): string {
  const mime = ATTACHMENT_TYPES[extname(fileName).toLowerCase()];
  if (!mime) {
    throw new AppError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `Không nhận tệp "${fileName}": chỉ nhận PDF, ảnh (JPG, PNG, WEBP, TIFF), tệp Word, Excel, OpenDocument hoặc văn bản.`,
      { fileName, allowed: Object.keys(ATTACHMENT_TYPES) },
    );
  }
  return mime;
}

export function checkAttachmentSize(fileName: string, size: number): void {
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `Tệp "${fileName}" có dung lượng ${(size / 1024 / 1024).toFixed(1).replace('.', ',')} MB, vượt giới hạn 25 MB. Hãy nén hoặc tách tệp.`,
      { fileName, size, max: MAX_ATTACHMENT_BYTES },
    );
  }
  if (size === 0) throw new AppError('ATTACHMENT_EMPTY', `Tệp "${fileName}" rỗng.`, { fileName });
}

export function attachmentPath(storeDir: string, sha256: string): string {
  return join(storeDir, sha256.slice(0, 2), sha256);
}

/**
 * Writes bytes to a file durably: a temporary name in the same folder, fsync, then rename over the target,
 * so a crash or a full disk never leaves a half-written file under the real name.
 */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx');
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    const code = (e as { code?: string }).code;
    if (code === 'ENOSPC') throw new AppError('DISK_FULL', 'Ổ đĩa đã đầy: không lưu được tệp. Hãy giải phóng dung lượng rồi thử lại; dữ liệu cũ không bị ảnh hưởng.');
    if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new AppError('DATA_DIR_READ_ONLY', 'Thư mục dữ liệu chỉ đọc: không lưu được tệp.');
    throw e;
  }
}

/**
 * Stores a file in the content-addressed store (same content stored once) and records it. The file is on
 * disk before the row is committed; a crash in between leaves an unreferenced file, never a row without one.
 */
export async function storeAttachment(
  db: Kysely<Database>,
  storeDir: string,
  fileName: string,
  content: Uint8Array,
  at: string,
): Promise<{ sha256: string; size: number; mime: string }> {
  const mime = mimeForFileName(fileName);
  checkAttachmentSize(fileName, content.length);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const path = attachmentPath(storeDir, sha256);
  if (!existsSync(path) || !verifyFile(path, sha256)) writeFileAtomic(path, content);
  await db
    .insertInto('attachment')
    .values({ sha256, size: content.length, mime, created_at: at })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { sha256, size: content.length, mime };
}

function verifyFile(path: string, sha256: string): boolean {
  return createHash('sha256').update(readFileSync(path)).digest('hex') === sha256;
}

/** Reads a stored file and checks its hash: a damaged or altered file is reported, never served. */
export function readAttachment(storeDir: string, sha256: string): Buffer {
  const path = attachmentPath(storeDir, sha256);
  if (!existsSync(path)) {
    throw new AppError('ATTACHMENT_MISSING', 'Không tìm thấy tệp đính kèm trong kho dữ liệu. Hãy khôi phục từ bản sao lưu.', { sha256 });
  }
  const data = readFileSync(path);
  if (createHash('sha256').update(data).digest('hex') !== sha256) {
    throw new AppError('ATTACHMENT_CORRUPT', 'Tệp đính kèm đã bị hỏng hoặc bị sửa (mã băm không khớp). Hãy khôi phục từ bản sao lưu.', { sha256 });
  }
  return data;
}
