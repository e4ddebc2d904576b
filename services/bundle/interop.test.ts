import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from './exportBundle';
import { readBundle } from './readBundle';
import { openAgeFile, prepareAgeEncryption } from './ageFile';
import { formatAgeIdentityFile, generateAgeKeyPair, parseAgeIdentityFile, type AgeKeyPair } from './keys';
import {
  formatPublicKeyFile,
  formatSecretKeyFile,
  generateMinisignKeyPair,
  keyIdHex,
  parsePublicKey,
  parseSecretKeyFile,
  publicKeyOf,
  type MinisignSecretKey,
} from './minisignKeys';
import { signMinisign, verifyMinisign } from './minisignSignature';
import { makeTempDir, runTool } from './__fixtures__/testKit';

/*
 * Interoperability with the reference tools as Debian ships them (/usr/bin/age 1.1, /usr/bin/minisign 0.11):
 * what we write they read, and what they write we read.
 */

const AGE = '/usr/bin/age';
const AGE_KEYGEN = '/usr/bin/age-keygen';
const MINISIGN = '/usr/bin/minisign';

let dir: string;
let cleanup: () => void;
let office: MinisignSecretKey;
let province: AgeKeyPair;

beforeAll(async () => {
  ({ dir, cleanup } = makeTempDir('ntm-interop-'));
  office = generateMinisignKeyPair();
  province = await generateAgeKeyPair();
  writeFileSync(join(dir, 'province.key'), formatAgeIdentityFile(province, new Date()));
  writeFileSync(join(dir, 'office.pub'), formatPublicKeyFile(publicKeyOf(office)));
});
afterAll(() => cleanup());

async function plaintextOf(path: string, identity: string): Promise<Buffer> {
  const { chunks } = await openAgeFile(path, { identities: [identity] });
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}

