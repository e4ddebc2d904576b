import { scrypt as scryptCallback, randomBytes } from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { AppError } from '../../core/errors';
import { bundleError } from '../../core/bundle/errors';
import { bytesEqual, concatBytes, decodeBase64Strict, encodeBase64 } from './base64';

/*
 * minisign key files, byte for byte as jedisct1/minisign writes and reads them.
 * Format description: https://jedisct1.github.io/minisign/ ("Public key format", "Secret key format").
 *
 * Public key file:  "untrusted comment: <text>\n" + base64("Ed" || key_id[8] || public_key[32]) + "\n"
 * Secret key file:  "untrusted comment: <text>\n" + base64(
 *     "Ed" || kdf_alg[2] ("Sc" = scrypt, or 0x0000 = unencrypted, minisign -W) || "B2" (checksum alg) ||
 *     kdf_salt[32] || kdf_opslimit[8, LE] || kdf_memlimit[8, LE] ||
 *     keynum_sk = (key_id[8] || secret_key[64] || checksum[32]) XOR scrypt(password, salt)[104]
 *   ) + "\n"
 * secret_key is libsodium's: seed[32] || public_key[32]. checksum = BLAKE2b-256("Ed" || key_id || secret_key).
 * The key id is 8 random bytes; minisign prints it as the hex of their little-endian u64.
 */

export const SIG_ALG = new Uint8Array([0x45, 0x64]); // "Ed"
const KDF_SCRYPT = new Uint8Array([0x53, 0x63]); // "Sc"
const KDF_NONE = new Uint8Array([0, 0]);
const CHK_BLAKE2B = new Uint8Array([0x42, 0x32]); // "B2"
const PUBLIC_KEY_BYTES = 2 + 8 + 32;
const SECRET_KEY_BYTES = 2 + 2 + 2 + 32 + 8 + 8 + 104;
export const UNTRUSTED_PREFIX = 'untrusted comment: ';

export type MinisignPublicKey = { keyId: Uint8Array; publicKey: Uint8Array };
export type MinisignSecretKey = { keyId: Uint8Array; seed: Uint8Array; publicKey: Uint8Array };

/**
 * scrypt cost, stored in the file so any reader (minisign included) derives the same key. minisign's own
 * default is libsodium's "sensitive" level (1 GiB, N=2^20). Ours is N=2^18, r=8, p=1 (256 MiB, under a
 * second): still far beyond guessing a decent passphrase, and bearable on an office laptop.
 */
export type ScryptLimits = { opslimit: number; memlimit: number };
export const DEFAULT_SCRYPT_LIMITS: ScryptLimits = { opslimit: 8_388_608, memlimit: 268_435_456 };
export const MINISIGN_SENSITIVE_SCRYPT_LIMITS: ScryptLimits = { opslimit: 33_554_432, memlimit: 1_073_741_824 };

/** "D90CEC9B6422C63D": what minisign prints in comments and errors. */
export function keyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

export function generateMinisignKeyPair(): MinisignSecretKey {
  const seed = ed25519.utils.randomSecretKey();
  return { keyId: new Uint8Array(randomBytes(8)), seed, publicKey: ed25519.getPublicKey(seed) };
}

export function publicKeyOf(secret: MinisignSecretKey): MinisignPublicKey {
  return { keyId: secret.keyId, publicKey: secret.publicKey };
}

/** The base64 line alone, as `minisign -P` takes it. */
export function encodePublicKey(key: MinisignPublicKey): string {
  return encodeBase64(concatBytes(SIG_ALG, key.keyId, key.publicKey));
}

export function formatPublicKeyFile(key: MinisignPublicKey, comment?: string): string {
  const text = comment ?? `minisign public key ${keyIdHex(key.keyId)}`;
  return `${UNTRUSTED_PREFIX}${oneLine(text)}\n${encodePublicKey(key)}\n`;
}

/** Accepts a whole .pub file or just its base64 line (what `minisign -P` takes). */
export function parsePublicKey(text: string): MinisignPublicKey {
  const lines = splitLines(text);
  const line = lines[0]?.startsWith(UNTRUSTED_PREFIX) ? lines[1] : lines.length === 1 ? lines[0] : undefined;
  const bytes = line === undefined ? null : decodeBase64Strict(line);
  if (bytes === null || bytes.length !== PUBLIC_KEY_BYTES || !bytesEqual(bytes.subarray(0, 2), SIG_ALG)) {
    throw bundleError('KEY_INVALID', { kind: 'minisign public key' });
  }
  const publicKey = bytes.slice(10, 42);
  if (!ed25519.utils.isValidPublicKey(publicKey, false)) {
    throw bundleError('KEY_INVALID', { kind: 'minisign public key', reason: 'not a valid Ed25519 point' });
  }
  return { keyId: bytes.slice(2, 10), publicKey };
}

export type SecretKeyProtection =
  | { passphrase: string; scrypt?: ScryptLimits }
  /** Only for interoperability with `minisign -W` files and for tests; the app never writes these to disk. */
  | { unencrypted: true };

export async function formatSecretKeyFile(
  key: MinisignSecretKey,
  protection: SecretKeyProtection,
  comment = 'minisign encrypted secret key',
): Promise<string> {
  const secretKey = concatBytes(key.seed, key.publicKey);
  const checksum = secretKeyChecksum(key.keyId, secretKey);
  const keynum = concatBytes(key.keyId, secretKey, checksum);
  let kdf = KDF_NONE;
  let salt = new Uint8Array(32);
  let limits: ScryptLimits = { opslimit: 0, memlimit: 0 };
  if ('passphrase' in protection) {
    kdf = KDF_SCRYPT;
    salt = new Uint8Array(randomBytes(32));
    limits = protection.scrypt ?? DEFAULT_SCRYPT_LIMITS;
    xorInPlace(keynum, await deriveStream(protection.passphrase, salt, limits));
  }
  const body = concatBytes(SIG_ALG, kdf, CHK_BLAKE2B, salt, le64(limits.opslimit), le64(limits.memlimit), keynum);
  return `${UNTRUSTED_PREFIX}${oneLine(comment)}\n${encodeBase64(body)}\n`;
}

