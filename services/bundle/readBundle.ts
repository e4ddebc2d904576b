import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleError } from '../../core/bundle/errors';
import { resolveLimits, type BundleLimits } from '../../core/bundle/limits';
import { parseManifest, type BundleManifest, type BundleManifestFile } from '../../core/bundle/manifest';
import { sameText } from '../../core/bundle/nfc';
import { MANIFEST_NAME, SIGNATURE_NAME, classifyEntryName, entryNameKey } from '../../core/bundle/paths';
import { openAgeFile, type AgeDecryption } from './ageFile';
import { hashFileOnWorker } from './fileHasher';
import { keyIdHex, type MinisignPublicKey } from './minisignKeys';
import { verifyMinisign } from './minisignSignature';
import { NdjsonReader, type BundleRecord, type RecordValidator } from './ndjson';
import { TarReader } from './tarReader';
import { TAR_BLOCK } from './tarWriter';

/** A signing key the reader trusts; with `officeCode`, only bundles of that office may be signed by it. */
export type TrustedSigner = MinisignPublicKey & { officeCode?: string };

export type ReadBundleInput = {
  path: string;
  /** age identities ("AGE-SECRET-KEY-1…") of the reader. */
  identities: readonly string[];
  trustedSigners: readonly TrustedSigner[];
  /** If set, verified attachments are moved here as <sha256>; otherwise they are only verified. */
  attachmentsDir?: string;
  validateRecord?: RecordValidator;
  limits?: Partial<BundleLimits>;
  /**
   * Also return the SHA-256 of the bundle file: computed on a worker thread while this one decrypts (large files),
   * or from the very bytes decrypted (small ones); never by reading the file again afterwards.
   */
  hashFile?: boolean;
  /** Called once the signed manifest is verified and parsed, before any data entry is read. */
  onManifest?: (head: BundleHead) => void;
  /**
   * Streams the records instead of returning them: called with each run of validated records of a data file as it
   * is read (`done` on the last call for that file, after its hash and count were checked), and `records` in the
   * result stays empty. A later error still fails the whole read: whatever the sink did must be undone by the caller.
   */
  onRecords?: (recordType: string, records: BundleRecord[], done: boolean) => void;
};

export type BundleHead = Pick<ReadBundleResult, 'manifest' | 'officeCode' | 'sequence' | 'signer'>;

export type ReadBundleResult = {
  manifest: BundleManifest;
  /** For the importer's sequence/replay checks. NFC. */
  officeCode: string;
  sequence: number;
  signer: { keyId: string; officeCode?: string };
  records: Record<string, BundleRecord[]>;
  /** SHA-256 → path in attachmentsDir (empty when no attachmentsDir was given). */
  attachments: Record<string, string>;
  /** With `hashFile`: SHA-256 (hex) of the whole bundle file as read; otherwise null. */
  fileSha256: string | null;
};

/**
 * Opens a bundle: decrypts, verifies the manifest's signature against the trusted signers before parsing
 * it, then streams every entry, checking it against the manifest (name, size, SHA-256) and the limits as it
 * goes. Nothing is returned, and no attachment lands in attachmentsDir, unless the whole file checked out,
 * including the final age chunk.
 */
