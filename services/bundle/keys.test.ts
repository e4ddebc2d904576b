import { describe, expect, it } from 'vitest';
import {
  formatRecipientFile,
  generateAgeKeyPair,
  openSecret,
  parseRecipientFile,
  publicKeyFingerprint,
  recipientFingerprint,
  sealSecret,
  type OsKeyStore,
} from './keys';
import { formatPublicKeyFile, formatSecretKeyFile, generateMinisignKeyPair, parsePublicKey, parseSecretKeyFile, publicKeyOf, scryptParams } from './minisignKeys';
import { errorCodeOf } from './__fixtures__/testKit';

/** Stands in for Electron's safeStorage: reversible, and visibly not plaintext. */
const fakeStore: OsKeyStore = {
  isEncryptionAvailable: () => true,
  encryptString: (s) => new Uint8Array(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
};

describe('keys', () => {
  it('fingerprints are 5 groups of 4 digits and depend on the whole key', async () => {
    const a = generateMinisignKeyPair();
    const fp = publicKeyFingerprint(publicKeyOf(a));
    expect(fp).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(publicKeyFingerprint({ keyId: a.keyId, publicKey: generateMinisignKeyPair().publicKey })).not.toBe(fp);
    const r = (await generateAgeKeyPair()).recipient;
    expect(recipientFingerprint(r)).toMatch(/^\d{4}( \d{4}){4}$/);
  });

  it('public key and recipient files round-trip; malformed ones are KEY_INVALID', async () => {
    const key = generateMinisignKeyPair();
    expect(parsePublicKey(formatPublicKeyFile(publicKeyOf(key)))).toEqual(publicKeyOf(key));
    expect(() => parsePublicKey('untrusted comment: x\nRWQ!!!!\n')).toThrow();
    const { recipient } = await generateAgeKeyPair();
    expect(parseRecipientFile(formatRecipientFile(recipient, 'Sở NN&MT tỉnh'))).toBe(recipient);
    expect(() => parseRecipientFile(`${recipient.slice(0, -1)}q`)).toThrow();
  });

  it('seals secrets with a passphrase (age scrypt) or the OS key store, never in the clear', async () => {
    const secret = await formatSecretKeyFile(generateMinisignKeyPair(), { unencrypted: true });
    const sealed = await sealSecret(secret, { passphrase: 'mật khẩu', scryptLogN: 10 });
    expect(Buffer.from(sealed).toString('latin1')).not.toContain(secret.split('\n')[1]);
    expect(await openSecret(sealed, { passphrase: 'mật khẩu'.normalize('NFD') })).toBe(secret);
    expect(await errorCodeOf(openSecret(sealed, { passphrase: 'sai' }))).toBe('KEY_WRONG_PASSPHRASE');

    const osSealed = await sealSecret(secret, { osKeyStore: fakeStore });
    expect(await openSecret(osSealed, { osKeyStore: fakeStore })).toBe(secret);
    const unavailable: OsKeyStore = { ...fakeStore, isEncryptionAvailable: () => false };
    expect(await errorCodeOf(sealSecret(secret, { osKeyStore: unavailable }))).toBe('KEY_STORE_UNAVAILABLE');
    expect(await errorCodeOf(sealSecret(secret, { passphrase: '' }))).toBe('KEY_PROTECTION_REQUIRED');
  });

  it('maps scrypt limits like libsodium pickparams', () => {
    expect(scryptParams({ opslimit: 33_554_432, memlimit: 1_073_741_824 })).toEqual({ N: 2 ** 20, r: 8, p: 1 });
    expect(scryptParams({ opslimit: 8_388_608, memlimit: 268_435_456 })).toEqual({ N: 2 ** 18, r: 8, p: 1 });
  });

  it('an encrypted secret key needs its passphrase', async () => {
    const text = await formatSecretKeyFile(generateMinisignKeyPair(), { passphrase: 'p', scrypt: { opslimit: 32768, memlimit: 1 << 20 } });
    expect(await errorCodeOf(parseSecretKeyFile(text))).toBe('KEY_WRONG_PASSPHRASE');
    expect(await errorCodeOf(parseSecretKeyFile(text, 'q'))).toBe('KEY_WRONG_PASSPHRASE');
    expect((await parseSecretKeyFile(text, 'p')).seed).toHaveLength(32);
  });
});
