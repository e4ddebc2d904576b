import { createHash } from 'node:crypto';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { bundleError } from '../../core/bundle/errors';
import { resolveLimits, type BundleLimits } from '../../core/bundle/limits';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  checkManifestConsistency,
  manifestSchema,
  serializeManifest,
  type BundleManifest,
} from '../../core/bundle/manifest';
import {
  MANIFEST_NAME,
  RECORD_TYPE_PATTERN,
  SHA256_HEX_PATTERN,
  SIGNATURE_NAME,
  attachmentEntryName,
  dataEntryName,
} from '../../core/bundle/paths';
import { isAppError } from '../../core/errors';
import { ageCiphertextSize, prepareAgeEncryption, type AgeEncryption } from './ageFile';
import { AtomicFileWriter } from './atomicFile';
import type { MinisignSecretKey } from './minisignKeys';
import { signMinisign } from './minisignSignature';
import { encodeNdjson, type BundleRecord } from './ndjson';
import { TAR_BLOCK, tarEnd, tarEntrySpan, tarHeader, tarPadding } from './tarWriter';

export type ExportProgress = { bytesDone: number; bytesTotal: number };

export type ExportBundleInput = {
  /** Where the bundle goes; written to a temp file beside it and renamed only when complete. */
  outputPath: string;
  officeCode: string;
  sequence: number;
  periods: readonly string[];
  /** Record type (e.g. "ocop_product") → records, each an object with a string `id`. */
  records: Readonly<Record<string, readonly BundleRecord[]>>;
  /**
   * The order of the data files (types not listed follow, by name). Any order is valid; the importer streams its
   * merge when the records it checks as a whole come first and the rest in merge order.
   */
  dataOrder?: readonly string[];
  /** SHA-256 (hex) → path of the file with that content; verified while it is streamed into the bundle. */
  attachments?: Readonly<Record<string, string>>;
  signingKey: MinisignSecretKey;
  /** age recipients ("age1…"): the province's, and the office's own so it can reopen its exports. */
  recipients: readonly string[];
  /** Injected clock; defaults to now. */
  createdAt?: Date;
  onProgress?: (progress: ExportProgress) => void;
  /** Defaults to the reader's defaults, so the writer never produces a bundle a reader refuses. */
  limits?: Partial<BundleLimits>;
};

/** `sha256`: of the bundle file as written (hex), computed while writing it. */
export type ExportBundleResult = { path: string; bytes: number; sha256: string; manifest: BundleManifest };

type Part =
  | { kind: 'memory'; name: string; bytes: Uint8Array }
  | { kind: 'file'; name: string; path: string; size: number; sha256: string };

/**
 * Writes an exchange bundle: a ustar archive (layout in core/bundle/paths.ts) with the signed manifest first,
 * encrypted to the recipients with age. Attachments are streamed from disk, never held in memory whole.
 */