export async function readBundle(input: ReadBundleInput): Promise<ReadBundleResult> {
  const limits = resolveLimits(input.limits);
  // The archive is not compressed: a file much larger than the expanded limit cannot be valid.
  const maxFileBytes = Math.ceil((limits.maxTotalBytes + (limits.maxEntries + 2) * TAR_BLOCK * 2) * 1.001) + 65536;
  // The file's hash: for a large file, read and hashed on another thread meanwhile; else from the bytes decrypted.
  const offThread = input.hashFile === true ? hashFileOnWorker(input.path, await fileSize(input.path), WHOLE_FILE_HASH_MIN_BYTES) : null;
  let age: AgeDecryption;
  try {
    age = await openAgeFile(input.path, {
      identities: input.identities,
      maxFileBytes,
      plaintextBlock: TAR_BLOCK,
      hashFile: input.hashFile === true && offThread === null,
    });
  } catch (e) {
    await offThread?.stop();
    throw e;
  }
  const tar = new TarReader(age.chunks, limits);
  let staging: string | undefined;
  try {
    const manifestBytes = await readSpecialEntry(tar, MANIFEST_NAME, limits.maxManifestBytes, 'maxManifestBytes');
    const signatureBytes = await readSpecialEntry(tar, SIGNATURE_NAME, limits.maxSignatureBytes, 'maxSignatureBytes');
    const signatureText = decodeUtf8(signatureBytes, 'BUNDLE_SIGNATURE_MALFORMED');
    const verified = verifyMinisign(manifestBytes, signatureText, input.trustedSigners);
    const manifest = parseManifest(decodeUtf8(manifestBytes, 'BUNDLE_INVALID_UTF8'));
    if (verified.key.officeCode !== undefined && !sameText(verified.key.officeCode, manifest.officeCode)) {
      throw bundleError('BUNDLE_OFFICE_MISMATCH', { signerOffice: verified.key.officeCode, manifestOffice: manifest.officeCode });
    }
    checkDeclaredLimits(manifest, limits);
    const signer: ReadBundleResult['signer'] =
      verified.key.officeCode === undefined
        ? { keyId: keyIdHex(verified.key.keyId) }
        : { keyId: keyIdHex(verified.key.keyId), officeCode: verified.key.officeCode };
    input.onManifest?.({ manifest, officeCode: manifest.officeCode, sequence: manifest.sequence, signer });

    const expected = new Map<string, BundleManifestFile>(manifest.files.map((f) => [entryNameKey(f.path), f]));
    const records: Record<string, BundleRecord[]> = {};
    const attachments: Record<string, string> = {};
    if (input.attachmentsDir !== undefined) {
      staging = join(input.attachmentsDir, `.incoming-${randomBytes(6).toString('hex')}`);
      await mkdir(staging, { recursive: true });
    }

    for (;;) {
      const entry = await tar.next();
      if (entry === null) break;
      const role = classifyEntryName(entry.name);
      if (entry.type === 'directory') {
        if (role?.role !== 'directory') throw bundleError('BUNDLE_UNEXPECTED_ENTRY', { name: entry.name });
        continue;
      }
      const file = expected.get(entryNameKey(entry.name));
      if (file === undefined || file.path !== entry.name || role === null) {
        throw bundleError('BUNDLE_UNEXPECTED_ENTRY', { name: entry.name });
      }
      expected.delete(entryNameKey(entry.name));
      if (entry.size !== file.size) {
        throw bundleError('BUNDLE_HASH_MISMATCH', { name: entry.name, reason: 'size', expected: file.size, actual: entry.size });
      }
      const hash = createHash('sha256');
      if (role.role === 'data') {
        const ndjson = new NdjsonReader(role.recordType, limits.maxRecordBytes, input.validateRecord);
        const sink = input.onRecords;
        for await (const chunk of tar.body()) {
          hash.update(chunk);
          ndjson.push(chunk);
          if (sink !== undefined && ndjson.records.length >= STREAM_BATCH) sink(role.recordType, ndjson.takeRecords(), false);
        }
        checkHash(hash, file);
        const list = ndjson.end();
        if (ndjson.count !== manifest.counts[role.recordType]) {
          throw bundleError('BUNDLE_COUNT_MISMATCH', {
            recordType: role.recordType,
            expected: manifest.counts[role.recordType],
            actual: ndjson.count,
          });
        }
        if (sink !== undefined) sink(role.recordType, ndjson.takeRecords(), true);
        else records[role.recordType] = list;
      } else if (role.role === 'attachment') {
        const target = staging === undefined ? undefined : join(staging, role.sha256);
        const out = target === undefined ? undefined : await open(target, 'wx', 0o600);
        try {
          for await (const chunk of tar.body()) {
            hash.update(chunk);
            await out?.write(chunk);
          }
          await out?.sync();
        } finally {
          await out?.close();
        }
        checkHash(hash, file);
        if (target !== undefined) attachments[role.sha256] = target;
      } else {
        throw bundleError('BUNDLE_UNEXPECTED_ENTRY', { name: entry.name });
      }
    }
    // tar.next() returned null only after draining the age payload, so the final chunk is authenticated.
    if (expected.size > 0) {
      throw bundleError('BUNDLE_MISSING_ENTRY', { missing: [...expected.values()].slice(0, 10).map((f) => f.path) });
    }

    if (input.attachmentsDir !== undefined && staging !== undefined) {
      for (const [sha256, temp] of Object.entries(attachments)) {
        const final = join(input.attachmentsDir, sha256);
        // Content-addressed: an existing file with this name already holds these bytes.
        if (await exists(final)) await rm(temp);
        else await rename(temp, final);
        attachments[sha256] = final;
      }
    }
    return {
      manifest,
      officeCode: manifest.officeCode,
      sequence: manifest.sequence,
      signer,
      records,
      attachments,
      fileSha256: offThread === null ? age.fileSha256() : await offThreadDigest(offThread.digest),
    };
  } finally {
    await offThread?.stop();
    await age.chunks.return(undefined);
    if (staging !== undefined) await rm(staging, { recursive: true, force: true });
  }
}

