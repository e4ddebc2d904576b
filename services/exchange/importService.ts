import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundleError } from '../../core/bundle/errors';
import type { BundleManifest } from '../../core/bundle/manifest';
import {
  EXCHANGE_EVENTS,
  type ExchangeImportProgress,
  type ExchangeImportResult,
  type ExchangeTypeCounts,
  type BundleUnitMapping,
  type ExchangeWarning,
  type OfficeProfile,
} from '../../core/contract/index';
import { isAppError, toErrorPayload } from '../../core/errors';
import {
  insertImportLog,
  lastImportedSequence,
  lastImportedSequenceSync,
  prepareAuditInsert,
  prepareImportLogInsert,
} from '../../db/exchange/importLog';
import { getActiveOwnKey, listActivePeers } from '../../db/exchange/keys';
import { attachmentPath } from '../attachments';
import {
  keyIdHex,
  parsePublicKey,
  publicKeyFingerprint,
  readBundle,
  type BundleHead,
  type BundleRecord,
  type ReadBundleResult,
  type TrustedSigner,
} from '../bundle/index';
import type { ServiceContext } from '../context';
import { dataPaths } from '../paths';
import { currentActor, type Actor } from '../staff';
import { exchangeError } from './errors';
import { sha256File } from './exportService';
import { isProvince, openIdentities, requireOffice } from './keyService';
import { mergeRecords, mergeRowsBatch, mergeTypeBatch, OwnedIds } from './mergeRecords';
import { peekManifest } from './peekManifest';
import { RECORD_TYPES, recordTypeSpec, WHOLE_BUNDLE_TYPES } from './recordTypes';
import { readJobError, ReaderThreadLost, startReadJob, type ReadJobClient, type ReadJobMessage } from './readWorkerClient';
import { validateBundleRecord } from './validateRecord';
import { serialize } from './serialize';
import { mapBundleUnits, queueWaiting } from './unitCodes';
import { CATALOG_RECORD_TYPE, mergeCatalogs } from './catalogRecords';
import { sweepStaleTemporaries } from './sweep';

export type ImportFile = { fileName: string; path: string };

/** What a reader trusts: its own identities, registered offices' signing keys, and its own signing key. */
export type ReaderKeys = { identities: string[]; signers: TrustedSigner[]; fingerprints: Map<string, string> };

export async function openReaderKeys(ctx: ServiceContext, office: OfficeProfile, passphrase: string | undefined): Promise<ReaderKeys> {
  const identities = await openIdentities(ctx, passphrase);
  const signers: TrustedSigner[] = [];
  const fingerprints = new Map<string, string>();
  for (const peer of await listActivePeers(ctx.db, 'office_signing')) {
    const key = parsePublicKey(peer.public_key);
    signers.push({ ...key, officeCode: peer.office_code });
    fingerprints.set(keyIdHex(key.keyId), peer.fingerprint);
  }
  // An office can reopen and verify its own exports.
  const own = await getActiveOwnKey(ctx.db, 'signing');
  if (own !== undefined) {
    const key = parsePublicKey(own.public_key);
    signers.push({ ...key, officeCode: office.officeCode });
    fingerprints.set(keyIdHex(key.keyId), publicKeyFingerprint(key));
  }
  return { identities, signers, fingerprints };
}

/**
 * Checks that need the whole bundle and no database writes: known record types, every owned record stamped
 * with the sending office, every attachment row with its bytes.
 */
async function checkBundleContents(
  officeCode: string,
  records: Record<string, BundleRecord[]>,
  attachmentFiles: Record<string, string>,
  storeDir: string,
): Promise<void> {
  for (const [recordType, list] of Object.entries(records)) {
    const spec = recordTypeSpec(recordType);
    if (spec === undefined) throw exchangeError('BUNDLE_RECORD_TYPE_UNKNOWN', { recordType });
    if (spec.ownership !== 'owned') continue;
    for (const record of list) {
      if (record.office_code !== officeCode) {
        throw exchangeError('BUNDLE_RECORD_FOREIGN_OFFICE', { recordType, id: record.id, recordOffice: record.office_code, bundleOffice: officeCode });
      }
    }
  }
  for (const record of records.attachment ?? []) {
    const sha = record.sha256 as string;
    const path = attachmentFiles[sha] ?? attachmentPath(storeDir, sha);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw bundleError('BUNDLE_ATTACHMENT_MISSING', { sha256: sha });
    }
    if (size !== record.size) throw bundleError('BUNDLE_RECORD_INVALID', { recordType: 'attachment', id: sha, reason: 'size' });
  }
}

