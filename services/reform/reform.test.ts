import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, NtmHistory, OcopProducer, OcopProductDetail, ReformQueueItem, ReformRepointResult } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { openApp, type AppHandle } from '../app';
import { PRODUCER_INPUT } from '../ocop/testing';

/**
 * Across the 1 July 2025 reform, in Nghệ An (40): Xã Nậm Càn (16873) went wholly into Xã Na Ngoi (16870); Xã Hòa Sơn
 * (17647, old district 427) was split between Xã Vĩnh Tường (17357) and Xã Văn Hiến (17677).
 */
const NAM_CAN = '16873';
const NA_NGOI = '16870';
const HOA_SON = '17647';
const VINH_TUONG = '17357';
const VAN_HIEN = '17677';

type T = { app: AppHandle; call: <R = any>(m: string, i: unknown) => Promise<R>; setClock: (iso: string) => void; sql: (q: string, ...p: unknown[]) => any[] };
const opened: { app: AppHandle; dir: string }[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) {
    o.app.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

async function office(kind: 'district' | 'commune' | 'province', unitCode: string, now: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-reform-'));
  let clock = new Date(now);
  const app = await openApp({ dataDir: dir, now: () => clock });
  opened.push({ app, dir });
  const call = async <R,>(method: string, input: unknown): Promise<R> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as R;
  };
  await call('setup.complete', { kind, provinceCode: '40', unitCode, officeName: 'Văn phòng điều phối NTM', parentBodyName: 'UBND', staffName: 'Lô Thị Mai' });
  return { app, call, setClock: (iso) => (clock = new Date(iso)), sql: (q, ...p) => {
    const st = app.context.conn.sqlite.prepare(q);
    return st.reader ? st.all(...p) : (st.run(...p), []);
  } };
}

/** A producer and a product as an older version saved them, addressed to an old commune (the API now refuses that). */
async function addressedTo(t: T, oldCode: string, name: string): Promise<{ producerId: string; productId: string }> {
  const producer = await t.call<OcopProducer>('ocop.producers.save', { ...PRODUCER_INPUT, name, unitCode: NA_NGOI });
  const product = await t.call<OcopProductDetail>('ocop.products.save', { producerId: producer.id, name: `Sản phẩm của ${name}`, unitCode: NA_NGOI, sheetNo: 11 });
  t.sql(`UPDATE ocop_producer SET unit_code = ? WHERE id = ?`, oldCode, producer.id);
  t.sql(`UPDATE ocop_product SET unit_code = ?, product_code = ? WHERE id = ?`, oldCode, `40-${oldCode}-1-2024`, product.id);
  return { producerId: producer.id, productId: product.id };
}

const unitOf = (t: T, table: string, id: string) => t.sql(`SELECT * FROM ${table} WHERE id = ?`, id)[0];