/** Reads an encrypted ("Sc") or unencrypted (minisign -W) secret key file. */
export async function parseSecretKeyFile(text: string, passphrase?: string): Promise<MinisignSecretKey> {
  const lines = splitLines(text);
  const bytes = lines[0]?.startsWith(UNTRUSTED_PREFIX) && lines[1] !== undefined ? decodeBase64Strict(lines[1]) : null;
  if (bytes === null || bytes.length !== SECRET_KEY_BYTES || !bytesEqual(bytes.subarray(0, 2), SIG_ALG)) {
    throw bundleError('KEY_INVALID', { kind: 'minisign secret key' });
  }
  const kdf = bytes.subarray(2, 4);
  if (!bytesEqual(bytes.subarray(4, 6), CHK_BLAKE2B)) {
    throw bundleError('KEY_INVALID', { kind: 'minisign secret key', reason: 'checksum algorithm' });
  }
  const salt = bytes.slice(6, 38);
  const opslimit = readLe64(bytes.subarray(38, 46));
  const memlimit = readLe64(bytes.subarray(46, 54));
  const keynum = bytes.slice(54);
  const encrypted = bytesEqual(kdf, KDF_SCRYPT);
  if (encrypted) {
    if (passphrase === undefined) throw bundleError('KEY_WRONG_PASSPHRASE', { reason: 'passphrase required' });
    xorInPlace(keynum, await deriveStream(passphrase, salt, { opslimit, memlimit }));
  } else if (!bytesEqual(kdf, KDF_NONE)) {
    throw bundleError('KEY_INVALID', { kind: 'minisign secret key', reason: 'key derivation algorithm' });
  }
  const keyId = keynum.slice(0, 8);
  const secretKey = keynum.subarray(8, 72);
  const checksum = keynum.subarray(72, 104);
  // minisign -W (0.11) leaves the checksum of an unencrypted key as zeros, so it only proves something
  // when the key was encrypted or the writer filled it in.
  const checksumPresent = encrypted || checksum.some((b) => b !== 0);
  if (checksumPresent && !bytesEqual(checksum, secretKeyChecksum(keyId, secretKey))) {
    if (encrypted) throw bundleError('KEY_WRONG_PASSPHRASE');
    throw bundleError('KEY_INVALID', { kind: 'minisign secret key', reason: 'checksum' });
  }
  const seed = secretKey.slice(0, 32);
  const publicKey = secretKey.slice(32, 64);
  if (!bytesEqual(ed25519.getPublicKey(seed), publicKey)) {
    throw bundleError('KEY_INVALID', { kind: 'minisign secret key', reason: 'public half does not match' });
  }
  return { keyId, seed, publicKey };
}

function secretKeyChecksum(keyId: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return blake2b(concatBytes(SIG_ALG, keyId, secretKey), { dkLen: 32 });
}

/**
 * libsodium's crypto_pwhash_scryptsalsa208sha256 turns (opslimit, memlimit) into scrypt's (N, r, p) with
 * `pickparams` (libsodium src/libsodium/crypto_pwhash/scryptsalsa208sha256/pwhash_scryptsalsa208sha256.c);
 * the same mapping here makes our files and minisign's derive the same key stream.
 */
export function scryptParams(limits: ScryptLimits): { N: number; r: number; p: number } {
  const opslimit = Math.max(limits.opslimit, 32768);
  const r = 8;
  let logN = 1;
  let p: number;
  if (opslimit < limits.memlimit / 32) {
    p = 1;
    const maxN = opslimit / (r * 4);
    while (logN < 63 && 2 ** logN <= maxN / 2) logN++;
  } else {
    const maxN = limits.memlimit / (r * 128);
    while (logN < 63 && 2 ** logN <= maxN / 2) logN++;
    const maxrp = Math.min(Math.floor(opslimit / 4 / 2 ** logN), 0x3fffffff);
    p = Math.floor(maxrp / r);
  }
  return { N: 2 ** logN, r, p };
}

async function deriveStream(passphrase: string, salt: Uint8Array, limits: ScryptLimits): Promise<Uint8Array> {
  const { N, r, p } = scryptParams(limits);
  // A hostile key file could ask for terabytes; 2 GiB is twice minisign's own maximum default.
  const needed = 128 * N * r + 128 * r * p + 1024 * 1024;
  if (N > 2 ** 22 || p < 1 || p > 64 || needed > 2 * 1024 * 1024 * 1024 + 1024 * 1024) {
    throw bundleError('KEY_INVALID', { kind: 'minisign secret key', reason: 'scrypt parameters out of range' });
  }
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase.normalize('NFC'), salt, 104, { N, r, p, maxmem: needed }, (err, key) => {
      if (err) reject(err instanceof AppError ? err : bundleError('KEY_INVALID', { reason: err.message }));
      else resolve(new Uint8Array(key));
    });
  });
}

function xorInPlace(target: Uint8Array, stream: Uint8Array): void {
  for (let i = 0; i < target.length; i++) target[i] ^= stream[i];
}

function le64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
}

function readLe64(bytes: Uint8Array): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function oneLine(comment: string): string {
  if (/[\r\n]/.test(comment)) throw bundleError('KEY_INVALID', { reason: 'comment must be one line' });
  return comment;
}