function sequenceWarnings(manifest: BundleManifest, last: number | null): ExchangeWarning[] {
  const expected = (last ?? 0) + 1;
  if (manifest.sequence === expected) return [];
  return [
    {
      code: 'BUNDLE_SEQUENCE_GAP',
      message: `Thiếu gói dữ liệu số ${expected}${manifest.sequence - 1 > expected ? `–${manifest.sequence - 1}` : ''} của đơn vị ${manifest.officeCode}: gói số ${manifest.sequence} vẫn được nhập. Nếu đơn vị xuất gói "chỉ phần thay đổi", hãy đề nghị xuất lại gói đầy đủ.`,
      details: { expected, received: manifest.sequence },
    },
  ];
}

function replayError(manifest: BundleManifest, last: number) {
  return exchangeError('BUNDLE_REPLAY', { officeCode: manifest.officeCode, sequence: manifest.sequence, lastImported: last });
}

/**
 * Imports bundles at a province. Each file is its own all-or-nothing unit: decrypt, verify the signature
 * against the registered key of the office, check every hash and record, check the sequence, then merge in one
 * transaction. A batch is applied in order of office and sequence (whatever order the files came in); a
 * refused file is logged and does not stop the others.
 */
export async function importBundleFiles(
  ctx: ServiceContext,
  files: readonly ImportFile[],
  options: { passphrase?: string } = {},
): Promise<ExchangeImportResult[]> {
  const office = await requireOffice(ctx);
  if (!isProvince(office)) throw exchangeError('EXCHANGE_NOT_PROVINCE');
  return serialize(ctx, async () => {
    await sweepStaleTemporaries(ctx.dataDir, ctx.now().getTime());
    const keys = await openReaderKeys(ctx, office, options.passphrase);
    const ordered = files.length === 1 ? [...files] : await orderBySequence(files, keys);
    const actor = await currentActor(ctx);
    const results: ExchangeImportResult[] = [];
    for (const [index, file] of ordered.entries()) {
      results.push(await importOne(ctx, file, keys, actor, index, ordered.length));
    }
    ctx.emit('exchange.changed', null);
    return results;
  });
}

/** Files whose head does not open come first (they will be refused with their error), then by office and sequence. */
async function orderBySequence(files: readonly ImportFile[], keys: ReaderKeys): Promise<ImportFile[]> {
  const heads = await Promise.all(
    files.map(async (file, position) => {
      try {
        const { manifest } = await peekManifest(file.path, keys.identities, keys.signers);
        return { file, position, officeCode: manifest.officeCode, sequence: manifest.sequence };
      } catch {
        return { file, position, officeCode: '', sequence: 0 };
      }
    }),
  );
  heads.sort((a, b) => a.officeCode.localeCompare(b.officeCode) || a.sequence - b.sequence || a.position - b.position);
  return heads.map((h) => h.file);
}

