import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentPath } from '../attachments';
import { dataPaths } from '../paths';
import type { BundleRecord } from '../bundle/index';
import {
  craftBundle,
  dataSnapshot,
  fileInput,
  pairedOffices,
  seedNtm,
  SIN_SUOI_HO,
  testId,
  type SeedResult,
  type TestOffice,
} from './exchangeTestKit';
import { collectRecords, exportsDir } from './exportService';

/*
 * Bad input at the database level: each refusal has its own code, leaves the database as it was (only the
 * import log records the attempt), and does not place any attachment in the store.
 */

let province: TestOffice;
let a: TestOffice;
let b: TestOffice;
let seededA: SeedResult;
let cleanup: () => void;
let tmp: string;
let good: Record<string, BundleRecord[]>;
let goodAttachments: Record<string, string>;

beforeAll(async () => {
  const pair = await pairedOffices([SIN_SUOI_HO]);
  ({ province } = pair);
  [a, b] = pair.offices;
  cleanup = pair.cleanup;
  tmp = mkdtempSync(join(tmpdir(), 'ntm-reject-'));
  seededA = await seedNtm(a, { seed: 1, evidence: 1 });
  await seedNtm(b, { seed: 2, evidence: 0 });
  // Sequence 1 of A is in: later bundles build on it.
  const first = await a.call('exchange.bundle.export', { mode: 'full', periods: [] });
  const [r] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(a.dir), first.fileName))] });
  expect(r.status).toBe('imported');
  const collected = collectRecords(a.app.context.conn.sqlite, dataPaths(a.dir).attachments, a.officeCode, 'full');
  good = collected.records;
  goodAttachments = collected.attachments;
});

