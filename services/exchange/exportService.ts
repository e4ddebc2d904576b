import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { EXCHANGE_EVENTS, type ExchangeExport, type ExchangeExportMode } from '../../core/contract/index';
import {
  acknowledgeExport,
  getExport,
  insertExport,
  insertExportItems,
  lastAcknowledgedSequence,
  listExports,
  nextExportSequence,
  type ExchangeExportRow,
} from '../../db/exchange/exports';
import { getActiveOwnKey } from '../../db/exchange/keys';
import type { ExchangeExportItemTable } from '../../db/schema';
import { attachmentPath } from '../attachments';
import { exportBundle, type BundleRecord } from '../bundle/index';
import type { ServiceContext } from '../context';
import { dataPaths } from '../paths';
import { audit, currentActor } from '../staff';
import { exchangeError } from './errors';
import { activeProvinceRecipient, openSigningKey, requireOffice } from './keyService';
import { BUNDLE_DATA_ORDER, OWNED_RECORD_TYPES, recordTypeSpec, type RecordTypeSpec } from './recordTypes';
import { CATALOG_RECORD_TYPE, collectCatalogs } from './catalogRecords';
import { serialize } from './serialize';

/** Bundles the renderer may download as base64; larger ones are saved with the CLI (or a native dialog). */
export const MAX_DOWNLOAD_BYTES = 32 * 1024 * 1024;

export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

export type ExportInput = {
  mode: ExchangeExportMode;
  periods: string[];
  passphrase?: string;
  /** Where to write; default: <dataDir>/exports/<office>-<sequence>.ntmb. The CLI passes its own path. */
  outputPath?: string;
};

export type CollectedRecords = {
  records: Record<string, BundleRecord[]>;
  /** SHA-256 → path in the attachment store. */
  attachments: Record<string, string>;
  items: Omit<ExchangeExportItemTable, 'sequence'>[];
};

/**
 * Reads this office's records to send, in one read transaction (a consistent snapshot; better-sqlite3 is
 * synchronous, so nothing interleaves): everything in a full export; in an incremental one, each record
 * whose current version the province has not acknowledged. Attachments follow the rows that reference them.
 */
export function collectRecords(
  sqlite: BetterSqlite3.Database,
  storeDir: string,
  officeCode: string,
  mode: ExchangeExportMode,
): CollectedRecords {
  return sqlite.transaction(() => {
    const records: Record<string, BundleRecord[]> = {};
    const items: CollectedRecords['items'] = [];
    const referenced = new Set<string>();
    for (const spec of OWNED_RECORD_TYPES) {
      const rows = selectOwned(sqlite, spec, officeCode, mode);
      if (rows.length === 0) continue;
      records[spec.name] = rows;
      for (const row of rows) {
        items.push({ record_type: spec.name, record_id: row.id, version: Number(row.version) });
        for (const column of spec.attachmentColumns) {
          const sha = row[column];
          if (typeof sha === 'string') referenced.add(sha);
        }
      }
    }
    const attachments: Record<string, string> = {};
    const spec = recordTypeSpec('attachment')!;
    const acked = sqlite.prepare(`SELECT 1 FROM exchange_acked WHERE record_type = 'attachment' AND record_id = ?`);
    const select = sqlite.prepare(`SELECT sha256 AS id, sha256, size, mime, created_at FROM attachment WHERE sha256 = ?`);
    const attachmentRows: BundleRecord[] = [];
    for (const sha of [...referenced].sort()) {
      if (mode === 'incremental' && acked.get(sha) !== undefined) continue;
      const row = select.get(sha) as BundleRecord | undefined;
      if (row === undefined) continue; // the foreign key makes this impossible; the export would refuse it anyway
      attachmentRows.push(row);
      attachments[sha] = attachmentPath(storeDir, sha);
      items.push({ record_type: spec.name, record_id: sha, version: 1 });
    }
    if (attachmentRows.length > 0) records[spec.name] = attachmentRows;
    const catalogs = collectCatalogs(sqlite, records);
    if (catalogs.length > 0) records[CATALOG_RECORD_TYPE] = catalogs;
    return { records, attachments, items };
  })();
}

function selectOwned(sqlite: BetterSqlite3.Database, spec: RecordTypeSpec, officeCode: string, mode: ExchangeExportMode): BundleRecord[] {
  const columns = spec.columns.map((c) => `t.${c}`).join(', ');
  const sql =
    mode === 'full'
      ? `SELECT ${columns} FROM ${spec.table} t WHERE t.office_code = ? ORDER BY t.id`
      : `SELECT ${columns} FROM ${spec.table} t
         LEFT JOIN exchange_acked a ON a.record_type = '${spec.name}' AND a.record_id = t.id
         WHERE t.office_code = ? AND (a.version IS NULL OR t.version > a.version) ORDER BY t.id`;
  return sqlite.prepare(sql).all(officeCode) as BundleRecord[];
}

export function rowToExport(row: ExchangeExportRow): ExchangeExport {
  return {
    sequence: row.sequence,
    mode: row.mode,
    officeCode: row.office_code,
    createdAt: row.created_at,
    fileName: row.file_name,
    bytes: row.bytes,
    sha256: row.sha256,
    counts: JSON.parse(row.counts_json) as Record<string, number>,
    periods: JSON.parse(row.periods_json) as string[],
    attachmentCount: row.attachment_count,
    baseSequence: row.base_sequence,
    recipientFingerprint: row.recipient_fingerprint,
    acknowledgedAt: row.acknowledged_at,
    staffName: row.staff_name,
  };
}

