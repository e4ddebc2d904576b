import { afterEach, describe, expect, it } from 'vitest';
import type { OcopEvaluation, OcopProducer, OcopProductDetail } from '../../core/contract/index';
import { bestAnswers, type OcopAnswers, type OcopSheet } from '../../core/ocop';
import { ocopSheet } from './catalog';
import { openOcopTestApp, PRODUCER_INPUT, type OcopTestApp } from './testing';

let t: OcopTestApp;
afterEach(() => t?.close());

const sheet11 = ocopSheet('QD26-2026', 11).sheet;

/** Best answers except one criterion set just below its 5-star minimum: a 90+ total held at 4 stars. */
function heldAtFour(sheet: OcopSheet): { answers: OcopAnswers; code: string } {
  for (const c of sheet.criteria) {
    const marked = c.options.find((o) => o.minStars === 5);
    if (!marked || marked.number < 2) continue;
    const answers = { ...bestAnswers(sheet), [c.code]: marked.number - 1 };
    const lost = c.max - (c.options[marked.number - 2].points ?? 0);
    if (100 - lost >= 90) return { answers, code: c.code };
  }
  throw new Error('no such criterion');
}

async function product(): Promise<OcopProductDetail> {
  const producer = await t.call<OcopProducer>('ocop.producers.save', PRODUCER_INPUT);
  return t.call<OcopProductDetail>('ocop.products.save', { producerId: producer.id, name: 'Chè Shan tuyết Bình Lư', unitCode: '03390', sheetNo: 11 });
}

describe('evaluations', () => {
  it('saves an incomplete sheet as a draft with running subtotals, then ranks it once complete', async () => {
    t = await openOcopTestApp();
    const p = await product();
    const best = bestAnswers(sheet11);
    const firstThree = Object.fromEntries(Object.entries(best).slice(0, 3));
    const draft = await t.call<OcopEvaluation>('ocop.evaluations.save', { productId: p.id, level: 'province', evaluatedOn: '2026-11-25', members: [{ name: 'Tổ trưởng', answers: firstThree }] });
    expect(draft).toMatchObject({ complete: false, total: null, stars: null, catalogVersion: 'QD26-2026', sheetNo: 11 });
    expect(draft.preview.answered).toEqual([3]);
    expect(draft.preview.total).toBeGreaterThan(0);
    const full = await t.call<OcopEvaluation>('ocop.evaluations.save', { id: draft.id, productId: p.id, level: 'province', evaluatedOn: '2026-11-25', members: [{ name: 'Tổ trưởng', answers: best }] });
    expect(full).toMatchObject({ id: draft.id, complete: true, total: 100, stars: 5 });
    expect(full.preview.result).toMatchObject({ parts: { A: 40, B: 25, C: 35 }, band: 5, stars: 5 });
  });

  it('names the minimum that holds a 90+ product at 4 stars; exclusion overrides everything', async () => {
    t = await openOcopTestApp();
    const p = await product();
    const { answers, code } = heldAtFour(sheet11);
    const e = await t.call<OcopEvaluation>('ocop.evaluations.save', { productId: p.id, level: 'province', evaluatedOn: '2026-11-25', members: [{ answers }] });
    expect(e.preview.result).toMatchObject({ band: 5, stars: 4 });
    expect(e.preview.result!.heldBackBy).toEqual([expect.objectContaining({ code, stars: 5 })]);
    const out = await t.call<OcopEvaluation>('ocop.evaluations.save', {
      productId: p.id, level: 'province', evaluatedOn: '2026-11-26', members: [{ answers }], disqualification: { reasons: ['food_safety_certificate'], criteria: [] },
    });
    expect(out).toMatchObject({ stars: 0, complete: true, disqualification: { reasons: ['food_safety_certificate'] } });
    expect(out.preview.result).toMatchObject({ disqualified: true, heldBackBy: [] });
  });

  it('averages a council of several members (Điều 3, khoản 3) and keeps each member\'s sheet', async () => {
    t = await openOcopTestApp();
    const p = await product();
    const best = bestAnswers(sheet11);
    const { answers } = heldAtFour(sheet11);
    const e = await t.call<OcopEvaluation>('ocop.evaluations.save', {
      productId: p.id, level: 'province', evaluatedOn: '2026-11-25',
      members: [{ name: 'Chủ tịch Hội đồng', answers: best }, { name: 'Sở Công Thương', answers }],
    });
    expect(e.members.map((m) => m.name)).toEqual(['Chủ tịch Hội đồng', 'Sở Công Thương']);
    expect(e.preview.result).toMatchObject({ members: [{ total: 100 }, expect.anything()] });
    expect(e.total).toBeGreaterThan(90);
  });

  it('keeps an evaluation under QĐ 148/2023 readable with its own sheet version', async () => {
    t = await openOcopTestApp();
    const p = await product();
    const old = ocopSheet('QD148-2023', 11).sheet;
    const e = await t.call<OcopEvaluation>('ocop.evaluations.save', { productId: p.id, level: 'province', version: 'QD148-2023', evaluatedOn: '2026-06-01', members: [{ answers: bestAnswers(old) }] });
    expect(e.catalogVersion).toBe('QD148-2023');
    const again = await t.call<OcopEvaluation>('ocop.evaluations.get', { id: e.id });
    expect(again.preview.result?.catalog).toBe('QD148-2023');
    expect(again.preview.result?.warnings.join(' ')).toMatch(/hết hiệu lực/);
    await expect(
      t.call('ocop.evaluations.save', { productId: p.id, level: 'self', evaluatedOn: '2026-06-01', members: [{ answers: { 'Z.9': 1 } }] }),
    ).rejects.toMatchObject({ code: 'OCOP_UNKNOWN_CRITERION' });
  });
});
