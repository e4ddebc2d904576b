import { z } from 'zod';
import { bundleError } from './errors';
import { toNfc } from './nfc';
import {
  RECORD_TYPE_PATTERN,
  SHA256_HEX_PATTERN,
  classifyEntryName,
  dataEntryName,
  entryNameKey,
  entryNameProblem,
} from './paths';

/** Marks the JSON as ours, so another tool's manifest.json is refused with a clear message. */
export const BUNDLE_FORMAT = 'ntm-desk-bundle';

/**
 * Version of the bundle layout and manifest. Bump it on any change an older reader would misread; readers
 * refuse newer versions (BUNDLE_FORMAT_TOO_NEW) and keep reading every older one (fixtures in
 * services/bundle/__fixtures__).
 */
export const BUNDLE_FORMAT_VERSION = 1;

const nfcText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .transform((s) => toNfc(s));

export const manifestFileSchema = z.strictObject({
  /** Entry name inside the tar container (see paths.ts). */
  path: z.string().min(1).max(256),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Lowercase hex SHA-256 of the entry's bytes. */
  sha256: z.string().regex(SHA256_HEX_PATTERN),
});

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  /** Official code of the sending office; NFC so NFD input compares equal. */
  officeCode: nfcText(64),
  /** Per-office export counter; replay and gap checks belong to the importer. */
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  createdAt: z.iso.datetime({ offset: true }),
  /** Reporting periods covered, as the office labels them (e.g. "2025", "2025-Q3"). */
  periods: z.array(nfcText(64)).max(1000),
  /** Records per type; exactly the types that have a data file. */
  counts: z.record(z.string().regex(RECORD_TYPE_PATTERN), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)),
  /** Every entry of the archive except the manifest and its signature. */
  files: z.array(manifestFileSchema).max(1_000_000),
});

export type BundleManifest = z.infer<typeof manifestSchema>;
export type BundleManifestFile = z.infer<typeof manifestFileSchema>;

/**
 * Parses manifest.json text. Order matters: first "is this ours at all", then "is it too new" (a newer
 * version may have any shape, so it must be refused before the strict schema complains about it), then the
 * schema, then the cross-field rules.
 */
export function parseManifest(text: string): BundleManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'not JSON' });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'not an object' });
  }
  const head = raw as { format?: unknown; formatVersion?: unknown };
  if (head.format !== BUNDLE_FORMAT) throw bundleError('BUNDLE_FORMAT_UNKNOWN', { format: head.format });
  if (typeof head.formatVersion !== 'number' || !Number.isInteger(head.formatVersion) || head.formatVersion < 1) {
    throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'formatVersion' });
  }
  if (head.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw bundleError('BUNDLE_FORMAT_TOO_NEW', {
      formatVersion: head.formatVersion,
      supported: BUNDLE_FORMAT_VERSION,
    });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw bundleError('BUNDLE_MANIFEST_INVALID', {
      issues: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  checkManifestConsistency(parsed.data);
  return parsed.data;
}

/** Cross-field rules the schema cannot express. Also used by the writer, so it never writes what it refuses. */
export function checkManifestConsistency(manifest: BundleManifest): void {
  const seen = new Set<string>();
  const dataTypes = new Set<string>();
  for (const file of manifest.files) {
    const problem = entryNameProblem(file.path);
    if (problem !== null) throw bundleError('BUNDLE_UNSAFE_PATH', { path: file.path, problem });
    const key = entryNameKey(file.path);
    if (seen.has(key)) throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'duplicate file', path: file.path });
    seen.add(key);
    const role = classifyEntryName(file.path);
    if (role === null || role.role === 'manifest' || role.role === 'signature' || role.role === 'directory') {
      throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'file not allowed', path: file.path });
    }
    if (role.role === 'attachment' && role.sha256 !== file.sha256) {
      throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'attachment name is not its hash', path: file.path });
    }
    if (role.role === 'data') dataTypes.add(role.recordType);
  }
  for (const type of Object.keys(manifest.counts)) {
    if (!dataTypes.has(type)) {
      throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'count without data file', path: dataEntryName(type) });
    }
  }
  for (const type of dataTypes) {
    if (!Object.hasOwn(manifest.counts, type)) {
      throw bundleError('BUNDLE_MANIFEST_INVALID', { reason: 'data file without count', recordType: type });
    }
  }
}

/** Canonical bytes-to-be: stable key order (the schema's), two-space indent, trailing newline. */
export function serializeManifest(manifest: BundleManifest): string {
  const ordered: BundleManifest = {
    format: manifest.format,
    formatVersion: manifest.formatVersion,
    officeCode: manifest.officeCode,
    sequence: manifest.sequence,
    createdAt: manifest.createdAt,
    periods: manifest.periods,
    counts: manifest.counts,
    files: manifest.files.map((f) => ({ path: f.path, size: f.size, sha256: f.sha256 })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
