import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from './exportBundle';
import { readBundle } from './readBundle';
import { generateAgeKeyPair, type AgeKeyPair } from './keys';
import { generateMinisignKeyPair, publicKeyOf, type MinisignSecretKey } from './minisignKeys';
import { errorCodeOf, makeTempDir } from './__fixtures__/testKit';

let office: MinisignSecretKey;
let province: AgeKeyPair;
let officeAge: AgeKeyPair;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  office = generateMinisignKeyPair();
  province = await generateAgeKeyPair();
  officeAge = await generateAgeKeyPair();
});

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

function temp(): string {
  const t = makeTempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const nfd = (s: string) => s.normalize('NFD');

describe('exportBundle + readBundle', () => {
  it('round-trips records and attachments, normalizing text to NFC', async () => {
    const dir = temp();
    const photo = join(dir, 'photo.jpg');
    writeFileSync(photo, 'not really a jpeg');
    const progress: number[] = [];
    const out = join(dir, 'out.ntmb');
    const result = await exportBundle({
      outputPath: out,
      officeCode: nfd('Huyện Đông Anh'),
      sequence: 7,
      periods: ['2025', '2025-Q3'],
      records: {
        ocop_product: [{ id: 'p1', name: nfd('Chè Thái Nguyên'), stars: 4 }],
        commune: [{ id: 'c1', name: 'Xã Tân Cương' }, { id: 'c2', name: nfd('Xã Phúc Xuân') }],
      },
      attachments: { [sha('not really a jpeg')]: photo },
      signingKey: office,
      recipients: [province.recipient, officeAge.recipient],
      createdAt: new Date('2026-03-01T08:00:00Z'),
      onProgress: (p) => progress.push(p.bytesDone / p.bytesTotal),
    });
    expect(result.manifest.counts).toEqual({ commune: 2, ocop_product: 1 });
    expect(progress.at(-1)).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const store = join(dir, 'store');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(store);
    for (const identity of [province.identity, officeAge.identity]) {
      const read = await readBundle({
        path: out,
        identities: [identity],
        trustedSigners: [{ ...publicKeyOf(office), officeCode: 'Huyện Đông Anh' }],
        attachmentsDir: store,
      });
      expect(read.officeCode).toBe('Huyện Đông Anh'.normalize('NFC'));
      expect(read.sequence).toBe(7);
      expect(read.records.commune.map((r) => r.name)).toEqual(['Xã Tân Cương', 'Xã Phúc Xuân'.normalize('NFC')]);
      expect(read.records.ocop_product[0]).toEqual({ id: 'p1', name: 'Chè Thái Nguyên', stars: 4 });
      const path = read.attachments[sha('not really a jpeg')];
      expect(readFileSync(path, 'utf8')).toBe('not really a jpeg');
    }
    expect(readdirSync(store).filter((f) => f.startsWith('.incoming'))).toEqual([]);
  });

  it('streams a multi-chunk attachment and checks its hash', async () => {
    const dir = temp();
    const big = join(dir, 'big.bin');
    const content = Buffer.alloc(3 * 1024 * 1024 + 123, 7);
    content.write('start');
    writeFileSync(big, content);
    const out = join(dir, 'big.ntmb');
    await exportBundle({
      outputPath: out, officeCode: 'H01', sequence: 1, periods: [], records: {},
      attachments: { [sha(content)]: big }, signingKey: office, recipients: [province.recipient],
    });
    const read = await readBundle({ path: out, identities: [province.identity], trustedSigners: [publicKeyOf(office)] });
    expect(read.manifest.files).toHaveLength(1);
    expect(read.attachments).toEqual({});
  });

  it('refuses an attachment whose content does not match its hash, leaving no file behind', async () => {
    const dir = temp();
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'hello');
    const out = join(dir, 'x.ntmb');
    const code = await errorCodeOf(exportBundle({
      outputPath: out, officeCode: 'H01', sequence: 1, periods: [], records: {},
      attachments: { [sha('other')]: f }, signingKey: office, recipients: [province.recipient],
    }));
    expect(code).toBe('BUNDLE_HASH_MISMATCH');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('a large export that fails late (hash thread and early syncs under way) leaves no file behind', async () => {
    const dir = temp();
    const good = join(dir, 'good.bin');
    const bad = join(dir, 'bad.bin');
    const goodContent = Buffer.alloc(9 * 1024 * 1024, 7);
    writeFileSync(good, goodContent);
    writeFileSync(bad, 'changed after it was stored');
    const out = join(dir, 'x.ntmb');
    const code = await errorCodeOf(exportBundle({
      outputPath: out, officeCode: 'H01', sequence: 1, periods: [], records: {},
      // Attachments go in hash order: the good one (9 MiB written) first, then fff… (the changed one).
      attachments: { [sha(goodContent)]: good, ['f'.repeat(64)]: bad }, signingKey: office, recipients: [province.recipient],
    }));
    expect(code).toBe('BUNDLE_HASH_MISMATCH');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['bad.bin', 'good.bin']);
  });

  it('refuses duplicate ids (also NFC/NFD twins) and records without id on export', async () => {
    const dir = temp();
    const base = { outputPath: join(dir, 'x'), officeCode: 'H01', sequence: 1, periods: [], signingKey: office, recipients: [province.recipient] };
    expect(await errorCodeOf(exportBundle({ ...base, records: { t: [{ id: 'xã' }, { id: nfd('xã') }] } }))).toBe('BUNDLE_DUPLICATE_ID');
    expect(await errorCodeOf(exportBundle({ ...base, records: { t: [{ id: '' }] } }))).toBe('BUNDLE_INPUT_INVALID');
    expect(await errorCodeOf(exportBundle({ ...base, records: { 'Bad-Type': [] } }))).toBe('BUNDLE_INPUT_INVALID');
    expect(await errorCodeOf(exportBundle({ ...base, sequence: 0, records: {} }))).toBe('BUNDLE_INPUT_INVALID');
  });

  it('runs the caller validator and reports the office mismatch and unknown signer', async () => {
    const dir = temp();
    const out = join(dir, 'x.ntmb');
    await exportBundle({
      outputPath: out, officeCode: 'H01', sequence: 2, periods: ['2025'],
      records: { commune: [{ id: 'c1', name: 'A' }] }, signingKey: office, recipients: [province.recipient],
    });
    const base = { path: out, identities: [province.identity], trustedSigners: [publicKeyOf(office)] };
    expect(await errorCodeOf(readBundle({ ...base, validateRecord: () => { throw new Error('thiếu trường'); } }))).toBe('BUNDLE_RECORD_INVALID');
    expect(await errorCodeOf(readBundle({ ...base, trustedSigners: [{ ...publicKeyOf(office), officeCode: 'H02' }] }))).toBe('BUNDLE_OFFICE_MISMATCH');
    expect(await errorCodeOf(readBundle({ ...base, trustedSigners: [publicKeyOf(generateMinisignKeyPair())] }))).toBe('BUNDLE_SIGNER_UNKNOWN');
    expect(await errorCodeOf(readBundle({ ...base, identities: [officeAge.identity] }))).toBe('BUNDLE_WRONG_RECIPIENT');
    expect(await errorCodeOf(readBundle({ ...base, path: join(dir, 'missing') }))).toBe('BUNDLE_FILE_UNREADABLE');
  });
});