async function readSpecialEntry(tar: TarReader, name: string, max: number, limit: string): Promise<Uint8Array> {
  const entry = await tar.next();
  if (entry === null || entry.name !== name || entry.type !== 'file') {
    throw bundleError('BUNDLE_MANIFEST_MISSING', { expected: name, found: entry?.name ?? null });
  }
  if (entry.size > max) throw bundleError('BUNDLE_TOO_LARGE', { name, size: entry.size, limit, max });
  return tar.readBody();
}

function checkDeclaredLimits(manifest: BundleManifest, limits: BundleLimits): void {
  if (manifest.files.length + 2 > limits.maxEntries) {
    throw bundleError('BUNDLE_TOO_MANY_ENTRIES', { limit: limits.maxEntries });
  }
  let total = 0;
  for (const f of manifest.files) {
    if (f.size > limits.maxEntryBytes) throw bundleError('BUNDLE_TOO_LARGE', { name: f.path, limit: 'maxEntryBytes' });
    total += f.size;
  }
  if (total > limits.maxTotalBytes) throw bundleError('BUNDLE_TOO_LARGE', { limit: 'maxTotalBytes' });
}

function checkHash(hash: ReturnType<typeof createHash>, file: BundleManifestFile): void {
  const actual = hash.digest('hex');
  if (actual !== file.sha256) throw bundleError('BUNDLE_HASH_MISMATCH', { name: file.path, expected: file.sha256, actual });
}

function decodeUtf8(bytes: Uint8Array, code: 'BUNDLE_INVALID_UTF8' | 'BUNDLE_SIGNATURE_MALFORMED'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw bundleError(code, { reason: 'not UTF-8' });
  }
}

/** Records handed to `onRecords` at a time (a chunk of the data file may add more). */
const STREAM_BATCH = 1000;

/** Bundles from this size on have their file hash computed on a worker thread (a 20,000-record bundle is ~6 MB). */
const WHOLE_FILE_HASH_MIN_BYTES = 4 * 1024 * 1024;

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0; // openAgeFile reports the file as unreadable
  }
}

async function offThreadDigest(digest: Promise<string>): Promise<string> {
  try {
    return await digest;
  } catch (e) {
    // The file changed or vanished while it was being imported.
    throw bundleError('BUNDLE_FILE_UNREADABLE', { reason: e instanceof Error ? e.message : String(e) });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