describe('re-pointing records addressed to an old unit', () => {
  it('moves a record of a fully merged commune at once, with an audit entry naming the resolution; the product keeps its code', async () => {
    const t = await office('province', '40', '2026-03-02T08:00:00Z');
    const { producerId, productId } = await addressedTo(t, NAM_CAN, 'HTX Chè Nậm Càn');

    const plan = await t.call<ReformRepointResult>('reform.repoint', { dryRun: true });
    expect(plan.repointed.map((r) => [r.entity, r.oldCode, r.newCode])).toEqual([['ocop_producer', NAM_CAN, NA_NGOI], ['ocop_product', NAM_CAN, NA_NGOI]]);
    expect(unitOf(t, 'ocop_producer', producerId).unit_code).toBe(NAM_CAN);

    const done = await t.call<ReformRepointResult>('reform.repoint', {});
    expect(done).toMatchObject({ dryRun: false, queued: [], unknown: [] });
    expect(unitOf(t, 'ocop_producer', producerId)).toMatchObject({ unit_code: NA_NGOI, version: 2 });
    expect(unitOf(t, 'ocop_product', productId)).toMatchObject({ unit_code: NA_NGOI, product_code: `40-${NAM_CAN}-1-2024` });
    const [entry] = await t.call<AuditEntry[]>('audit.list', { entity: 'ocop_producer', entityId: producerId, limit: 1 });
    expect(entry).toMatchObject({ action: 'reform_repoint', before: { unitCode: NAM_CAN, unitName: 'Xã Nậm Càn' }, after: { unitCode: NA_NGOI, unitName: 'Xã Na Ngoi', share: 'full' } });
    expect((entry!.after as { resolution: string; clause: string }).resolution).toMatch(/^\d+\/NQ-UBTVQH15$/);
    expect((entry!.after as { clause: string }).clause).toContain('Nậm Càn');

    // Idempotent: nothing left to move.
    expect(await t.call<ReformRepointResult>('reform.repoint', {})).toMatchObject({ repointed: [], queued: [] });

    // Re-evaluated after the reform: gains the new-format code, keeps the certified one.
    t.sql(`UPDATE ocop_product SET status = 'recognized' WHERE id = ?`, productId);
    const re = await t.call<OcopProductDetail>('ocop.products.setStatus', { id: productId, status: 're_evaluating' });
    expect(re).toMatchObject({ productCode: `40-${NAM_CAN}-1-2024`, newProductCode: `40-${NA_NGOI}-2-2026` });
    const renamed = await t.call<OcopProductDetail>('ocop.products.save', { id: productId, producerId, name: 'Chè Nậm Càn', unitCode: NA_NGOI, sheetNo: 11 });
    expect(renamed).toMatchObject({ productCode: `40-${NAM_CAN}-1-2024`, newProductCode: `40-${NA_NGOI}-2-2026` });
    const next = await t.call<OcopProductDetail>('ocop.products.save', { producerId, name: 'Chè xanh', unitCode: NA_NGOI, sheetNo: 11 });
    expect(next.productCode).toBe(`40-${NA_NGOI}-3-2026`);
  });

  it('queues a record of a split commune, refuses a code that is not a candidate, and applies the one confirmed', async () => {
    const t = await office('province', '40', '2026-03-02T08:00:00Z');
    const { producerId } = await addressedTo(t, HOA_SON, 'HTX Hòa Sơn');
    const r = await t.call<ReformRepointResult>('reform.repoint', {});
    expect(r.repointed).toEqual([]);
    expect(r.queued.map((q) => [q.entity, q.candidates.map((c) => [c.unit.code, c.share])])).toEqual([
      ['ocop_producer', [[VINH_TUONG, 'partial'], [VAN_HIEN, 'partial']]],
      ['ocop_product', [[VINH_TUONG, 'partial'], [VAN_HIEN, 'partial']]],
    ]);
    expect(unitOf(t, 'ocop_producer', producerId).unit_code).toBe(HOA_SON);

    const queue = await t.call<ReformQueueItem[]>('reform.queue.list', {});
    const item = queue.find((q) => q.id === producerId)!;
    expect(item).toMatchObject({ status: 'pending', oldName: 'Xã Hòa Sơn', label: 'HTX Hòa Sơn' });
    expect(item.candidates.find((c) => c.unit.code === VAN_HIEN)!.clauseText).toContain('Hòa Sơn');

    await expect(t.call('reform.queue.resolve', { id: item.queueId, newUnitCode: NA_NGOI })).rejects.toMatchObject({ code: 'REFORM_CANDIDATE_INVALID', message: expect.stringContaining('Xã Văn Hiến') });
    expect(await t.call('reform.queue.resolve', { id: item.queueId, newUnitCode: 'later' })).toMatchObject({ status: 'later' });
    // Running again does not queue it twice.
    await t.call('reform.repoint', {});
    expect((await t.call<ReformQueueItem[]>('reform.queue.list', {})).filter((q) => q.id === producerId)).toHaveLength(1);
    expect(unitOf(t, 'ocop_producer', producerId).unit_code).toBe(HOA_SON);

    const resolved = await t.call<ReformQueueItem>('reform.queue.resolve', { id: item.queueId, newUnitCode: VAN_HIEN });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedCode: VAN_HIEN });
    expect(unitOf(t, 'ocop_producer', producerId).unit_code).toBe(VAN_HIEN);
    const [entry] = await t.call<AuditEntry[]>('audit.list', { entity: 'ocop_producer', entityId: producerId, limit: 1 });
    expect(entry).toMatchObject({ action: 'reform_repoint', after: { unitCode: VAN_HIEN, share: 'partial', confirmedFrom: [VINH_TUONG, VAN_HIEN] } });
    await expect(t.call('reform.queue.resolve', { id: item.queueId, newUnitCode: VINH_TUONG })).rejects.toMatchObject({ code: 'REFORM_QUEUE_RESOLVED' });
    expect((await t.call<ReformQueueItem[]>('reform.queue.list', {})).map((q) => q.id)).not.toContain(producerId);
  });

  it('leaves another office\'s records to that office and reports codes the lineage does not know, changing nothing', async () => {
    const t = await office('province', '40', '2026-03-02T08:00:00Z');
    const { producerId } = await addressedTo(t, NAM_CAN, 'HTX của huyện');
    t.sql(`UPDATE ocop_producer SET office_code = 'H417' WHERE id = ?`, producerId);
    const unknown = await addressedTo(t, '99999', 'HTX mã sai');
    const audits = (await t.call<AuditEntry[]>('audit.list', { limit: 1000 })).length;
    const r = await t.call<ReformRepointResult>('reform.repoint', {});
    expect(r.otherOffice.map((x) => x.id)).toEqual([producerId]);
    expect(r.unknown.map((x) => [x.entity, x.oldCode])).toEqual([['ocop_producer', '99999'], ['ocop_product', '99999']]);
    expect(unitOf(t, 'ocop_producer', producerId).unit_code).toBe(NAM_CAN);
    expect(unitOf(t, 'ocop_producer', unknown.producerId).unit_code).toBe('99999');
    // Only the product of the other office's producer (owned here) moved.
    expect((await t.call<AuditEntry[]>('audit.list', { limit: 1000 })).length).toBe(audits + 1);
  });
});

