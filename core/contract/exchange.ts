import { z } from 'zod';
import { method } from './method';

/*
 * Exchange of data between offices and the province (core/bundle/FORMAT.md). File content crosses the contract
 * as base64, never as a filesystem path from the renderer (STYLE.md §3); the CLI works with paths itself.
 */

export const EXCHANGE_KEY_KINDS = ['signing', 'encryption'] as const;
export type ExchangeKeyKind = (typeof EXCHANGE_KEY_KINDS)[number];

export const EXCHANGE_EXPORT_MODES = ['full', 'incremental'] as const;
export type ExchangeExportMode = (typeof EXCHANGE_EXPORT_MODES)[number];

/** Events pushed while a long export or import runs (ctx.emit → api.on). */
export const EXCHANGE_EVENTS = { exportProgress: 'exchange.export.progress', importProgress: 'exchange.import.progress' } as const;
export type ExchangeExportProgress = { bytesDone: number; bytesTotal: number };
export type ExchangeImportProgress = { fileName: string; index: number; total: number; stage: 'reading' | 'merging' | 'done' };

/** A passphrase protects private keys where the OS key store is unavailable (web host, CLI). */
const passphrase = z.string().min(8, { message: 'Mật khẩu tối thiểu 8 ký tự.' }).max(1024);

/** ≈36 MB of file as base64; the web host's request limit is lower, and the CLI takes paths for larger files. */
const MAX_BASE64 = 48 * 1024 * 1024;
export const base64FileSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(MAX_BASE64),
});

/**
 * Large files cross the contract in chunks (services/exchange/uploads.ts): 16 MB of bytes is ≈21 MB of base64, under
 * the web host's request limit. One file may be up to 4 GB.
 */
export const UPLOAD_CHUNK_BYTES = 16 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const uploadId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: 'Mã tải lên không hợp lệ.' });
export const uploadedFileSchema = z.object({ fileName: z.string().trim().min(1).max(255), uploadId });

const officeCode = z.string().regex(/^[HXT]\d{2,5}$/, { message: 'Mã đơn vị có dạng X12345 (xã), H123 (huyện), T12 (tỉnh).' });

