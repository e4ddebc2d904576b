/**
 * Caps a reader enforces while it reads, before it trusts anything: a hostile or broken bundle is stopped at
 * the first header that would exceed one, never read in full and then checked. The tar container is not
 * compressed, so the expanded size is also bounded by the file size; the caps still matter because the
 * decrypted stream is processed before the final age chunk has been authenticated.
 */
export type BundleLimits = {
  /** manifest.json, read into memory and parsed before anything else. */
  maxManifestBytes: number;
  /** manifest.json.minisig: four short lines; minisign itself caps the trusted comment at 8 KiB. */
  maxSignatureBytes: number;
  /** Any single entry (one NDJSON file or one attachment). */
  maxEntryBytes: number;
  /** Sum of all entry sizes, i.e. the size of the archive once expanded. */
  maxTotalBytes: number;
  /** Number of tar entries, directories included. */
  maxEntries: number;
  /** One NDJSON line (one record). */
  maxRecordBytes: number;
};

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxManifestBytes: 4 * 1024 * 1024,
  maxSignatureBytes: 16 * 1024,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxEntries: 50_000,
  maxRecordBytes: 4 * 1024 * 1024,
};

export function resolveLimits(overrides?: Partial<BundleLimits>): BundleLimits {
  return { ...DEFAULT_BUNDLE_LIMITS, ...overrides };
}
