import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { TarReader } from '../bundle/tarReader';
import { tarEnd, tarHeader, tarPadding } from '../bundle/tarWriter';
import { attachmentPath } from '../attachments';

/**
 * A backup is one file (".ntmbak"): a plain ustar archive holding backup.json (what it contains), the
 * database copied with SQLite's online backup API, and every attachment by hash. Plain tar so that a
 * person can still open it with standard tools if NTM Desk is not at hand.
 */
export const BACKUP_FORMAT = 'ntm-desk/backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = '.ntmbak';

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  reason: z.enum(['manual', 'daily', 'pre-migration', 'pre-restore']),
  office: z.object({ officeCode: z.string(), officeName: z.string(), unitName: z.string() }).nullable(),
  database: z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int() }),
  attachments: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int() })),
  counts: z.record(z.string(), z.number().int()),
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;

const COUNTED_TABLES = ['ntm_commune', 'ntm_assessment', 'ntm_value', 'ntm_recognition', 'ntm_evidence_file', 'audit_log'];

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function diskError(e: unknown, what: string): AppError {
  const code = (e as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new AppError('DISK_FULL', `Ổ đĩa đã đầy: không ghi được ${what}. Không có tệp dở dang nào được để lại; dữ liệu hiện tại không bị ảnh hưởng.`);
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return new AppError('DESTINATION_READ_ONLY', `Không ghi được ${what}: thư mục đích chỉ đọc hoặc không có quyền ghi.`);
  return e instanceof AppError ? e : new AppError('BACKUP_WRITE_FAILED', `Không ghi được ${what}: ${(e as Error).message}`);
}

/** Reads what the database copy holds, for the manifest and for the restore preview. */
function describeCopy(dbPath: string): { schemaVersion: number; office: BackupManifest['office']; counts: Record<string, number>; attachments: { sha256: string; size: number }[] } {
  const db = new BetterSqlite3(dbPath, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new AppError('BACKUP_SOURCE_CORRUPT', 'Bản sao cơ sở dữ liệu không toàn vẹn; không tạo bản sao lưu từ dữ liệu hỏng.');
    const has = (t: string) => db.prepare("SELECT 1 FROM sqlite_schema WHERE type='table' AND name=?").get(t) !== undefined;
    const counts: Record<string, number> = {};
    for (const t of COUNTED_TABLES) if (has(t)) counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    const office = has('office')
      ? (db
          .prepare("SELECT o.kind, o.office_name, u.code, u.full_name FROM office o JOIN admin_unit u ON u.id = o.unit_id WHERE o.id = 1")
          .get() as { kind: string; office_name: string; code: string; full_name: string } | undefined)
      : undefined;
    const attachments = has('attachment') ? (db.prepare('SELECT sha256, size FROM attachment ORDER BY sha256').all() as { sha256: string; size: number }[]) : [];
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const letter = office?.kind === 'district' ? 'H' : office?.kind === 'commune' ? 'X' : 'T';
    return {
      schemaVersion,
      office: office ? { officeCode: `${letter}${office.code}`, officeName: office.office_name, unitName: office.full_name } : null,
      counts,
      attachments,
    };
  } finally {
    db.close();
  }
}

export type WriteBackupInput = {
  sqlite: BetterSqlite3.Database;
  attachmentsDir: string;
  destination: string;
  reason: BackupManifest['reason'];
  appVersion: string;
  now: Date;
};

/**
 * Writes a verified backup file: the database is copied with the online backup API (a consistent snapshot
 * while the app keeps running), checked, packed with its attachments under a temporary name, fsynced, read
 * back and verified, and only then renamed to its final name.
 */
export async function writeBackup(input: WriteBackupInput): Promise<{ path: string; manifest: BackupManifest }> {
  const { destination } = input;
  try {
    mkdirSync(dirname(destination), { recursive: true });
  } catch (e) {
    throw diskError(e, 'bản sao lưu');
  }
  const scratch = `${destination}.${randomBytes(6).toString('hex')}`;
  const dbCopy = `${scratch}.sqlite`;
  const tarTemp = `${scratch}.tmp`;
  try {
    try {
      await input.sqlite.backup(dbCopy);
    } catch (e) {
      throw diskError(e, 'bản sao cơ sở dữ liệu');
    }
    const described = describeCopy(dbCopy);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: input.now.toISOString(),
      appVersion: input.appVersion,
      schemaVersion: described.schemaVersion,
      reason: input.reason,
      office: described.office,
      database: { sha256: sha256File(dbCopy), size: statSync(dbCopy).size },
      attachments: described.attachments,
      counts: described.counts,
    };
    for (const a of manifest.attachments) {
      if (!existsSync(attachmentPath(input.attachmentsDir, a.sha256))) {
        throw new AppError('ATTACHMENT_MISSING', `Thiếu tệp đính kèm ${a.sha256.slice(0, 12)}… trong kho dữ liệu; hãy chạy kiểm tra toàn vẹn.`, { sha256: a.sha256 });
      }
    }
    const mtime = Math.floor(input.now.getTime() / 1000);
    let fd: number | null = null;
    try {
      fd = openSync(tarTemp, 'wx');
      const write = (bytes: Uint8Array) => {
        let off = 0;
        while (off < bytes.length) off += writeSync(fd!, bytes, off, bytes.length - off);
      };
      const addFile = (name: string, path: string, size: number) => {
        write(tarHeader({ name, size, mtimeSeconds: mtime }));
        const src = openSync(path, 'r');
        try {
          const buf = Buffer.allocUnsafe(1024 * 1024);
          let read = 0;
          let pos = 0;
          while ((read = readChunk(src, buf, pos)) > 0) {
            write(buf.subarray(0, read));
            pos += read;
          }
        } finally {
          closeSync(src);
        }
        write(tarPadding(size));
      };
      const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
      write(tarHeader({ name: 'backup.json', size: manifestBytes.length, mtimeSeconds: mtime }));
      write(manifestBytes);
      write(tarPadding(manifestBytes.length));
      addFile('ntm-desk.sqlite', dbCopy, manifest.database.size);
      for (const a of manifest.attachments) addFile(`attachments/${a.sha256}`, attachmentPath(input.attachmentsDir, a.sha256), a.size);
      write(tarEnd());
      fsyncSync(fd);
      closeSync(fd);
      fd = null;
    } catch (e) {
      if (fd !== null) closeSync(fd);
      throw diskError(e, 'bản sao lưu');
    }
    await verifyBackup(tarTemp, null);
    renameSync(tarTemp, destination);
    return { path: destination, manifest };
  } finally {
    for (const f of [dbCopy, `${dbCopy}-wal`, `${dbCopy}-shm`, `${dbCopy}-journal`, tarTemp]) rmSync(f, { force: true });
  }
}

