import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleRecord } from '../bundle/index';
import { craftBundle, dataSnapshot, fileInput, pairedOffices, seedNtm, seedOcop, testId, type TestOffice } from './exchangeTestKit';
import { collectRecords } from './exportService';
import { dataPaths } from '../paths';

/*
 * A bundle that uses old (pre-1 July 2025) unit codes imports through the lineage (issue 10, "Old files in, new
 * units out"; issue 6 merges): OCOP addresses with one `full` link are read as the new commune, `partial` ones are
 * imported as sent and wait in the review queue, a confirmed choice is re-applied to the record's next versions,
 * and codes in neither list or NTM rows dated outside their unit's era refuse the bundle with nothing written.
 *
 * Units (vn-units-2025-07-lineage.json): 03386 Phường Quyết Thắng (Lai Châu, old) → 03388 Phường Đoàn Kết, full, NQ 1670/NQ-UBTVQH15;
 * 00007 (Hà Nội, old) → 00008 and 00025, both partial. 06978 Xã Ba Chẽ exists only after the reform.
 */

let province: TestOffice;
let office: TestOffice;
let cleanup: () => void;
let tmp: string;
let ocop: Record<string, BundleRecord[]>;
let ntm: Record<string, BundleRecord[]>;
let sequence = 1;

beforeAll(async () => {
  const pair = await pairedOffices();
  ({ province, cleanup } = pair);
  [office] = pair.offices;
  tmp = mkdtempSync(join(tmpdir(), 'ntm-lineage-bundle-'));
  await seedOcop(office);
  await seedNtm(office, { communes: 1, evidence: 0, valuesPerAssessment: 1 });
  const collected = collectRecords(office.app.context.conn.sqlite, dataPaths(office.dir).attachments, office.officeCode, 'full');
  ocop = { ocop_producer: collected.records.ocop_producer, ocop_product: collected.records.ocop_product };
  ntm = { ntm_commune: collected.records.ntm_commune, ntm_assessment: collected.records.ntm_assessment };
});