async function importOne(
  ctx: ServiceContext,
  file: ImportFile,
  keys: ReaderKeys,
  actor: Actor,
  index: number,
  total: number,
): Promise<ExchangeImportResult> {
  const progress = (stage: ExchangeImportProgress['stage']) =>
    ctx.emit(EXCHANGE_EVENTS.importProgress, { fileName: file.fileName, index, total, stage } satisfies ExchangeImportProgress);
  const storeDir = dataPaths(ctx.dataDir).attachments;
  const at = () => ctx.now().toISOString();
  let fileSha256 = '';
  let fileBytes = 0;
  let manifest: BundleManifest | null = null;
  let signerFingerprint: string | null = null;
  let warnings: ExchangeWarning[] = [];
  const placed: string[] = [];
  const stagings: string[] = [];
  const newStaging = async () => {
    const dir = join(storeDir, `.import-${randomBytes(6).toString('hex')}`);
    stagings.push(dir);
    await mkdir(dir, { recursive: true });
    return dir;
  };
  progress('reading');
  let job: ReadJobClient | null = null;
  try {
    fileBytes = (await stat(file.path)).size;
    let read: ReadBundleResult | null = null;
    job = await startReadJob({ path: file.path, identities: keys.identities, trustedSigners: keys.signers, attachmentsDir: await newStaging() });
    if (job !== null) {
      try {
        const first = await job.next();
        if (first.kind === 'error') throw readJobError(first.error);
        if (first.kind !== 'head') throw new Error(`bundle reader: expected the manifest, got ${first.kind}`);
        manifest = first.head.manifest;
        signerFingerprint = keys.fingerprints.get(first.head.signer.keyId) ?? null;
        const onWarnings = (w: ExchangeWarning[]) => {
          warnings = w;
        };
        const streamed = await streamImport(ctx, job, first.head, { file, fileBytes, signerFingerprint, actor, storeDir, placed, progress, onWarnings });
        if (streamed.kind === 'merged') {
          fileSha256 = streamed.fileSha256;
          progress('done');
          return {
            fileName: file.fileName,
            status: 'imported',
            officeCode: streamed.officeCode,
            sequence: first.head.sequence,
            counts: streamed.counts,
            attachments: placed.length,
            warnings: streamed.warnings,
            unitMapping: streamed.unitMapping,
            error: null,
            logId: streamed.logId,
          };
        }
        read = streamed.read;
      } catch (e) {
        if (!(e instanceof ReaderThreadLost)) throw e;
        // Nothing was committed: read the bundle in this thread, as if the reader thread had never been.
        console.error(`[exchange.import] ${file.fileName}: the reader thread stopped; reading in the importer's thread`);
        await job.drain();
        manifest = null;
        signerFingerprint = null;
        warnings = [];
      }
    }
    read ??= await readBundle({
      path: file.path,
      identities: keys.identities,
      trustedSigners: keys.signers,
      attachmentsDir: job === null ? stagings[0]! : await newStaging(),
      validateRecord: validateBundleRecord,
      // The file's hash for the log, computed while the bundle is read (a refused file is hashed in the catch below).
      hashFile: true,
    });
    fileSha256 = read.fileSha256 ?? '';
    manifest = read.manifest;
    signerFingerprint = keys.fingerprints.get(read.signer.keyId) ?? null;
    const officeCode = read.officeCode;
    await checkBundleContents(officeCode, read.records, read.attachments, storeDir);
    const last = await lastImportedSequence(ctx.db, officeCode);
    if (last !== null && read.sequence <= last) throw replayError(read.manifest, last);
    warnings = sequenceWarnings(read.manifest, last);
    // Old unit codes through the 2025 lineage (refuses units unknown or out of their era); rewrites in memory.
    const unitMapping = await mapBundleUnits(ctx.db, read.records);
    warnings.push(...unitMappingWarnings(unitMapping));

    // Files first, rows second: a crash in between leaves unreferenced files, never a row without its file.
    for (const record of read.records.attachment ?? []) {
      const sha = record.sha256 as string;
      const incoming = read.attachments[sha];
      if (incoming === undefined) continue; // already in the store (checked above)
      const target = attachmentPath(storeDir, sha);
      if (await exists(target)) continue;
      await mkdir(dirname(target), { recursive: true });
      await rename(incoming, target);
      placed.push(target);
    }

    progress('merging');
    const sqlite = ctx.conn.sqlite;
    const validManifest = read.manifest;
    const done = { officeCode, manifest: validManifest, fileName: file.fileName, fileSha256, fileBytes, signerFingerprint, warnings, unitMapping, actor };
    const { counts, logId } = sqlite.transaction(() => {
      // Checked again inside the transaction: the (office, sequence) guard must hold with the data it guards.
      const lastNow = lastImportedSequenceSync(sqlite, officeCode);
      if (lastNow !== null && validManifest.sequence <= lastNow) throw replayError(validManifest, lastNow);
      const when = at();
      const { [CATALOG_RECORD_TYPE]: catalogs, ...owned } = read.records;
      const merged = {
        ...(catalogs === undefined ? {} : { [CATALOG_RECORD_TYPE]: mergeCatalogs(sqlite, catalogs, when) }),
        ...mergeRecords(sqlite, officeCode, owned),
      };
      return { counts: merged, logId: logImport(ctx, sqlite, done, merged, when) };
    })();
    progress('done');
    return {
      fileName: file.fileName,
      status: 'imported',
      officeCode,
      sequence: validManifest.sequence,
      counts,
      attachments: placed.length,
      warnings,
      unitMapping,
      error: null,
      logId,
    };
  } catch (e) {
    for (const path of placed) await rm(path, { force: true });
    if (fileSha256 === '') fileSha256 = await sha256File(file.path).catch(() => '');
    if (!isAppError(e)) console.error(`[exchange.import] ${file.fileName}:`, e);
    const error = toErrorPayload(e);
    const logId = await insertImportLog(ctx.db, {
      at: at(),
      status: 'rejected',
      office_code: manifest?.officeCode ?? null,
      sequence: manifest?.sequence ?? null,
      file_name: file.fileName,
      file_sha256: fileSha256,
      file_bytes: fileBytes,
      bundle_created_at: manifest?.createdAt ?? null,
      signer_fingerprint: signerFingerprint,
      counts_json: '{}',
      warnings_json: JSON.stringify(warnings),
      error_code: error.code,
      message: error.message,
      staff_name: actor.name,
    });
    progress('done');
    return {
      fileName: file.fileName,
      status: 'rejected',
      officeCode: manifest?.officeCode ?? null,
      sequence: manifest?.sequence ?? null,
      counts: {},
      attachments: 0,
      warnings,
      unitMapping: { mapped: [], waiting: [] },
      error,
      logId,
    };
  } finally {
    // The reader may still be writing into the staging folder (an import refused before it finished).
    await job?.drain();
    for (const dir of stagings) await rm(dir, { recursive: true, force: true });
  }
}