function readChunk(fd: number, buf: Buffer, pos: number): number {
  return readSync(fd, buf, 0, buf.length, pos);
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
}

const READ_LIMITS = { maxEntries: 1_000_000, maxEntryBytes: 64 * 1024 * 1024 * 1024, maxTotalBytes: 256 * 1024 * 1024 * 1024 };

/**
 * Reads a backup file through: manifest first, every entry's hash checked against it. With `extractTo`,
 * the database and attachments are written there (database as `ntm-desk.sqlite`, attachments by hash).
 */
export async function verifyBackup(path: string, extractTo: { database: string; attachmentsDir: string } | null): Promise<BackupManifest> {
  if (!existsSync(path)) throw new AppError('BACKUP_NOT_FOUND', `Không tìm thấy tệp sao lưu "${basename(path)}".`);
  const invalid = (why: string) => new AppError('BACKUP_INVALID', `Tệp "${basename(path)}" không phải bản sao lưu NTM Desk hợp lệ hoặc đã bị hỏng: ${why}`);
  const reader = new TarReader(fileChunks(path)[Symbol.asyncIterator](), READ_LIMITS);
  let manifest: BackupManifest;
  try {
    const first = await reader.next();
    if (!first || first.name !== 'backup.json' || first.size > 16 * 1024 * 1024) throw invalid('thiếu backup.json ở đầu tệp.');
    const parsed = backupManifestSchema.safeParse(JSON.parse(Buffer.from(await reader.readBody()).toString('utf8')));
    if (!parsed.success) throw invalid('backup.json không đúng định dạng.');
    manifest = parsed.data;
    if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new AppError('BACKUP_FORMAT_TOO_NEW', 'Bản sao lưu được tạo bởi phiên bản NTM Desk mới hơn. Hãy cập nhật ứng dụng để khôi phục.');
    }
    const expected = new Map<string, string>([['ntm-desk.sqlite', manifest.database.sha256]]);
    for (const a of manifest.attachments) expected.set(`attachments/${a.sha256}`, a.sha256);
    const seen = new Set<string>();
    for (let entry = await reader.next(); entry; entry = await reader.next()) {
      const want = expected.get(entry.name);
      if (!want || seen.has(entry.name)) throw invalid(`mục lạ "${entry.name}".`);
      seen.add(entry.name);
      const hash = createHash('sha256');
      let out: number | null = null;
      const target = extractTo
        ? entry.name === 'ntm-desk.sqlite'
          ? extractTo.database
          : attachmentPath(extractTo.attachmentsDir, want)
        : null;
      const temp = target ? `${target}.${randomBytes(4).toString('hex')}.tmp` : null;
      try {
        if (temp) {
          mkdirSync(dirname(temp), { recursive: true });
          out = openSync(temp, 'w');
        }
        for await (const chunk of reader.body()) {
          hash.update(chunk);
          if (out !== null) {
            let off = 0;
            while (off < chunk.length) off += writeSync(out, chunk, off, chunk.length - off);
          }
        }
        if (out !== null) {
          fsyncSync(out);
          closeSync(out);
          out = null;
        }
        if (hash.digest('hex') !== want) throw invalid(`mã băm của "${entry.name}" không khớp.`);
        if (temp && target) renameSync(temp, target);
      } catch (e) {
        if (out !== null) closeSync(out);
        if (temp) rmSync(temp, { force: true });
        throw e;
      }
    }
    if (seen.size !== expected.size) throw invalid('thiếu dữ liệu so với backup.json.');
  } catch (e) {
    if (e instanceof AppError && e.code.startsWith('BACKUP_')) throw e;
    if (e instanceof AppError && e.code.startsWith('BUNDLE_')) throw invalid('tệp bị cắt cụt hoặc sai cấu trúc.');
    if (e instanceof SyntaxError) throw invalid('backup.json không đọc được.');
    if ((e as { code?: string }).code === 'ENOSPC') throw diskError(e, 'dữ liệu khôi phục');
    throw e;
  }
  return manifest;
}

export function backupFileName(officeCode: string | null, reason: BackupManifest['reason'], now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[:T]/g, '-');
  return `ntm-desk-${officeCode ?? 'chua-thiet-lap'}-${stamp}-${reason}${BACKUP_EXTENSION}`;
}