afterAll(() => {
  cleanup?.();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function send(records: Record<string, BundleRecord[]>) {
  const path = await craftBundle(office, province, join(tmp, `b-${sequence}.ntmb`), { sequence: sequence++, records });
  const [result] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
  return result;
}

const row = (table: string, id: unknown) =>
  province.app.context.conn.sqlite.prepare(`SELECT unit_code, version FROM ${table} WHERE id = ?`).get(id) as { unit_code: string; version: number };

describe('bundle import through the 2025 lineage', () => {
  it('maps a full link, queues a partial one, and says so in the result, the import log and the audit', async () => {
    const producer = { ...ocop.ocop_producer[0], unit_code: '03386' };
    const product = { ...ocop.ocop_product[0], unit_code: '00007' };
    const result = await send({ ocop_producer: [producer], ocop_product: [product] });
    expect(result.error).toBeNull();
    expect(result.status).toBe('imported');

    // The producer now sits in 03388; its version is the sender's (nothing forked).
    expect(row('ocop_producer', producer.id)).toEqual({ unit_code: '03388', version: 1 });
    expect(result.unitMapping.mapped).toEqual([
      expect.objectContaining({ recordType: 'ocop_producer', id: producer.id, oldCode: '03386', newCode: '03388', share: 'full', how: 'full', resolution: expect.stringMatching(/NQ-UBTVQH15$/) }),
    ]);
    // The product's old commune was split: imported as sent, waiting for a person.
    expect(row('ocop_product', product.id)).toEqual({ unit_code: '00007', version: 1 });
    expect(result.unitMapping.waiting).toHaveLength(1);
    expect(result.unitMapping.waiting[0]!.candidates.map((c) => c.code).sort()).toEqual(['00008', '00025']);
    const queue = await province.call('reform.queue.list', { status: 'open' });
    expect(queue).toEqual([expect.objectContaining({ entity: 'ocop_product', id: product.id, oldCode: '00007', status: 'pending' })]);

    const [log] = await province.call('exchange.imports.list', { limit: 1 });
    expect(log.warnings.map((w) => w.code)).toEqual(['BUNDLE_UNITS_MAPPED', 'BUNDLE_UNITS_WAITING']);
    expect(log.warnings[0]!.message).toContain('03388');
    const audit = province.app.context.conn.sqlite
      .prepare(`SELECT after_json FROM audit_log WHERE entity = 'exchange_import' ORDER BY id DESC LIMIT 1`)
      .pluck()
      .get() as string;
    expect(JSON.parse(audit).unitMapping.mapped[0]).toMatchObject({ from: '03386', to: '03388', how: 'full' });
  });

  it('re-importing the same record does not queue it twice; a confirmed choice is applied to its next version', async () => {
    const product = { ...ocop.ocop_product[0], unit_code: '00007', version: 2 };
    const again = await send({ ocop_product: [product] });
    expect(again.status).toBe('imported');
    let queue = await province.call('reform.queue.list', { status: 'open' });
    expect(queue).toHaveLength(1);

    // The province picks 00025; the sender's record keeps its version here (its next version replaces it).
    const resolved = await province.call('reform.queue.resolve', { id: queue[0]!.queueId, newUnitCode: '00025' });
    expect(resolved.status).toBe('resolved');
    expect(row('ocop_product', product.id)).toEqual({ unit_code: '00025', version: 2 });

    const third = await send({ ocop_product: [{ ...product, version: 3, name: 'Chè Shan tuyết cổ thụ' }] });
    expect(third.status).toBe('imported');
    expect(third.unitMapping.mapped).toEqual([expect.objectContaining({ id: product.id, oldCode: '00007', newCode: '00025', how: 'confirmed' })]);
    expect(third.unitMapping.waiting).toEqual([]);
    expect(row('ocop_product', product.id)).toEqual({ unit_code: '00025', version: 3 });
    queue = await province.call('reform.queue.list', { status: 'open' });
    expect(queue).toEqual([]);
  });

  it('a unit code in neither list refuses the bundle and writes nothing', async () => {
    const before = dataSnapshot(province);
    const result = await send({ ocop_producer: [{ ...ocop.ocop_producer[0], unit_code: '99999', version: 9 }] });
    expect(result.status).toBe('rejected');
    expect(result.error?.code).toBe('BUNDLE_UNIT_UNKNOWN');
    expect(result.error?.message).toContain('99999');
    expect(dataSnapshot(province)).toBe(before);
    sequence -= 1; // a refused bundle's sequence may be sent again
    // A deletion (tombstone) carries whatever address the record had; it is not refused for it.
    const tombstone = await send({ ocop_producer: [{ ...ocop.ocop_producer[0], unit_code: '99999', version: 9, deleted: 1 }] });
    expect(tombstone.error).toBeNull();
  });

  it('an assessment of a quarter after the reform for an old commune refuses the bundle, naming its successor', async () => {
    const before = dataSnapshot(province);
    const commune = { ...ntm.ntm_commune[0], id: testId(61, 1), unit_id: 'oc:03386' };
    const assessment = { ...ntm.ntm_assessment[0], id: testId(61, 2), commune_id: commune.id, period: '2026-Q1' };
    const result = await send({ ntm_commune: [commune], ntm_assessment: [assessment] });
    expect(result.error?.code).toBe('BUNDLE_UNIT_ERA_MISMATCH');
    expect(result.error?.message).toContain('03388');
    expect(dataSnapshot(province)).toBe(before);
    sequence -= 1;

    // A new commune that did not exist before 1 July 2025 cannot carry a 2024 quarter either.
    const baChe = { ...commune, id: testId(62, 1), unit_id: 'nc:06978' };
    const early = { ...assessment, id: testId(62, 2), commune_id: baChe.id, period: '2024-Q4' };
    const refused = await send({ ntm_commune: [baChe], ntm_assessment: [early] });
    expect(refused.error?.code).toBe('BUNDLE_UNIT_ERA_MISMATCH');
    sequence -= 1;

    // The same old commune's 2024 quarter is history, and a code used in both eras is valid in both.
    const history = { ...assessment, id: testId(63, 2), period: '2024-Q4' };
    const kept = await send({ ntm_commune: [commune, ntm.ntm_commune[0]!], ntm_assessment: [history, { ...ntm.ntm_assessment[0], period: '2024-Q4' }] });
    expect(kept.error).toBeNull();
    expect(kept.status).toBe('imported');
  });
});