/** What the import log shows of the lineage mapping: one line for what moved, one for what waits. */
function unitMappingWarnings(m: BundleUnitMapping): ExchangeWarning[] {
  const out: ExchangeWarning[] = [];
  if (m.mapped.length > 0) {
    const sample = m.mapped.slice(0, 3).map((x) => `${x.label}: ${x.oldName ?? 'đơn vị'} (mã ${x.oldCode}) → ${x.newName} (mã ${x.newCode}), Nghị quyết ${x.resolution}`);
    out.push({
      code: 'BUNDLE_UNITS_MAPPED',
      message: `${m.mapped.length} bản ghi OCOP ghi mã xã cũ (trước 01/07/2025) đã được ghi theo xã mới theo nghị quyết sắp xếp: ${sample.join('; ')}${m.mapped.length > 3 ? '; …' : ''}.`,
      details: m.mapped,
    });
  }
  if (m.waiting.length > 0) {
    const sample = m.waiting.slice(0, 3).map((x) => `${x.label} (${x.oldName ?? 'đơn vị'} mã ${x.oldCode})`);
    out.push({
      code: 'BUNDLE_UNITS_WAITING',
      message: `${m.waiting.length} bản ghi OCOP ghi mã xã cũ đã được chia cho nhiều xã mới: đã nhập với mã cũ và chờ xác nhận xã mới ở trang "Đơn vị hành chính", mục "Chuyển hồ sơ sang đơn vị mới": ${sample.join('; ')}${m.waiting.length > 3 ? '; …' : ''}.`,
      details: m.waiting,
    });
  }
  return out;
}