/**
 * Exports this office's records as a bundle for the province: signed with the office's key, encrypted to the
 * province's recipient and the office's own (so it can reopen it). The file is written under a temp name and
 * renamed when complete; the export is recorded only once the file is in place.
 */
export function exportOfficeBundle(ctx: ServiceContext, input: ExportInput): Promise<ExchangeExport> {
  return serialize(ctx, () => writeExport(ctx, input));
}

async function writeExport(ctx: ServiceContext, input: ExportInput): Promise<ExchangeExport> {
  const office = await requireOffice(ctx);
  const recipient = await activeProvinceRecipient(ctx);
  if (recipient === undefined) throw exchangeError('EXCHANGE_RECIPIENT_MISSING');
  const ownEncryption = await getActiveOwnKey(ctx.db, 'encryption');
  const signingKey = await openSigningKey(ctx, input.passphrase);

  const sequence = await nextExportSequence(ctx.db);
  const baseSequence = input.mode === 'incremental' ? await lastAcknowledgedSequence(ctx.db) : null;
  const createdAt = ctx.now();
  const collected = collectRecords(ctx.conn.sqlite, dataPaths(ctx.dataDir).attachments, office.officeCode, input.mode);

  const fileName = `${office.officeCode}-${sequence}.ntmb`;
  const outputPath = input.outputPath ?? join(exportsDir(ctx.dataDir), fileName);
  if (input.outputPath === undefined) await mkdir(exportsDir(ctx.dataDir), { recursive: true });
  let lastEmit = -1;
  const result = await exportBundle({
    outputPath,
    officeCode: office.officeCode,
    sequence,
    periods: input.periods,
    records: collected.records,
    dataOrder: BUNDLE_DATA_ORDER,
    attachments: collected.attachments,
    signingKey,
    recipients: ownEncryption === undefined ? [recipient.public_key] : [recipient.public_key, ownEncryption.public_key],
    createdAt,
    onProgress: (p) => {
      // At most ~200 events per export, and always the last one.
      const step = Math.floor((p.bytesDone / Math.max(1, p.bytesTotal)) * 200);
      if (step !== lastEmit || p.bytesDone === p.bytesTotal) {
        lastEmit = step;
        ctx.emit(EXCHANGE_EVENTS.exportProgress, { bytesDone: p.bytesDone, bytesTotal: p.bytesTotal });
      }
    },
  });
  signingKey.seed.fill(0);

  const row: ExchangeExportRow = {
    sequence,
    mode: input.mode,
    office_code: office.officeCode,
    created_at: createdAt.toISOString(),
    file_name: fileName,
    bytes: result.bytes,
    sha256: result.sha256,
    counts_json: JSON.stringify(result.manifest.counts),
    periods_json: JSON.stringify(result.manifest.periods),
    attachment_count: Object.keys(collected.attachments).length,
    base_sequence: baseSequence,
    recipient_fingerprint: recipient.fingerprint,
    acknowledged_at: null,
    staff_name: null,
  };
  const actor = await currentActor(ctx);
  row.staff_name = actor.name;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertExport(trx, row);
      await insertExportItems(trx, collected.items.map((i) => ({ ...i, sequence })));
      await audit(trx, ctx, actor, {
        entity: 'exchange_export',
        entityId: String(sequence),
        action: 'export',
        before: null,
        after: { mode: input.mode, counts: result.manifest.counts, attachments: row.attachment_count, sha256: row.sha256 },
      });
    });
  } catch (e) {
    await rm(outputPath, { force: true });
    throw e;
  }
  ctx.emit('exchange.changed', null);
  return rowToExport(row);
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function listOfficeExports(ctx: ServiceContext): Promise<ExchangeExport[]> {
  return (await listExports(ctx.db)).map(rowToExport);
}

export async function acknowledgeOfficeExport(ctx: ServiceContext, sequence: number): Promise<ExchangeExport> {
  const row = await getExport(ctx.db, sequence);
  if (row === undefined) throw exchangeError('EXCHANGE_EXPORT_NOT_FOUND', { sequence });
  if (row.acknowledged_at !== null) return rowToExport(row);
  const last = await lastAcknowledgedSequence(ctx.db);
  if (last !== null && last > sequence) throw exchangeError('EXCHANGE_ACK_STALE', { sequence, lastAcknowledged: last });
  const at = ctx.now().toISOString();
  const actor = await currentActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await acknowledgeExport(trx, sequence, at);
    await audit(trx, ctx, actor, {
      entity: 'exchange_export',
      entityId: String(sequence),
      action: 'acknowledge',
      before: null,
      after: { acknowledgedAt: at },
    });
  });
  ctx.emit('exchange.changed', null);
  return rowToExport({ ...row, acknowledged_at: at });
}

/** The bytes of an export in the data folder, for the renderer to save as a file. */
export async function downloadExport(ctx: ServiceContext, sequence: number): Promise<{ fileName: string; contentBase64: string }> {
  const row = await getExport(ctx.db, sequence);
  if (row === undefined) throw exchangeError('EXCHANGE_EXPORT_NOT_FOUND', { sequence });
  const path = join(exportsDir(ctx.dataDir), row.file_name);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw exchangeError('EXCHANGE_EXPORT_FILE_MISSING', { fileName: row.file_name });
  }
  if (size > MAX_DOWNLOAD_BYTES) throw exchangeError('EXCHANGE_FILE_TOO_LARGE', { size, max: MAX_DOWNLOAD_BYTES });
  const bytes = await readFile(path);
  return { fileName: row.file_name, contentBase64: bytes.toString('base64') };
}