describe('a unit used on a date when it did not exist', () => {
  it('refuses an NTM recognition of a new commune dated before the reform, and of an old one after it, naming the successor', async () => {
    const district = await office('district', '417', '2025-09-01T08:00:00Z');
    await expect(
      district.call('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '1/QĐ-UBND', decidedOn: '2025-08-01', issuer: 'UBND tỉnh Nghệ An' }),
    ).rejects.toMatchObject({ code: 'UNIT_ERA_MISMATCH', message: expect.stringContaining('Xã Na Ngoi (mã 16870)') });
    const province = await office('province', '40', '2026-03-02T08:00:00Z');
    await expect(
      province.call('ntm.recognitions.add', { unitCode: NA_NGOI, level: 'xa_ntm', decisionNo: '2/QĐ-UBND', decidedOn: '2024-05-01', issuer: 'UBND tỉnh Nghệ An' }),
    ).rejects.toMatchObject({ code: 'UNIT_ERA_MISMATCH', message: expect.stringContaining('chỉ có từ ngày 01/07/2025') });
    expect(district.sql('SELECT count(*) AS n FROM ntm_recognition')[0].n + province.sql('SELECT count(*) AS n FROM ntm_recognition')[0].n).toBe(0);
    expect(await province.call('ntm.recognitions.add', { unitCode: NA_NGOI, level: 'xa_ntm', decisionNo: '3/QĐ-UBND', decidedOn: '2025-12-01', issuer: 'UBND tỉnh Nghệ An' })).toMatchObject({ unitCode: NA_NGOI });
  });

  it('refuses a quarter\'s assessment for a commune that did not exist in that quarter; copying across the reform skips it', async () => {
    const district = await office('district', '417', '2025-09-01T08:00:00Z');
    await district.call('ntm.assessment.setValue', { unitCode: NAM_CAN, period: '2025-Q2', indicatorCode: '14.1.e', value: 95 });
    // Nậm Càn ended on 30 June 2025: no Q3/2025 for it, and the message names Na Ngoi, which took it over.
    await expect(district.call('ntm.assessment.setValue', { unitCode: NAM_CAN, period: '2025-Q3', indicatorCode: '14.1.e', value: 96 })).rejects.toMatchObject({
      code: 'UNIT_ERA_MISMATCH',
      message: expect.stringContaining('Xã Na Ngoi (mã 16870)'),
    });
    await expect(district.call('ntm.assessment.setStatus', { unitCode: NAM_CAN, period: '2026-Q1', status: 'submitted' })).rejects.toMatchObject({ code: 'UNIT_ERA_MISMATCH' });
    const copied = await district.call<{ created: number; skippedOutOfEra: number }>('ntm.assessment.copyPrevious', { period: '2025-Q3', catalogId: 'QD318-2022-XA-NTM' });
    expect(copied).toMatchObject({ created: 0, skippedOutOfEra: 1 });
    expect(district.sql(`SELECT period FROM ntm_assessment ORDER BY period`).map((r: { period: string }) => r.period)).toEqual(['2025-Q2']);

    // Na Ngoi's code was a commune code before the reform too (16870), so its 2024 quarters are accepted.
    const commune = await office('commune', NA_NGOI, '2026-03-02T08:00:00Z');
    await commune.call('ntm.assessment.setValue', { unitCode: NA_NGOI, period: '2024-Q4', indicatorCode: '14.1.e', value: 80 });
    await commune.call('ntm.assessment.setValue', { unitCode: NA_NGOI, period: '2025-Q4', indicatorCode: '14.1.e', value: 81 });
    expect(commune.sql('SELECT count(*) AS n FROM ntm_assessment')[0].n).toBe(2);
  });

  it('refuses an OCOP producer registered today with an old code, and an unknown code, with clear errors', async () => {
    const t = await office('province', '40', '2026-03-02T08:00:00Z');
    await expect(t.call('ocop.producers.save', { ...PRODUCER_INPUT, unitCode: NAM_CAN })).rejects.toMatchObject({
      code: 'UNIT_ERA_MISMATCH',
      message: expect.stringContaining('Xã Na Ngoi'),
    });
    await expect(t.call('ocop.producers.save', { ...PRODUCER_INPUT, unitCode: '99999' })).rejects.toMatchObject({ code: 'UNIT_NOT_FOUND' });
    expect(t.sql('SELECT count(*) AS n FROM ocop_producer')[0].n).toBe(0);
  });
});

describe('NTM history across the reform', () => {
  it('shows a new commune its predecessors\' recognitions and last assessments next to its own; the old rows stay as recorded', async () => {
    // The office worked as the district office of Kỳ Sơn before the reform, then became the commune office of Na Ngoi.
    const t = await office('district', '417', '2025-06-10T08:00:00Z');
    await t.call('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '1234/QĐ-UBND', decidedOn: '2020-12-15', issuer: 'UBND tỉnh Nghệ An' });
    await t.call('ntm.assessment.setValue', { unitCode: NAM_CAN, period: '2025-Q1', indicatorCode: '14.1.e', value: 90 });
    await t.call('ntm.assessment.setValue', { unitCode: NAM_CAN, period: '2025-Q2', indicatorCode: '14.1.e', value: 99 });
    const before = t.sql('SELECT * FROM ntm_recognition');
    await t.call('office.update', { kind: 'commune', provinceCode: '40', unitCode: NA_NGOI, officeName: 'Văn phòng NTM xã Na Ngoi', parentBodyName: 'UBND XÃ NA NGOI' });
    t.setClock('2026-03-02T08:00:00Z');
    await t.call('ntm.recognitions.add', { unitCode: NA_NGOI, level: 'xa_ntm', decisionNo: '77/QĐ-UBND', decidedOn: '2026-01-20', issuer: 'UBND tỉnh Nghệ An' });

    const h = await t.call<NtmHistory>('ntm.history', { unitCode: NA_NGOI });
    expect(h).toMatchObject({ direction: 'predecessors', reformDate: '2025-07-01', own: { unitCode: NA_NGOI, era: 'current', link: null } });
    expect(h.own.recognitions.map((r) => r.decisionNo)).toEqual(['77/QĐ-UBND']);
    expect(h.related.map((u) => [u.unitCode, u.fullName, u.link?.share])).toEqual([[NA_NGOI, 'Xã Na Ngoi', 'full'], [NAM_CAN, 'Xã Nậm Càn', 'full']]);
    const namCan = h.related.find((u) => u.unitCode === NAM_CAN)!;
    expect(namCan.link!.clauseText).toContain('Nậm Càn');
    expect(namCan.recognitions).toEqual([expect.objectContaining({ level: 'xa_ntm', decisionNo: '1234/QĐ-UBND', decidedOn: '2020-12-15', officeCode: 'H417' })]);
    expect(namCan.lastAssessment).toMatchObject({ period: '2025-Q2', status: 'draft', catalogId: 'QD318-2022-XA-NTM', criteriaCount: 19, officeCode: 'H417' });
    expect(t.sql('SELECT * FROM ntm_recognition WHERE office_code = ?', 'H417')).toEqual(before);

    const back = await t.call<NtmHistory>('ntm.history', { unitCode: NAM_CAN });
    expect(back).toMatchObject({ direction: 'successors', own: { unitCode: NAM_CAN, era: 'before-2025-07' }, related: [{ unitCode: NA_NGOI }] });
  });
});