function totals(counts: Record<string, ExchangeTypeCounts>): ExchangeTypeCounts {
  const t: ExchangeTypeCounts = { received: 0, inserted: 0, updated: 0, unchanged: 0 };
  for (const c of Object.values(counts)) {
    t.received += c.received;
    t.inserted += c.inserted;
    t.updated += c.updated;
    t.unchanged += c.unchanged;
  }
  return t;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export type BundleCheck = {
  officeCode: string;
  sequence: number;
  createdAt: string;
  periods: string[];
  counts: Record<string, number>;
  attachments: number;
  signerFingerprint: string | null;
  /** Whether this database would refuse it as a replay (province only). */
  replay: boolean;
  warnings: ExchangeWarning[];
};

/**
 * Reads a bundle fully and runs every check an import would, without writing anything: decryption, signature,
 * hashes, record schemas, office stamps, attachments. `replay` says whether an import here would be refused.
 */
export async function verifyBundleFile(ctx: ServiceContext, path: string, passphrase: string | undefined): Promise<BundleCheck> {
  const office = await requireOffice(ctx);
  const keys = await openReaderKeys(ctx, office, passphrase);
  const read = await readBundle({ path, identities: keys.identities, trustedSigners: keys.signers, validateRecord: validateBundleRecord });
  const storeDir = dataPaths(ctx.dataDir).attachments;
  const attachmentSizes = new Map<string, number>();
  for (const f of read.manifest.files) {
    const m = /^attachments\/([0-9a-f]{64})$/.exec(f.path);
    if (m !== null) attachmentSizes.set(m[1], f.size);
  }
  // Attachment rows whose bytes are in the bundle are checked against the manifest (readBundle verified the
  // bytes); the others must already be in this store.
  for (const record of read.records.attachment ?? []) {
    const size = attachmentSizes.get(record.sha256 as string);
    if (size !== undefined && size !== record.size) {
      throw bundleError('BUNDLE_RECORD_INVALID', { recordType: 'attachment', id: record.id, reason: 'size' });
    }
  }
  const withoutBytes = { ...read.records, attachment: (read.records.attachment ?? []).filter((r) => !attachmentSizes.has(r.sha256 as string)) };
  await checkBundleContents(read.officeCode, withoutBytes, {}, storeDir);
  const last = read.officeCode === office.officeCode ? null : await lastImportedSequence(ctx.db, read.officeCode);
  const replay = last !== null && read.sequence <= last;
  return {
    officeCode: read.officeCode,
    sequence: read.sequence,
    createdAt: read.manifest.createdAt,
    periods: read.manifest.periods,
    counts: read.manifest.counts,
    attachments: attachmentSizes.size,
    signerFingerprint: keys.fingerprints.get(read.signer.keyId) ?? null,
    replay,
    warnings: isProvince(office) && !replay ? sequenceWarnings(read.manifest, last) : [],
  };
}

/** Peeks at a bundle's signed manifest (decrypts only its head). */
export async function inspectBundleFile(
  ctx: ServiceContext,
  path: string,
  passphrase: string | undefined,
): Promise<{ manifest: BundleManifest; signerFingerprint: string | null; trustedComment: string }> {
  const office = await requireOffice(ctx);
  const keys = await openReaderKeys(ctx, office, passphrase);
  const { manifest, signer, trustedComment } = await peekManifest(path, keys.identities, keys.signers);
  return { manifest, signerFingerprint: keys.fingerprints.get(keyIdHex(signer.keyId)) ?? null, trustedComment };
}

type ImportDone = {
  officeCode: string;
  manifest: BundleManifest;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  signerFingerprint: string | null;
  warnings: ExchangeWarning[];
  unitMapping: BundleUnitMapping;
  actor: Actor;
};

/** Inside the merge transaction: the review queue for waiting records, the import log row and the audit entry. */
function logImport(
  ctx: ServiceContext,
  sqlite: ServiceContext['conn']['sqlite'],
  done: ImportDone,
  merged: Record<string, ExchangeTypeCounts>,
  when: string,
): number {
  const { unitMapping, actor } = done;
  const queueIds = queueWaiting(sqlite, unitMapping.waiting, when, ctx.newId);
  const id = prepareImportLogInsert(sqlite)({
    at: when,
    status: 'imported',
    office_code: done.officeCode,
    sequence: done.manifest.sequence,
    file_name: done.fileName,
    file_sha256: done.fileSha256,
    file_bytes: done.fileBytes,
    bundle_created_at: done.manifest.createdAt,
    signer_fingerprint: done.signerFingerprint,
    counts_json: JSON.stringify(merged),
    warnings_json: JSON.stringify(done.warnings),
    error_code: null,
    message: null,
    staff_name: actor.name,
  });
  prepareAuditInsert(sqlite)({
    at: when,
    staffId: actor.id,
    staffName: actor.name,
    entity: 'exchange_import',
    entityId: String(id),
    action: 'import',
    after: {
      officeCode: done.officeCode,
      sequence: done.manifest.sequence,
      fileSha256: done.fileSha256,
      counts: totals(merged),
      ...(unitMapping.mapped.length + unitMapping.waiting.length > 0
        ? {
            unitMapping: {
              mapped: unitMapping.mapped.map((m) => ({ entity: m.recordType, id: m.id, from: m.oldCode, to: m.newCode, share: m.share, how: m.how, resolution: m.resolution })),
              waiting: unitMapping.waiting.map((w, i) => ({ entity: w.recordType, id: w.id, oldCode: w.oldCode, queueId: queueIds[i], candidates: w.candidates.map((c) => c.code) })),
            },
          }
        : {}),
    },
  });
  return id;
}

/** How many imports merged while reading (tests check that the streamed path is the one that ran). */
export const streamedImports = { count: 0 };

/**
 * Bundles with more attachment bytes than this are read before the merge, not during it: the merge holds this
 * thread (no other request is answered) until the reader has decrypted and hashed them all.
 */
const STREAM_MAX_ATTACHMENT_BYTES = 16 * 1024 * 1024;

type StreamOptions = {
  file: ImportFile;
  fileBytes: number;
  signerFingerprint: string | null;
  actor: Actor;
  storeDir: string;
  /** Attachment files moved into the store (removed by the caller if the import fails). */
  placed: string[];
  progress: (stage: ExchangeImportProgress['stage']) => void;
  /** The warnings the import log keeps, also if the merge then fails. */
  onWarnings: (warnings: ExchangeWarning[]) => void;
};

/** A run of one data file's records from the reader thread. */
type Batch = Extract<ReadJobMessage, { kind: 'records' } | { kind: 'rows' }>;

type Streamed =
  | { kind: 'collected'; read: ReadBundleResult }
  | { kind: 'merged'; officeCode: string; fileSha256: string; counts: Record<string, ExchangeTypeCounts>; logId: number; warnings: ExchangeWarning[]; unitMapping: BundleUnitMapping };

/**
 * The import with the reader on its own thread, merging while it reads: the records checked as a whole
 * (WHOLE_BUNDLE_TYPES, written first by our exporter) are collected and checked, then one transaction merges
 * every later record as it arrives, waiting for the reader synchronously so that nothing else runs on this
 * connection meanwhile, and commits only after the reader checked the whole file. The outcome is the classic
 * import's: same checks, same error for the same bundle (a reader's error first, then the office stamps and the
 * attachments, then the merge's), nothing written unless everything passed.
 *
 * A bundle that does not fit (data files in another order, unknown types, large attachments, a replay, a unit
 * check that fails) is read to the end and returned for the classic path.
 */
async function streamImport(ctx: ServiceContext, job: ReadJobClient, head: BundleHead, o: StreamOptions): Promise<Streamed> {
  const { manifest, officeCode } = head;
  const records: Record<string, BundleRecord[]> = {};
  const complete = new Set<string>();
  const append = (m: Batch) => {
    const list = (records[m.recordType] ??= []);
    if (m.kind === 'records') for (const r of m.records) list.push(r);
    else {
      const cols = recordTypeSpec(m.recordType)!.columns;
      for (const row of m.rows) list.push(Object.fromEntries(cols.map((c, i) => [c, row[i]])) as BundleRecord);
    }
    if (m.done) complete.add(m.recordType);
  };
  /** Reads the rest of the bundle into `records`: the classic path takes it from there. */
  const collect = async (pending?: Batch): Promise<Streamed> => {
    if (pending !== undefined) append(pending);
    for (;;) {
      const m = await job.next();
      if (m.kind === 'records' || m.kind === 'rows') append(m);
      else if (m.kind === 'error') throw readJobError(m.error);
      else if (m.kind === 'end') {
        return { kind: 'collected', read: { ...head, records, attachments: m.attachments, fileSha256: m.fileSha256 } };
      }
    }
  };

  const types = Object.keys(manifest.counts);
  const attachmentBytes = manifest.files.filter((f) => f.path.startsWith('attachments/')).reduce((n, f) => n + f.size, 0);
  if (types.some((t) => recordTypeSpec(t) === undefined) || attachmentBytes > STREAM_MAX_ATTACHMENT_BYTES) return collect();
  const wholeTypes = types.filter((t) => WHOLE_BUNDLE_TYPES.includes(t));

  // The records checked as a whole come first; the first other record starts the merge.
  let trigger: Batch;
  for (;;) {
    const m = await job.next();
    if (m.kind === 'error') throw readJobError(m.error);
    if (m.kind === 'end') return { kind: 'collected', read: { ...head, records, attachments: m.attachments, fileSha256: m.fileSha256 } };
    if (m.kind !== 'records' && m.kind !== 'rows') continue;
    if (m.kind === 'records' && WHOLE_BUNDLE_TYPES.includes(m.recordType)) {
      append(m);
      continue;
    }
    if (!wholeTypes.every((t) => complete.has(t))) return collect(m);
    trigger = m;
    break;
  }
  const last = await lastImportedSequence(ctx.db, officeCode);
  if (last !== null && head.sequence <= last) return collect(trigger);
  let unitMapping: BundleUnitMapping;
  try {
    unitMapping = await mapBundleUnits(ctx.db, records);
  } catch {
    return collect(trigger); // the classic path reports it, after any error of the reader's
  }
  const warnings = [...sequenceWarnings(manifest, last), ...unitMappingWarnings(unitMapping)];
  o.onWarnings(warnings);

  o.progress('merging');
  const sqlite = ctx.conn.sqlite;
  return sqlite.transaction((): Streamed => {
    const lastNow = lastImportedSequenceSync(sqlite, officeCode);
    if (lastNow !== null && manifest.sequence <= lastNow) throw replayError(manifest, lastNow);
    const when = ctx.now().toISOString();
    const merger = new StreamMerger(sqlite, officeCode, types, when);
    let stampError: unknown = null;
    const attachmentRows: BundleRecord[] = [];
    const foreignOffice = (recordType: string, id: unknown, recordOffice: unknown) =>
      exchangeError('BUNDLE_RECORD_FOREIGN_OFFICE', { recordType, id, recordOffice, bundleOffice: officeCode });
    const take = (batch: Batch) => {
      const { recordType } = batch;
      const spec = recordTypeSpec(recordType)!;
      if (batch.kind === 'rows') {
        const officeAt = spec.columns.indexOf('office_code');
        const foreign = stampError === null ? batch.rows.find((r) => r[officeAt] !== officeCode) : undefined;
        if (foreign !== undefined) stampError = foreignOffice(recordType, foreign[0], foreign[officeAt]);
      } else if (spec.ownership === 'owned') {
        const foreign = stampError === null ? batch.records.find((r) => r.office_code !== officeCode) : undefined;
        if (foreign !== undefined) stampError = foreignOffice(recordType, foreign.id, foreign.office_code);
      } else if (recordType === 'attachment') {
        for (const r of batch.records) attachmentRows.push(r);
      }
      if (stampError === null) merger.add(batch);
    };
    for (const [recordType, list] of Object.entries(records)) take({ kind: 'records', recordType, records: list, done: complete.has(recordType) });
    take(trigger);
    let end: Extract<ReadJobMessage, { kind: 'end' }>;
    for (;;) {
      const m = job.nextSync();
      if (m.kind === 'records' || m.kind === 'rows') take(m);
      else if (m.kind === 'error') throw readJobError(m.error);
      else if (m.kind === 'end') {
        end = m;
        break;
      }
    }
    if (stampError !== null) throw stampError;
    for (const record of attachmentRows) {
      const sha = record.sha256 as string;
      const size = fileSizeSync(end.attachments[sha] ?? attachmentPath(o.storeDir, sha));
      if (size === null) throw bundleError('BUNDLE_ATTACHMENT_MISSING', { sha256: sha });
      if (size !== record.size) throw bundleError('BUNDLE_RECORD_INVALID', { recordType: 'attachment', id: sha, reason: 'size' });
    }
    const counts = merger.finish();
    // Files before the commit: a crash in between leaves unreferenced files, never a row without its file.
    for (const record of attachmentRows) {
      const sha = record.sha256 as string;
      const incoming = end.attachments[sha];
      const target = attachmentPath(o.storeDir, sha);
      if (incoming === undefined || existsSync(target)) continue;
      mkdirSync(dirname(target), { recursive: true });
      renameSync(incoming, target);
      o.placed.push(target);
    }
    const done: ImportDone = {
      officeCode,
      manifest,
      fileName: o.file.fileName,
      fileSha256: end.fileSha256,
      fileBytes: o.fileBytes,
      signerFingerprint: o.signerFingerprint,
      warnings,
      unitMapping,
      actor: o.actor,
    };
    const logId = logImport(ctx, sqlite, done, counts, when);
    streamedImports.count += 1;
    return { kind: 'merged', officeCode, fileSha256: end.fileSha256, counts, logId, warnings, unitMapping };
  })();
}

/**
 * Merges record types in merge order (catalogs first, as the classic import) as their records arrive: a type's
 * records wait until every type before it is complete. The first merge error stops the merging and is thrown by
 * finish(), after the reader's and the stamp checks' errors (the caller's order).
 */
class StreamMerger {
  private readonly order: string[];
  private cursor = 0;
  private readonly waiting = new Map<string, Batch[]>();
  private readonly complete = new Set<string>();
  private readonly counts: Record<string, ExchangeTypeCounts> = {};
  private readonly owned = new OwnedIds();
  private error: unknown = null;

  constructor(
    private readonly sqlite: ServiceContext['conn']['sqlite'],
    private readonly officeCode: string,
    types: readonly string[],
    private readonly when: string,
  ) {
    const present = new Set(types);
    this.order = [CATALOG_RECORD_TYPE, ...RECORD_TYPES.map((t) => t.name).filter((t) => t !== CATALOG_RECORD_TYPE)].filter((t) => present.has(t));
  }

  add(batch: Batch): void {
    const { recordType } = batch;
    if (recordType === this.order[this.cursor]) this.merge(batch);
    else {
      const queue = this.waiting.get(recordType) ?? [];
      queue.push(batch);
      this.waiting.set(recordType, queue);
    }
    if (batch.done) this.complete.add(recordType);
    while (this.cursor < this.order.length && this.complete.has(this.order[this.cursor]!)) {
      this.cursor += 1;
      const next = this.order[this.cursor];
      if (next === undefined) break;
      for (const queued of this.waiting.get(next) ?? []) this.merge(queued);
      this.waiting.delete(next);
    }
  }

  finish(): Record<string, ExchangeTypeCounts> {
    if (this.error !== null) throw this.error;
    if (this.cursor < this.order.length) throw new Error(`bundle merge: ${this.order[this.cursor]} never completed`);
    return this.counts;
  }

  private merge(batch: Batch): void {
    const { recordType } = batch;
    const size = batch.kind === 'rows' ? batch.rows.length : batch.records.length;
    const sum = (this.counts[recordType] ??= { received: 0, inserted: 0, updated: 0, unchanged: 0 });
    sum.received += size;
    if (this.error !== null || size === 0) return;
    try {
      const c =
        batch.kind === 'rows'
          ? mergeRowsBatch(this.sqlite, recordTypeSpec(recordType)!, this.officeCode, batch.rows, this.owned)
          : recordType === CATALOG_RECORD_TYPE
            ? mergeCatalogs(this.sqlite, batch.records, this.when)
            : mergeTypeBatch(this.sqlite, recordTypeSpec(recordType)!, this.officeCode, batch.records, this.owned);
      sum.inserted += c.inserted;
      sum.updated += c.updated;
      sum.unchanged += c.unchanged;
    } catch (e) {
      this.error = e;
    }
  }
}

function fileSizeSync(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}