export async function exportBundle(input: ExportBundleInput): Promise<ExportBundleResult> {
  const limits = resolveLimits(input.limits);
  const createdAt = input.createdAt ?? new Date();
  if (input.recipients.length === 0) throw bundleError('BUNDLE_INPUT_INVALID', { reason: 'no recipients' });

  const dataParts: Part[] = [];
  const counts: Record<string, number> = {};
  const listed = new Set(input.dataOrder ?? []);
  const order = [...(input.dataOrder ?? []).filter((t) => t in input.records), ...Object.keys(input.records).filter((t) => !listed.has(t)).sort()];
  for (const recordType of order) {
    if (!RECORD_TYPE_PATTERN.test(recordType)) throw bundleError('BUNDLE_INPUT_INVALID', { recordType });
    const { bytes, count } = encodeNdjson(recordType, input.records[recordType]);
    counts[recordType] = count;
    dataParts.push({ kind: 'memory', name: dataEntryName(recordType), bytes });
  }

  const fileParts: Part[] = [];
  for (const [hash, path] of Object.entries(input.attachments ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const sha256 = hash.toLowerCase();
    if (!SHA256_HEX_PATTERN.test(sha256)) throw bundleError('BUNDLE_INPUT_INVALID', { attachment: hash });
    let size: number;
    try {
      const s = await stat(path);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch {
      throw bundleError('BUNDLE_ATTACHMENT_MISSING', { sha256, path });
    }
    fileParts.push({ kind: 'file', name: attachmentEntryName(sha256), path, size, sha256 });
  }

  const files = [
    ...dataParts.map((p) => ({ path: p.name, size: partSize(p), sha256: p.kind === 'memory' ? sha256Hex(p.bytes) : p.sha256 })),
    ...fileParts.map((p) => ({ path: p.name, size: partSize(p), sha256: p.kind === 'file' ? p.sha256 : '' })),
  ];
  const candidate = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    officeCode: input.officeCode,
    sequence: input.sequence,
    createdAt: createdAt.toISOString(),
    periods: [...input.periods],
    counts,
    files,
  };
  const parsed = manifestSchema.safeParse(candidate);
  if (!parsed.success) {
    throw bundleError('BUNDLE_INPUT_INVALID', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  const manifest = parsed.data;
  checkManifestConsistency(manifest);
  const manifestBytes = new TextEncoder().encode(serializeManifest(manifest));

  const timestamp = Math.floor(createdAt.getTime() / 1000);
  const signature = signMinisign(manifestBytes, input.signingKey, {
    // minisign's own default trusted comment, plus what a person checking with `minisign -V` wants to see.
    trustedComment: `timestamp:${timestamp}\tfile:${MANIFEST_NAME}\thashed\toffice:${manifest.officeCode}\tsequence:${manifest.sequence}`,
  });
  const parts: Part[] = [
    { kind: 'memory', name: MANIFEST_NAME, bytes: manifestBytes },
    { kind: 'memory', name: SIGNATURE_NAME, bytes: new TextEncoder().encode(signature) },
    ...dataParts,
    ...fileParts,
  ];
  checkWriteLimits(parts, manifestBytes.length, limits);

  const bytesTotal = parts.reduce((n, p) => n + tarEntrySpan(partSize(p)), 0) + 2 * TAR_BLOCK;
  let age: AgeEncryption;
  try {
    age = await prepareAgeEncryption(input.recipients);
  } catch (e) {
    if (isAppError(e)) throw e;
    throw bundleError('KEY_INVALID', { kind: 'age recipient', reason: e instanceof Error ? e.message : String(e) });
  }
  // tar → age → temp file, piece by piece; the file is renamed into place only once complete (and fsynced).
  const file = await AtomicFileWriter.create(input.outputPath, { expectedBytes: ageCiphertextSize(age.head.length, bytesTotal) });
  try {
    await file.write([age.head]);
    for await (const piece of tarChunks(parts, timestamp, bytesTotal, input.onProgress)) await file.write(age.sealer.push(piece));
    await file.write(age.sealer.finish());
    const { bytes, sha256 } = await file.commit();
    return { path: input.outputPath, bytes, sha256, manifest };
  } catch (e) {
    await file.abort();
    if (isAppError(e)) throw e;
    throw bundleError('BUNDLE_WRITE_FAILED', { reason: e instanceof Error ? e.message : String(e) });
  }
}

function partSize(p: Part): number {
  return p.kind === 'memory' ? p.bytes.length : p.size;
}

function checkWriteLimits(parts: Part[], manifestBytes: number, limits: BundleLimits): void {
  if (manifestBytes > limits.maxManifestBytes) throw bundleError('BUNDLE_TOO_LARGE', { limit: 'maxManifestBytes' });
  if (parts.length > limits.maxEntries) throw bundleError('BUNDLE_TOO_MANY_ENTRIES', { limit: limits.maxEntries });
  let total = 0;
  for (const p of parts) {
    const size = partSize(p);
    if (size > limits.maxEntryBytes) throw bundleError('BUNDLE_TOO_LARGE', { name: p.name, limit: 'maxEntryBytes' });
    total += size;
  }
  if (total > limits.maxTotalBytes) throw bundleError('BUNDLE_TOO_LARGE', { limit: 'maxTotalBytes' });
}

/** The archive, piece by piece. A piece is only valid until the next one is asked for (attachment reads reuse two buffers). */
async function* tarChunks(
  parts: Part[],
  mtimeSeconds: number,
  bytesTotal: number,
  onProgress?: (p: ExportProgress) => void,
): AsyncGenerator<Uint8Array> {
  let bytesDone = 0;
  const buffers: [Buffer, Buffer] = [Buffer.allocUnsafe(READ_BYTES), Buffer.allocUnsafe(READ_BYTES)];
  const emit = (chunk: Uint8Array): Uint8Array => {
    bytesDone += chunk.length;
    onProgress?.({ bytesDone, bytesTotal });
    return chunk;
  };
  for (const part of parts) {
    yield emit(tarHeader({ name: part.name, size: partSize(part), mtimeSeconds }));
    if (part.kind === 'memory') {
      if (part.bytes.length > 0) yield emit(part.bytes);
    } else {
      yield* streamAttachment(part, emit, buffers);
    }
    const pad = tarPadding(partSize(part));
    if (pad.length > 0) yield emit(pad);
  }
  yield emit(tarEnd());
}

/** Bytes per read of an attachment. */
const READ_BYTES = 1024 * 1024;

/**
 * Streams a file in 1 MiB reads (the next one under way while this one is encrypted), checking that it still
 * has the announced size and hash. The reads take turns in the two `buffers`: a chunk is only valid until the
 * consumer asks for the next one (exportBundle encrypts it before that, and the cipher copies).
 */
async function* streamAttachment(
  part: Extract<Part, { kind: 'file' }>,
  emit: (chunk: Uint8Array) => Uint8Array,
  buffers: readonly [Buffer, Buffer],
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let handle: FileHandle;
  try {
    handle = await open(part.path, 'r');
  } catch {
    throw bundleError('BUNDLE_ATTACHMENT_MISSING', { sha256: part.sha256, path: part.path });
  }
  let turn = 0;
  const read = (position: number) => {
    const buffer = buffers[turn]!;
    turn ^= 1;
    const length = Math.min(READ_BYTES, part.size - position);
    const p = handle.read(buffer, 0, length, position).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
    p.catch(() => undefined); // awaited below or in finally
    return p;
  };
  let ahead: Promise<Uint8Array> | null = part.size > 0 ? read(0) : null;
  try {
    let done = 0;
    while (ahead !== null) {
      const chunk = await ahead;
      ahead = null;
      if (chunk.length === 0) throw bundleError('BUNDLE_ATTACHMENT_MISSING', { sha256: part.sha256, reason: 'file shrank' });
      done += chunk.length;
      if (done < part.size) ahead = read(done);
      hash.update(chunk);
      yield emit(chunk);
    }
  } finally {
    if (ahead !== null) await ahead.catch(() => undefined);
    await handle.close();
  }
  const actual = hash.digest('hex');
  if (actual !== part.sha256) {
    throw bundleError('BUNDLE_HASH_MISMATCH', { path: part.path, expected: part.sha256, actual });
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