describe('bundle ↔ age, tar and minisign CLIs', () => {
  it('our bundle: `age -d -i` decrypts it, `tar -x` unpacks it, `minisign -V` verifies the manifest', async () => {
    const attachment = join(dir, 'att.bin');
    const content = randomBytes(150_000);
    writeFileSync(attachment, content);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(content).digest('hex');
    const bundle = join(dir, 'bundle.ntmb');
    await exportBundle({
      outputPath: bundle, officeCode: 'H01', sequence: 3, periods: ['2025'],
      records: { commune: [{ id: 'c1', name: 'Xã Đông Hội' }] }, attachments: { [hash]: attachment },
      signingKey: office, recipients: [province.recipient],
    });

    const tarFile = join(dir, 'bundle.tar');
    runTool(AGE, ['-d', '-i', join(dir, 'province.key'), '-o', tarFile, bundle]);
    const out = join(dir, 'unpacked');
    mkdirSync(out);
    runTool('tar', ['-x', '-f', tarFile, '-C', out]);
    expect(readdirSync(out).sort()).toEqual(['attachments', 'data', 'manifest.json', 'manifest.json.minisig']);
    expect(readFileSync(join(out, 'data', 'commune.ndjson'), 'utf8')).toBe('{"id":"c1","name":"Xã Đông Hội"}\n');
    expect(readFileSync(join(out, 'attachments', hash)).equals(content)).toBe(true);
    const verified = runTool(MINISIGN, ['-V', '-p', join(dir, 'office.pub'), '-m', join(out, 'manifest.json')]).toString();
    expect(verified).toContain('Signature and comment signature verified');
    expect(verified).toContain('office:H01\tsequence:3');

    // `tar -t` lists the layout in order: the signed manifest first.
    const listing = runTool('tar', ['-t', '-f', tarFile]).toString().trim().split('\n');
    expect(listing).toEqual(['manifest.json', 'manifest.json.minisig', 'data/commune.ndjson', `attachments/${hash}`]);

    // The same plaintext re-encrypted by `age -r` is a bundle we read.
    const reencrypted = join(dir, 'reencrypted.ntmb');
    runTool(AGE, ['-r', province.recipient, '-o', reencrypted, tarFile]);
    const read = await readBundle({ path: reencrypted, identities: [province.identity], trustedSigners: [publicKeyOf(office)], hashFile: true });
    expect(read.sequence).toBe(3);
    // A small file's hash comes from the bytes decrypted: it is the file's.
    expect(read.fileSha256).toBe(createHash('sha256').update(readFileSync(reencrypted)).digest('hex'));
    expect(read.records.commune[0].name).toBe('Xã Đông Hội');
  });

  it('reads files `age -r` encrypted, at chunk-boundary sizes, with an `age-keygen` identity', async () => {
    const keyFile = join(dir, 'keygen.key');
    runTool(AGE_KEYGEN, ['-o', keyFile]);
    const keys = await parseAgeIdentityFile(readFileSync(keyFile, 'utf8'));
    for (const size of [0, 1, 65535, 65536, 65537, 2 * 65536, 200_000]) {
      const plain = randomBytes(size);
      const p = join(dir, `plain-${size}`);
      writeFileSync(p, plain);
      runTool(AGE, ['-r', keys.recipient, '-o', `${p}.age`, p]);
      expect((await plaintextOf(`${p}.age`, keys.identity)).equals(plain)).toBe(true);
    }
  });

  it('our payload sealer, fed at odd piece sizes around chunk boundaries: `age -d` decrypts it', async () => {
    const keyFile = join(dir, 'keygen-sealer.key');
    runTool(AGE_KEYGEN, ['-o', keyFile]);
    const keys = await parseAgeIdentityFile(readFileSync(keyFile, 'utf8'));
    for (const size of [0, 1, 65535, 65536, 65537, 2 * 65536, 2 * 65536 + 1, 300_000]) {
      for (const split of ['whole', 'bytes', 'ragged']) {
        const plain = randomBytes(size);
        const { head, sealer } = await prepareAgeEncryption([keys.recipient]);
        const parts: Uint8Array[] = [head];
        let at = 0;
        let step = 0;
        while (at < size) {
          const n = split === 'whole' ? size : split === 'bytes' ? Math.min(size - at, at % 3 === 0 ? 1 : 65536) : [65535, 1, 0, 70_000, 65536, 3][step++ % 6]!;
          parts.push(...sealer.push(plain.subarray(at, at + n)));
          at += n;
        }
        parts.push(...sealer.finish());
        const p = join(dir, `sealed-${size}-${split}.age`);
        writeFileSync(p, Buffer.concat(parts));
        expect(runTool(AGE, ['-d', '-i', keyFile, p]).equals(plain), `${size} ${split}`).toBe(true);
      }
    }
  });

  it('a bundle over 8 MiB (its hash computed on a worker thread): the hash is the file’s and `age -d` opens it', async () => {
    const content = randomBytes(9 * 1024 * 1024 + 12345);
    const attachment = join(dir, 'large.bin');
    writeFileSync(attachment, content);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(content).digest('hex');
    const bundle = join(dir, 'large.ntmb');
    const result = await exportBundle({
      outputPath: bundle, officeCode: 'H01', sequence: 4, periods: [],
      records: { commune: [{ id: 'c1', name: 'Xã Đông Hội' }] }, attachments: { [hash]: attachment },
      signingKey: office, recipients: [province.recipient],
    });
    const written = readFileSync(bundle);
    expect(result.bytes).toBe(written.length);
    expect(result.sha256).toBe(createHash('sha256').update(written).digest('hex'));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const out = join(dir, 'large-unpacked');
    mkdirSync(out);
    runTool(AGE, ['-d', '-i', join(dir, 'province.key'), '-o', join(dir, 'large.tar'), bundle]);
    runTool('tar', ['-x', '-f', join(dir, 'large.tar'), '-C', out]);
    expect(readFileSync(join(out, 'attachments', hash)).equals(content)).toBe(true);
    const read = await readBundle({ path: bundle, identities: [province.identity], trustedSigners: [publicKeyOf(office)], hashFile: true });
    expect(read.fileSha256).toBe(result.sha256);
  });

  it('signatures by `minisign -S` (prehashed and legacy) verify with our code', async () => {
    const sec = join(dir, 'cli.key');
    const pub = join(dir, 'cli.pub');
    runTool(MINISIGN, ['-G', '-W', '-p', pub, '-s', sec]);
    const message = join(dir, 'message.json');
    writeFileSync(message, '{"xã":"Đông Hội"}\n');
    const key = parsePublicKey(readFileSync(pub, 'utf8'));
    // minisign prints the key id as "%" PRIX64, without zero padding: no leading zeros.
    expect(readFileSync(pub, 'utf8')).toContain(`public key ${keyIdHex(key.keyId).replace(/^0+(?=.)/, '')}`);
    for (const legacy of [false, true]) {
      const sig = join(dir, legacy ? 'legacy.minisig' : 'hashed.minisig');
      runTool(MINISIGN, ['-S', ...(legacy ? ['-l'] : []), '-s', sec, '-m', message, '-x', sig, '-t', 'trusted ✓ bình luận']);
      const result = verifyMinisign(readFileSync(message), readFileSync(sig, 'utf8'), [key]);
      expect(result.algorithm).toBe(legacy ? 'Ed' : 'ED');
      expect(result.trustedComment).toBe('trusted ✓ bình luận');
      expect(() => verifyMinisign(Buffer.from('{"xã":"Đông Hội"} \n'), readFileSync(sig, 'utf8'), [key])).toThrow(/chữ ký/i);
    }
    // And their unencrypted secret key file signs with our code, verified by them.
    const theirKey = await parseSecretKeyFile(readFileSync(sec, 'utf8'));
    const ours = join(dir, 'message.json.minisig');
    writeFileSync(ours, signMinisign(readFileSync(message), theirKey, { trustedComment: 'from ntm-desk' }));
    expect(runTool(MINISIGN, ['-V', '-p', pub, '-m', message]).toString()).toContain('from ntm-desk');
  });

  it('signatures by our code (prehashed and legacy) verify with `minisign -V`', () => {
    const message = join(dir, 'ours.txt');
    writeFileSync(message, randomBytes(1000));
    for (const legacy of [false, true]) {
      const sig = join(dir, `ours-${legacy}.minisig`);
      writeFileSync(sig, signMinisign(readFileSync(message), office, { trustedComment: 'timestamp:1\tfile:ours.txt', legacy }));
      const out = runTool(MINISIGN, ['-V', ...(legacy ? [] : ['-H']), '-p', join(dir, 'office.pub'), '-m', message, '-x', sig]);
      expect(out.toString()).toContain('Trusted comment: timestamp:1\tfile:ours.txt');
    }
  });

  it('secret key files: ours (encrypted and -W style) work in minisign, minisign’s encrypted ones open with ours', async () => {
    const message = join(dir, 'keys.txt');
    writeFileSync(message, 'hello');
    const pub = join(dir, 'office.pub');

    const encrypted = join(dir, 'ours-encrypted.key');
    writeFileSync(encrypted, await formatSecretKeyFile(office, { passphrase: 'mật khẩu dài' }));
    runTool(MINISIGN, ['-S', '-s', encrypted, '-m', message, '-x', `${message}.1`], { input: 'mật khẩu dài\n' });
    runTool(MINISIGN, ['-V', '-p', pub, '-m', message, '-x', `${message}.1`]);
    expect((await parseSecretKeyFile(readFileSync(encrypted, 'utf8'), 'mật khẩu dài')).keyId).toEqual(office.keyId);
    await expect(parseSecretKeyFile(readFileSync(encrypted, 'utf8'), 'sai')).rejects.toMatchObject({ code: 'KEY_WRONG_PASSPHRASE' });

    const plain = join(dir, 'ours-plain.key');
    writeFileSync(plain, await formatSecretKeyFile(office, { unencrypted: true }));
    runTool(MINISIGN, ['-S', '-W', '-s', plain, '-m', message, '-x', `${message}.2`]);
    runTool(MINISIGN, ['-V', '-p', pub, '-m', message, '-x', `${message}.2`]);

    // minisign's default scrypt cost (1 GiB) – slow, but it is the format offices may bring.
    const theirs = join(dir, 'theirs-encrypted.key');
    const theirsPub = join(dir, 'theirs.pub');
    runTool(MINISIGN, ['-G', '-p', theirsPub, '-s', theirs], { input: 'pw-1234\npw-1234\n' });
    const key = await parseSecretKeyFile(readFileSync(theirs, 'utf8'), 'pw-1234');
    expect(key.publicKey).toEqual(parsePublicKey(readFileSync(theirsPub, 'utf8')).publicKey);
  }, 60_000);
});
