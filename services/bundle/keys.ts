import { createHash } from 'node:crypto';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { bundleError } from '../../core/bundle/errors';
import { isAppError } from '../../core/errors';
import { concatBytes } from './base64';
import { SIG_ALG, type MinisignPublicKey } from './minisignKeys';

/*
 * Office and province keys.
 *
 * - Signing (office): Ed25519 in minisign's formats, see minisignKeys.ts. The public half travels as a
 *   standard minisign .pub file.
 * - Encryption (province, and each office for its own exports): age X25519. Identities are generated with
 *   generateX25519Identity(), not generateIdentity(), because post-quantum identities (AGE-SECRET-KEY-PQ-1)
 *   cannot be read by age 1.1, the version Debian ships. The public half travels as an age recipients file
 *   ("# comment" lines and one "age1…" line), which `age -R file` reads as is.
 * - Private keys are never written in the clear: see sealSecret (passphrase via age scrypt, or the OS key
 *   store through the injected OsKeyStore, e.g. Electron's safeStorage).
 */

export type AgeKeyPair = { identity: string; recipient: string };

export async function generateAgeKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** age-keygen's file format: "# created: …", "# public key: age1…", then the identity line. */
export function formatAgeIdentityFile(keys: AgeKeyPair, createdAt: Date): string {
  return `# created: ${createdAt.toISOString()}\n# public key: ${keys.recipient}\n${keys.identity}\n`;
}

/** Reads an age identity file (or a bare identity line); exactly one X25519 identity. */
export async function parseAgeIdentityFile(text: string): Promise<AgeKeyPair> {
  const lines = keyLines(text);
  if (lines.length !== 1 || !lines[0].startsWith('AGE-SECRET-KEY-1')) {
    throw bundleError('KEY_INVALID', { kind: 'age identity' });
  }
  try {
    return { identity: lines[0], recipient: await identityToRecipient(lines[0]) };
  } catch {
    throw bundleError('KEY_INVALID', { kind: 'age identity' });
  }
}

export function formatRecipientFile(recipient: string, label: string): string {
  return `# ${oneLineComment(label)}\n# fingerprint: ${recipientFingerprint(recipient)}\n${recipient}\n`;
}

/** Reads an age recipients file with exactly one native X25519 recipient ("age1…", not age1pq1/age1tag1). */
export function parseRecipientFile(text: string): string {
  const lines = keyLines(text);
  const recipient = lines.length === 1 ? lines[0] : '';
  if (!/^age1[02-9ac-hj-np-z]{58}$/.test(recipient)) throw bundleError('KEY_INVALID', { kind: 'age recipient' });
  try {
    new Encrypter().addRecipient(recipient); // bech32 checksum and point length
  } catch {
    throw bundleError('KEY_INVALID', { kind: 'age recipient' });
  }
  return recipient;
}

/**
 * Short fingerprints to read aloud over the phone when keys are exchanged: 20 decimal digits in groups of 4
 * ("4821 0937 …", ~66 bits of SHA-256), easy to say in Vietnamese and hard to match by a forged key.
 * The minisign key id is not enough: it is random and chosen by the key's owner, not derived from the key.
 */
export function publicKeyFingerprint(key: MinisignPublicKey): string {
  return digitsFingerprint('minisign', concatBytes(SIG_ALG, key.keyId, key.publicKey));
}

export function recipientFingerprint(recipient: string): string {
  return digitsFingerprint('age', new TextEncoder().encode(recipient));
}

function digitsFingerprint(kind: string, bytes: Uint8Array): string {
  const digest = createHash('sha256').update(`ntm-desk fingerprint v1\u0000${kind}\u0000`).update(bytes).digest();
  const value = BigInt(`0x${digest.subarray(0, 12).toString('hex')}`) % 10n ** 20n;
  return (value.toString().padStart(20, '0').match(/.{4}/g) ?? []).join(' ');
}

/**
 * The OS key store, injected. Electron's `safeStorage` satisfies it as is (method syntax keeps the
 * parameter check bivariant, so its Buffer parameter fits).
 */
export interface OsKeyStore {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
}

export type SecretProtection = { passphrase: string; scryptLogN?: number } | { osKeyStore: OsKeyStore };

/** Marks a secret sealed by the OS store; a passphrase-sealed secret is a plain age file. */
const OS_SEALED_MAGIC = 'ntm-desk-os-sealed/v1\n';

/**
 * Seals a private key file's text for storage. With a passphrase the result is an ordinary age file
 * (scrypt recipient), so `age -d sealed > key` also opens it; with the OS store it is the store's blob
 * behind a short marker.
 */
export async function sealSecret(secretText: string, protection: SecretProtection): Promise<Uint8Array> {
  if ('passphrase' in protection) {
    if (protection.passphrase.length === 0) throw bundleError('KEY_PROTECTION_REQUIRED');
    const encrypter = new Encrypter();
    encrypter.setPassphrase(protection.passphrase.normalize('NFC'));
    if (protection.scryptLogN !== undefined) encrypter.setScryptWorkFactor(protection.scryptLogN);
    return encrypter.encrypt(secretText);
  }
  const store = protection.osKeyStore;
  if (!store.isEncryptionAvailable()) throw bundleError('KEY_STORE_UNAVAILABLE');
  return concatBytes(new TextEncoder().encode(OS_SEALED_MAGIC), store.encryptString(secretText));
}

export async function openSecret(sealed: Uint8Array, protection: SecretProtection): Promise<string> {
  const magic = new TextEncoder().encode(OS_SEALED_MAGIC);
  const osSealed = sealed.length >= magic.length && magic.every((b, i) => sealed[i] === b);
  if ('osKeyStore' in protection) {
    if (!osSealed) throw bundleError('KEY_INVALID', { reason: 'not sealed by the OS key store' });
    if (!protection.osKeyStore.isEncryptionAvailable()) throw bundleError('KEY_STORE_UNAVAILABLE');
    try {
      return protection.osKeyStore.decryptString(sealed.subarray(magic.length));
    } catch (e) {
      if (isAppError(e)) throw e;
      throw bundleError('KEY_INVALID', { reason: 'OS key store could not open the secret' });
    }
  }
  if (osSealed) throw bundleError('KEY_INVALID', { reason: 'sealed by the OS key store, not a passphrase' });
  const decrypter = new Decrypter();
  decrypter.addPassphrase(protection.passphrase.normalize('NFC'));
  try {
    return await decrypter.decrypt(sealed, 'text');
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (message.includes('no identity matched')) throw bundleError('KEY_WRONG_PASSPHRASE');
    throw bundleError('KEY_INVALID', { reason: message });
  }
}

function keyLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

function oneLineComment(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
