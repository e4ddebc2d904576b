import { bundleError } from '../../core/bundle/errors';
import { resolveLimits } from '../../core/bundle/limits';
import { parseManifest, type BundleManifest } from '../../core/bundle/manifest';
import { sameText } from '../../core/bundle/nfc';
import { MANIFEST_NAME, SIGNATURE_NAME } from '../../core/bundle/paths';
import { openAgeFile } from '../bundle/ageFile';
import { verifyMinisign } from '../bundle/minisignSignature';
import type { TrustedSigner } from '../bundle/readBundle';
import { TarReader } from '../bundle/tarReader';
import { TAR_BLOCK } from '../bundle/tarWriter';

/**
 * Decrypts only the head of a bundle and verifies its signed manifest, without reading the rest: enough to
 * know which office and sequence a file claims, so a batch can be merged in sequence order, and for
 * `bundle inspect`. It proves nothing about the data files; readBundle does.
 */
export async function peekManifest(
  path: string,
  identities: readonly string[],
  trustedSigners: readonly TrustedSigner[],
): Promise<{ manifest: BundleManifest; signer: TrustedSigner; trustedComment: string }> {
  const limits = resolveLimits();
  const age = await openAgeFile(path, { identities, plaintextBlock: TAR_BLOCK });
  try {
    const tar = new TarReader(age.chunks, limits);
    const manifestBytes = await readEntry(tar, MANIFEST_NAME, limits.maxManifestBytes);
    const signatureBytes = await readEntry(tar, SIGNATURE_NAME, limits.maxSignatureBytes);
    let signatureText: string;
    try {
      signatureText = new TextDecoder('utf-8', { fatal: true }).decode(signatureBytes);
    } catch {
      throw bundleError('BUNDLE_SIGNATURE_MALFORMED', { reason: 'not UTF-8' });
    }
    const verified = verifyMinisign(manifestBytes, signatureText, trustedSigners);
    let manifestText: string;
    try {
      manifestText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(manifestBytes);
    } catch {
      throw bundleError('BUNDLE_INVALID_UTF8', { reason: 'manifest' });
    }
    const manifest = parseManifest(manifestText);
    if (verified.key.officeCode !== undefined && !sameText(verified.key.officeCode, manifest.officeCode)) {
      throw bundleError('BUNDLE_OFFICE_MISMATCH', { signerOffice: verified.key.officeCode, manifestOffice: manifest.officeCode });
    }
    return { manifest, signer: verified.key, trustedComment: verified.trustedComment };
  } finally {
    await age.chunks.return(undefined);
  }
}

async function readEntry(tar: TarReader, name: string, max: number): Promise<Uint8Array> {
  const entry = await tar.next();
  if (entry === null || entry.name !== name || entry.type !== 'file') {
    throw bundleError('BUNDLE_MANIFEST_MISSING', { expected: name, found: entry?.name ?? null });
  }
  if (entry.size > max) throw bundleError('BUNDLE_TOO_LARGE', { name, size: entry.size, max });
  return tar.readBody();
}