afterAll(() => {
  cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

let counter = 0;
async function expectRefused(
  signer: TestOffice,
  content: { sequence: number; officeCode?: string; records: Record<string, BundleRecord[]>; attachments?: Record<string, string> },
  code: string,
) {
  const path = await craftBundle(signer, province, join(tmp, `crafted-${counter++}.ntmb`), content);
  return expectFileRefused(path, code);
}

async function expectFileRefused(path: string, code: string) {
  const before = dataSnapshot(province);
  const logBefore = (await province.call('exchange.imports.list', { limit: 1000 })).length;
  const [result] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
  expect(result.error?.code, JSON.stringify(result.error)).toBe(code);
  expect(result.status).toBe('rejected');
  expect(result.error?.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụýỳỷỹỵóòỏõọéèẻẽẹ]/);
  expect(dataSnapshot(province)).toBe(before);
  const log = await province.call('exchange.imports.list', { limit: 1000 });
  expect(log).toHaveLength(logBefore + 1);
  expect(log[0]).toMatchObject({ status: 'rejected', errorCode: code });
  return result;
}

const clone = (records: Record<string, BundleRecord[]>) => JSON.parse(JSON.stringify(records)) as Record<string, BundleRecord[]>;
const bump = (r: BundleRecord) => ({ ...r, version: (r.version as number) + 1 });

describe('import refusals', () => {
  it('BUNDLE_REPLAY: an already imported sequence or an older one', async () => {
    await expectRefused(a, { sequence: 1, records: { ntm_value: good.ntm_value.map(bump) } }, 'BUNDLE_REPLAY');
  });

  it('BUNDLE_OFFICE_MISMATCH: a bundle claiming another office, signed with a registered key', async () => {
    await expectRefused(b, { sequence: 5, officeCode: 'X03390', records: { ntm_value: good.ntm_value.map(bump) } }, 'BUNDLE_OFFICE_MISMATCH');
  });

  it('BUNDLE_SIGNER_UNKNOWN: a key the province never registered', async () => {
    const peers = (await province.call('exchange.keys.list', {})).peers;
    const peerB = peers.find((p) => p.officeCode === 'X03394' && p.status === 'active')!;
    await province.call('exchange.keys.retirePeer', { id: peerB.id });
    try {
      await expectRefused(b, { sequence: 1, records: {} }, 'BUNDLE_SIGNER_UNKNOWN');
    } finally {
      const pub = await b.call('exchange.keys.exportPublic', { kind: 'signing' });
      await province.call('exchange.keys.importPeer', pub);
    }
  });

  it('BUNDLE_RECORD_INVALID: a record failing its schema (the message names the field)', async () => {
    const records = clone(good);
    records.ntm_assessment[0].period = '2026-Q5';
    const r = await expectRefused(a, { sequence: 2, records: { ntm_commune: records.ntm_commune, ntm_assessment: records.ntm_assessment } }, 'BUNDLE_RECORD_INVALID');
    expect(JSON.stringify(r.error?.details)).toContain('period');
    const extra = clone(good);
    (extra.ntm_value[0] as Record<string, unknown>).secret_column = 1;
    await expectRefused(a, { sequence: 2, records: { ntm_value: extra.ntm_value } }, 'BUNDLE_RECORD_INVALID');
  });

  it('BUNDLE_RECORD_FOREIGN_OFFICE: an office sending rows stamped with another office', async () => {
    const records = clone(good);
    const foreign = records.ntm_value.map((r, i) => ({ ...r, id: testId(99, i), office_code: 'X03394' }));
    await expectRefused(a, { sequence: 2, records: { ntm_value: foreign.slice(0, 1) } }, 'BUNDLE_RECORD_FOREIGN_OFFICE');
  });

  it('BUNDLE_RECORD_TYPE_UNKNOWN: a record type this version does not know', async () => {
    await expectRefused(a, { sequence: 2, records: { ntm_future_thing: [{ id: testId(5, 1) }] } }, 'BUNDLE_RECORD_TYPE_UNKNOWN');
  });

  it('BUNDLE_RECORD_OWNER_CONFLICT: overwriting a row that belongs to another office', async () => {
    const hijack = { ...good.ntm_value[0], office_code: 'X03394', version: 50 };
    // B's own commune and assessment are not at the province yet, so point at nothing new: only the hijack.
    await expectRefused(b, { sequence: 1, records: { ntm_value: [hijack] } }, 'BUNDLE_RECORD_OWNER_CONFLICT');
  });

  it('BUNDLE_REFERENCE_INVALID: a parent that is missing, or that belongs to another office', async () => {
    const orphan = { ...good.ntm_value[0], id: testId(77, 1), assessment_id: testId(77, 2) };
    await expectRefused(a, { sequence: 2, records: { ntm_value: [orphan] } }, 'BUNDLE_REFERENCE_INVALID');
    // B's value pointing at A's assessment (which exists at the province).
    const crossing = { ...good.ntm_value[0], id: testId(78, 1), office_code: 'X03394' };
    await expectRefused(b, { sequence: 1, records: { ntm_value: [crossing] } }, 'BUNDLE_REFERENCE_INVALID');
  });

  it('BUNDLE_RECORD_CONFLICT: two rows for the same unique key', async () => {
    const twin = { ...good.ntm_commune[0], id: testId(79, 1) };
    await expectRefused(a, { sequence: 2, records: { ntm_commune: [twin] } }, 'BUNDLE_RECORD_CONFLICT');
  });

  it('BUNDLE_ATTACHMENT_MISSING: an attachment row without its bytes (and not already stored)', async () => {
    const fake = { id: 'f'.repeat(64), sha256: 'f'.repeat(64), size: 10, mime: 'application/pdf', created_at: '2026-03-01T08:00:00.000Z' };
    await expectRefused(a, { sequence: 2, records: { attachment: [fake] } }, 'BUNDLE_ATTACHMENT_MISSING');
  });

  it('all or nothing: a bad row in the last record type undoes every earlier row and every attachment', async () => {
    // A fresh attachment at A and a full bundle whose last record is bad.
    const sha = seededA.attachments[0];
    const records = clone(good);
    records.ntm_value = records.ntm_value.map(bump);
    records.ntm_commune = records.ntm_commune.map(bump);
    const newAttachment = join(tmp, 'new.pdf');
    writeFileSync(newAttachment, '%PDF-1.4 a new file');
    const newSha = (await import('node:crypto')).createHash('sha256').update(readFileSync(newAttachment)).digest('hex');
    records.attachment = [...records.attachment, { id: newSha, sha256: newSha, size: readFileSync(newAttachment).length, mime: 'application/pdf', created_at: '2026-03-01T08:00:00.000Z' }];
    records.ntm_recognition = records.ntm_recognition.map((r, i) => ({ ...r, id: testId(80, i), version: 1, commune_id: testId(80, 99) }));
    await expectRefused(a, { sequence: 2, records, attachments: { ...goodAttachments, [newSha]: newAttachment } }, 'BUNDLE_REFERENCE_INVALID');
    expect(() => readFileSync(attachmentPath(dataPaths(province.dir).attachments, newSha))).toThrow();
    expect(readFileSync(attachmentPath(dataPaths(province.dir).attachments, sha)).length).toBeGreaterThan(0);
  });

  it('format errors from the bundle library: a truncated file and a flipped bit, database unchanged', async () => {
    const exp = await a.call('exchange.bundle.export', { mode: 'full', periods: [] });
    const bytes = readFileSync(join(exportsDir(a.dir), exp.fileName));
    const cut = join(tmp, 'cut.ntmb');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    await expectFileRefused(cut, 'BUNDLE_TRUNCATED');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 300] ^= 1;
    const flippedPath = join(tmp, 'flipped.ntmb');
    writeFileSync(flippedPath, flipped);
    await expectFileRefused(flippedPath, 'BUNDLE_DECRYPT_FAILED');
    const garbage = join(tmp, 'garbage.ntmb');
    writeFileSync(garbage, 'not a bundle at all');
    await expectFileRefused(garbage, 'BUNDLE_NOT_AGE');
    // The intact file still imports afterwards.
    const [ok] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(a.dir), exp.fileName))] });
    expect(ok.status).toBe('imported');
  });
});
