import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { bundleError } from '../../core/bundle/errors';
import { bytesEqual, concatBytes, decodeBase64Strict, encodeBase64 } from './base64';
import {
  SIG_ALG,
  UNTRUSTED_PREFIX,
  keyIdHex,
  oneLine,
  splitLines,
  type MinisignPublicKey,
  type MinisignSecretKey,
} from './minisignKeys';

/*
 * minisign signature files (https://jedisct1.github.io/minisign/, "Signature format"):
 *
 *   untrusted comment: <text>
 *   base64(signature_algorithm[2] || key_id[8] || signature[64])
 *   trusted comment: <text>
 *   base64(global_signature[64])
 *
 * "ED" (the default since minisign 0.8): signature = Ed25519(BLAKE2b-512(message)).
 * "Ed" (legacy, `minisign -l`): signature = Ed25519(message).
 * global_signature = Ed25519(signature || trusted_comment), which binds the trusted comment to the signature.
 */

const SIG_ALG_PREHASHED = new Uint8Array([0x45, 0x44]); // "ED"
const TRUSTED_PREFIX = 'trusted comment: ';
const SIGNATURE_BYTES = 2 + 8 + 64;
/** minisign's TRUSTEDCOMMENTMAXBYTES (8192) includes the prefix and the terminating NUL. */
const TRUSTED_COMMENT_MAX = 8192 - TRUSTED_PREFIX.length - 1;

export type MinisignSignature = {
  algorithm: 'ED' | 'Ed';
  keyId: Uint8Array;
  signature: Uint8Array;
  untrustedComment: string;
  trustedComment: string;
  globalSignature: Uint8Array;
};

export type SignOptions = {
  trustedComment: string;
  untrustedComment?: string;
  /** Sign the raw message ("Ed") instead of its BLAKE2b-512 hash ("ED"); only for tests of the legacy path. */
  legacy?: boolean;
};

export function signMinisign(message: Uint8Array, key: MinisignSecretKey, options: SignOptions): string {
  const legacy = options.legacy === true;
  const trusted = oneLine(options.trustedComment);
  if (Buffer.byteLength(trusted) > TRUSTED_COMMENT_MAX) throw bundleError('KEY_INVALID', { reason: 'trusted comment too long' });
  const signed = legacy ? message : blake2b(message, { dkLen: 64 });
  const signature = ed25519.sign(signed, key.seed);
  const globalSignature = ed25519.sign(concatBytes(signature, new TextEncoder().encode(trusted)), key.seed);
  const untrusted = oneLine(options.untrustedComment ?? `signature from minisign secret key`);
  const body = concatBytes(legacy ? SIG_ALG : SIG_ALG_PREHASHED, key.keyId, signature);
  return `${UNTRUSTED_PREFIX}${untrusted}\n${encodeBase64(body)}\n${TRUSTED_PREFIX}${trusted}\n${encodeBase64(globalSignature)}\n`;
}

export function parseSignature(text: string): MinisignSignature {
  const lines = splitLines(text);
  if (lines.length !== 4) throw bundleError('BUNDLE_SIGNATURE_MALFORMED', { reason: 'expected 4 lines' });
  const [untrustedLine, sigLine, trustedLine, globalLine] = lines;
  if (!untrustedLine.startsWith(UNTRUSTED_PREFIX) || !trustedLine.startsWith(TRUSTED_PREFIX)) {
    throw bundleError('BUNDLE_SIGNATURE_MALFORMED', { reason: 'comment prefixes' });
  }
  const body = decodeBase64Strict(sigLine);
  const globalSignature = decodeBase64Strict(globalLine);
  if (body === null || body.length !== SIGNATURE_BYTES || globalSignature === null || globalSignature.length !== 64) {
    throw bundleError('BUNDLE_SIGNATURE_MALFORMED', { reason: 'base64' });
  }
  const alg = body.subarray(0, 2);
  const algorithm = bytesEqual(alg, SIG_ALG_PREHASHED) ? 'ED' : bytesEqual(alg, SIG_ALG) ? 'Ed' : null;
  if (algorithm === null) throw bundleError('BUNDLE_SIGNATURE_MALFORMED', { reason: 'signature algorithm' });
  return {
    algorithm,
    keyId: body.slice(2, 10),
    signature: body.slice(10, 74),
    untrustedComment: untrustedLine.slice(UNTRUSTED_PREFIX.length),
    trustedComment: trustedLine.slice(TRUSTED_PREFIX.length),
    globalSignature,
  };
}

export type VerifiedSignature<K extends MinisignPublicKey> = { key: K; trustedComment: string; algorithm: 'ED' | 'Ed' };

/**
 * Verifies like `minisign -V`: the key id must name one of the trusted keys (else BUNDLE_SIGNER_UNKNOWN),
 * then both the signature and the global signature over the trusted comment must hold (else
 * BUNDLE_SIGNATURE_INVALID). Verification is strict RFC 8032 (no ZIP-215 leniency), as libsodium's.
 */
export function verifyMinisign<K extends MinisignPublicKey>(
  message: Uint8Array,
  signatureText: string,
  trustedKeys: readonly K[],
): VerifiedSignature<K> {
  const sig = parseSignature(signatureText);
  const key = trustedKeys.find((k) => bytesEqual(k.keyId, sig.keyId));
  if (key === undefined) throw bundleError('BUNDLE_SIGNER_UNKNOWN', { keyId: keyIdHex(sig.keyId) });
  const signed = sig.algorithm === 'ED' ? blake2b(message, { dkLen: 64 }) : message;
  const ok =
    safeVerify(sig.signature, signed, key.publicKey) &&
    safeVerify(
      sig.globalSignature,
      concatBytes(sig.signature, new TextEncoder().encode(sig.trustedComment)),
      key.publicKey,
    );
  if (!ok) throw bundleError('BUNDLE_SIGNATURE_INVALID', { keyId: keyIdHex(sig.keyId) });
  return { key, trustedComment: sig.trustedComment, algorithm: sig.algorithm };
}

function safeVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