export const exchangeSchemas = {
  empty: z.object({}).strict(),
  keysGenerate: z.object({
    /** Default: what the office kind needs (an office: signing and encryption; a province: encryption). */
    kinds: z.array(z.enum(EXCHANGE_KEY_KINDS)).min(1).max(2).optional(),
    passphrase: passphrase.optional(),
    replace: z.boolean().default(false),
  }),
  keysExportPublic: z.object({ kind: z.enum(EXCHANGE_KEY_KINDS) }),
  keysImportPeer: base64FileSchema.extend({
    /** For an office's signing key; read from the key file's comment when omitted. */
    officeCode: officeCode.optional(),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  keysRetirePeer: z.object({ id: z.string().min(1).max(100) }),
  keysImportPrivate: base64FileSchema.extend({
    /** The password of a minisign secret key file (minisign -G asks for one; -W makes none). */
    keyPassword: z.string().max(1024).optional(),
    passphrase: passphrase.optional(),
    replace: z.boolean().default(false),
  }),
  keysExportIdentity: z.object({ passphrase: passphrase.optional() }),
  bundleExport: z.object({
    mode: z.enum(EXCHANGE_EXPORT_MODES),
    periods: z.array(z.string().trim().min(1).max(64)).max(100).default([]),
    passphrase: passphrase.optional(),
  }),
  bundleDownload: z.object({ sequence: z.number().int().min(1) }),
  bundleImport: z.object({ files: z.array(z.union([base64FileSchema, uploadedFileSchema])).min(1).max(50), passphrase: passphrase.optional() }),
  bundleDownloadChunk: z.object({
    sequence: z.number().int().min(1),
    offset: z.number().int().min(0),
    length: z.number().int().min(1).max(UPLOAD_CHUNK_BYTES).default(UPLOAD_CHUNK_BYTES),
  }),
  uploadBegin: z.object({ fileName: z.string().trim().min(1).max(255), size: z.number().int().min(0) }),
  uploadAppend: z.object({ uploadId, offset: z.number().int().min(0), contentBase64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4 + 16) }),
  exportsAcknowledge: z.object({ sequence: z.number().int().min(1) }),
  importsList: z.object({ officeCode: officeCode.optional(), limit: z.number().int().min(1).max(1000).default(100) }),
};

export type ExchangeOwnKey = {
  id: string;
  kind: ExchangeKeyKind;
  status: 'active' | 'retired';
  /** 20 digits in groups of 4, to read aloud over the phone. */
  fingerprint: string;
  /** minisign key id (hex), signing keys only. */
  keyId: string | null;
  /** minisign base64 public key line, or the age recipient. */
  publicKey: string;
  protection: 'passphrase' | 'os';
  createdAt: string;
  retiredAt: string | null;
};

export type ExchangePeer = {
  id: string;
  kind: 'office_signing' | 'province_recipient';
  status: 'active' | 'retired';
  officeCode: string;
  name: string;
  fingerprint: string;
  keyId: string | null;
  addedAt: string;
  retiredAt: string | null;
};

export type ExchangeExport = {
  sequence: number;
  mode: ExchangeExportMode;
  officeCode: string;
  createdAt: string;
  fileName: string;
  bytes: number;
  sha256: string;
  counts: Record<string, number>;
  periods: string[];
  attachmentCount: number;
  /** The acknowledged export an incremental one continues from (null: everything). */
  baseSequence: number | null;
  recipientFingerprint: string;
  acknowledgedAt: string | null;
  staffName: string | null;
};

export type ExchangeStatus = {
  mode: 'office' | 'province';
  officeCode: string;
  /** Whether private keys can be sealed by the OS key store here; otherwise a passphrase is needed. */
  osKeyStoreAvailable: boolean;
  keys: ExchangeOwnKey[];
  /** Key kinds this office still has to generate. */
  missingKeys: ExchangeKeyKind[];
  /** Some active key is sealed by a passphrase: export/import will ask for it. */
  needsPassphrase: boolean;
  provinceRecipient: ExchangePeer | null;
  lastExport: ExchangeExport | null;
  lastAcknowledged: number | null;
};

export type ExchangeTypeCounts = { received: number; inserted: number; updated: number; unchanged: number };

export type ExchangeWarning = { code: string; message: string; details?: unknown };

/**
 * How a bundle's OCOP addresses were read through the 2025 lineage (services/exchange/unitCodes.ts): old codes
 * moved to a new commune (a single `full` link, or the choice this province confirmed before), and records
 * imported with their old code that wait in the review queue for a person to pick the new commune.
 */
export type BundleUnitMapping = {
  mapped: {
    recordType: 'ocop_producer' | 'ocop_product';
    id: string;
    label: string;
    oldCode: string;
    oldName: string | null;
    newCode: string;
    newName: string;
    share: 'full' | 'partial';
    resolution: string;
    how: 'full' | 'confirmed';
  }[];
  waiting: {
    recordType: 'ocop_producer' | 'ocop_product';
    id: string;
    label: string;
    oldCode: string;
    oldName: string | null;
    candidates: { code: string; fullName: string; share: 'full' | 'partial'; resolution: string; clauseId: string }[];
  }[];
};

export type ExchangeImportResult = {
  fileName: string;
  status: 'imported' | 'rejected';
  officeCode: string | null;
  sequence: number | null;
  counts: Record<string, ExchangeTypeCounts>;
  attachments: number;
  warnings: ExchangeWarning[];
  /** Old unit codes read through the lineage (empty when rejected or when none were used). */
  unitMapping: BundleUnitMapping;
  error: { code: string; message: string; details?: unknown } | null;
  logId: number | null;
};

export type ExchangeImportLogEntry = {
  id: number;
  at: string;
  status: 'imported' | 'rejected';
  officeCode: string | null;
  officeName: string | null;
  sequence: number | null;
  fileName: string;
  fileSha256: string;
  fileBytes: number;
  bundleCreatedAt: string | null;
  signerFingerprint: string | null;
  counts: Record<string, ExchangeTypeCounts>;
  warnings: ExchangeWarning[];
  errorCode: string | null;
  message: string | null;
  staffName: string | null;
};

export type ExchangeOffice = {
  officeCode: string;
  name: string;
  fingerprint: string | null;
  keyId: string | null;
  registeredAt: string | null;
  lastSequence: number | null;
  lastImportAt: string | null;
  importCount: number;
  /** Live (not deleted) records held for this office, per record type. */
  records: Record<string, number>;
};

export type ExchangeFile = { fileName: string; contentBase64: string };

export const exchangeContract = {
  /** What the exchange page needs: mode (office or province), own keys, province recipient, last export. */
  'exchange.status': method(exchangeSchemas.empty, 'No input.').returns<ExchangeStatus>(),
  /** Own keys (active and retired) and registered peers' public keys with fingerprints. */
  'exchange.keys.list': method(exchangeSchemas.empty, 'No input; never returns private keys.').returns<{
    own: ExchangeOwnKey[];
    peers: ExchangePeer[];
  }>(),
  /** Generate this office's key pairs; private halves sealed by the OS key store, else by the passphrase. */
  'exchange.keys.generate': method(
    exchangeSchemas.keysGenerate,
    'passphrase only where the OS key store is unavailable; replace=true retires the current key (peers must re-register).',
  ).returns<ExchangeOwnKey[]>(),
  /** The public key file to hand to the other side (minisign .pub or age recipients file). */
  'exchange.keys.exportPublic': method(exchangeSchemas.keysExportPublic, 'Public half only.').returns<
    ExchangeFile & { fingerprint: string }
  >(),
  /** Take in a private key made by the reference tools (age-keygen identity, minisign -G secret key); sealed like a generated one. */
  'exchange.keys.importPrivate': method(exchangeSchemas.keysImportPrivate, 'EXCHANGE_KEY_EXISTS unless replace; KEY_WRONG_PASSPHRASE for a wrong key password.').returns<ExchangeOwnKey>(),
  /** The province's age identity as an age-keygen file, to read a bundle with `age -d -i`; audited. Never the signing key. */
  'exchange.keys.exportIdentity': method(exchangeSchemas.keysExportIdentity, 'Private: the caller writes it where only the user can read it.').returns<
    ExchangeFile & { fingerprint: string }
  >(),
  /** Register the other side's public key file: an office's minisign .pub at a province, the province's recipient at an office. */
  'exchange.keys.importPeer': method(
    exchangeSchemas.keysImportPeer,
    'File content as base64; compare the returned fingerprint with the one read over the phone.',
  ).returns<ExchangePeer>(),
  /** Stop trusting a registered key (kept in the list as retired, with the audit trail). */
  'exchange.keys.retirePeer': method(exchangeSchemas.keysRetirePeer, 'id from exchange.keys.list.').returns<ExchangePeer>(),
  /** Export this office's records (full, or since the last acknowledged export) as a signed, encrypted bundle. */
  'exchange.bundle.export': method(
    exchangeSchemas.bundleExport,
    'Written to the data folder; progress events "exchange.export.progress"; download with exchange.bundle.download.',
  ).returns<ExchangeExport>(),
  /** The bytes of an exported bundle, for the renderer to save. */
  'exchange.bundle.download': method(exchangeSchemas.bundleDownload, 'Refused above ~32 MB (use downloadChunk).').returns<ExchangeFile>(),
  /** One chunk of an export's file, for files of any size; `size` is the whole file's. */
  'exchange.bundle.downloadChunk': method(exchangeSchemas.bundleDownloadChunk, 'An offset at or past the end returns an empty chunk.').returns<
    ExchangeFile & { size: number; offset: number }
  >(),
  /** Starts a chunked upload of a large file (a bundle to import). */
  'exchange.upload.begin': method(exchangeSchemas.uploadBegin, 'UPLOAD_TOO_LARGE above 4 GB.').returns<{ uploadId: string; chunkBytes: number }>(),
  /** Appends the next chunk; offset must be the bytes received so far (UPLOAD_OFFSET_MISMATCH otherwise). */
  'exchange.upload.append': method(exchangeSchemas.uploadAppend, 'Chunks of at most chunkBytes.').returns<{ received: number }>(),
  /** Province: import one or many bundles; each is all-or-nothing; results in the order they were applied. */
  'exchange.bundle.import': method(
    exchangeSchemas.bundleImport,
    'Files as base64, or as upload ids of chunked uploads (removed once read); sorted by office and sequence before merging; a refused file does not stop the others.',
  ).returns<ExchangeImportResult[]>(),
  /** This office's exports, newest first. */
  'exchange.exports.list': method(exchangeSchemas.empty, 'No input.').returns<ExchangeExport[]>(),
  /** Record that the province confirmed it imported this export: the next incremental export starts after it. */
  'exchange.exports.acknowledge': method(exchangeSchemas.exportsAcknowledge, 'Only after the province confirms.').returns<ExchangeExport>(),
  /** The import log, newest first (accepted and refused bundles, with counts and errors). */
  'exchange.imports.list': method(exchangeSchemas.importsList, 'Read-only.').returns<ExchangeImportLogEntry[]>(),
  /** Province: the registered offices with their keys, last import and record counts held. */
  'exchange.offices': method(exchangeSchemas.empty, 'No input.').returns<ExchangeOffice[]>(),
} as const;
