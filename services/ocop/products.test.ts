import { afterEach, describe, expect, it } from 'vitest';
import type { OcopProducer, OcopProductDetail, OcopProductSummary } from '../../core/contract/index';
import { openOcopTestApp, PRODUCER_INPUT, type OcopTestApp } from './testing';

let t: OcopTestApp;
afterEach(() => t?.close());

async function register(name = 'Chè Shan tuyết Bình Lư', sheetNo = 11): Promise<{ producer: OcopProducer; product: OcopProductDetail }> {
  const producer = await t.call<OcopProducer>('ocop.producers.save', PRODUCER_INPUT);
  const product = await t.call<OcopProductDetail>('ocop.products.save', { producerId: producer.id, name, unitCode: '03390', sheetNo });
  return { producer, product };
}

describe('producers and products', () => {
  it('registers a product with the commune\'s next code (T)-(X)-(STT)-(năm), status đăng ký, an event and audit entries', async () => {
    t = await openOcopTestApp();
    const { producer, product } = await register();
    expect(producer).toMatchObject({ name: 'Hợp tác xã Chè Shan tuyết Bình Lư', unitName: 'Xã Bình Lư', kind: 'hop_tac_xa' });
    expect(product).toMatchObject({
      productCode: '12-03390-1-2026',
      status: 'registered',
      registrationKind: 'first',
      catalogVersion: 'QD26-2026',
      sheetName: 'Chè tươi, chè chế biến',
      classification: 'Ngành: Sản phẩm thực phẩm; Nhóm: Chè; Phân nhóm: Chè tươi, chế biến',
      producer: { productCount: 1 },
    });
    expect(product.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'registered', onDate: '2026-11-23', staffName: 'Nguyễn Thị Hoa' })]);
    const second = await t.call<OcopProductDetail>('ocop.products.save', { producerId: producer.id, name: 'Chè xanh Bình Lư', unitCode: '03390', sheetNo: 11 });
    expect(second.productCode).toBe('12-03390-2-2026');
    const rows = t.app.context.conn.sqlite.prepare('SELECT office_code, version FROM ocop_product').all();
    expect(rows).toEqual([{ office_code: 'X03390', version: 1 }, { office_code: 'X03390', version: 1 }]);
    const audit = await t.call<{ entity: string; action: string; staffName: string }[]>('audit.list', { entity: 'ocop_product' });
    expect(audit.map((a) => a.action)).toEqual(['create', 'create']);
    const found = await t.call<OcopProductSummary[]>('ocop.products.list', { query: 'che xanh' });
    expect(found.map((p) => p.productCode)).toEqual(['12-03390-2-2026']);
  });

  it('refuses the tourism-only kinds outside bộ 26 and a commune code that does not exist', async () => {
    t = await openOcopTestApp();
    const hoi = await t.call<OcopProducer>('ocop.producers.save', { ...PRODUCER_INPUT, kind: 'hoi', name: 'Hội Du lịch cộng đồng Bình Lư' });
    await expect(t.call('ocop.products.save', { producerId: hoi.id, name: 'Chè', unitCode: '03390', sheetNo: 11 })).rejects.toMatchObject({
      code: 'OCOP_PRODUCER_KIND_NOT_ALLOWED',
    });
    const tour = await t.call<OcopProductDetail>('ocop.products.save', { producerId: hoi.id, name: 'Du lịch bản Nà Ít', unitCode: '03390', sheetNo: 26 });
    expect(tour.status).toBe('registered');
    await expect(t.call('ocop.producers.save', { ...PRODUCER_INPUT, unitCode: '99999' })).rejects.toMatchObject({ code: 'UNIT_NOT_FOUND' });
    await expect(t.call('ocop.producers.delete', { id: hoi.id })).rejects.toMatchObject({ code: 'OCOP_PRODUCER_HAS_PRODUCTS' });
  });

  it('moves along the procedure: xã kiểm tra has 15 working days; recognition only through a certificate', async () => {
    t = await openOcopTestApp();
    const { product } = await register();
    await expect(t.call('ocop.products.setStatus', { id: product.id, status: 'recognized' })).rejects.toMatchObject({
      code: 'OCOP_STATUS_MOVE_REFUSED',
      message: expect.stringContaining('giấy chứng nhận'),
    });
    // Received Monday 23/11/2026: 15 working days later is Monday 14/12/2026.
    const review = await t.call<OcopProductDetail>('ocop.products.setStatus', { id: product.id, status: 'commune_review', on: '2026-11-23' });
    expect(review).toMatchObject({ status: 'commune_review', communeReceivedOn: '2026-11-23', communeDueOn: '2026-12-14' });
    expect(review.allowedMoves).toEqual(['sent_to_province', 'registered']);
    const due = await t.call<{ kind: string; dueOn: string; productId: string | null }[]>('ocop.dueSoon', { on: '2026-12-01', horizonDays: 30 });
    expect(due.find((d) => d.kind === 'commune_review')).toMatchObject({ productId: product.id, dueOn: '2026-12-14' });
    const sent = await t.call<OcopProductDetail>('ocop.products.setStatus', { id: product.id, status: 'sent_to_province', on: '2026-12-10' });
    expect(sent.events.map((e) => e.toStatus)).toEqual(['registered', 'commune_review', 'sent_to_province']);
  });

  it('a certificate makes the product công nhận for 36 months, opens the re-evaluation window, and can be revoked', async () => {
    t = await openOcopTestApp();
    const { product } = await register();
    await t.call('ocop.products.setStatus', { id: product.id, status: 'commune_review' });
    await t.call('ocop.products.setStatus', { id: product.id, status: 'sent_to_province' });
    const cert = await t.call<{ id: string; expiresOn: string; issuer: string; window: { opensOn: string; closesOn: string } }>('ocop.certificates.issue', {
      productId: product.id, number: '125/GCN-UBND', decisionNo: '1234/QĐ-UBND', issuedOn: '2026-12-20', stars: 4,
    });
    expect(cert).toMatchObject({ expiresOn: '2029-12-20', issuer: 'Chủ tịch UBND Tỉnh Lai Châu', window: { opensOn: '2029-06-23', closesOn: '2029-08-22' } });
    const detail = await t.call<OcopProductDetail>('ocop.products.get', { id: product.id });
    expect(detail).toMatchObject({ status: 'recognized', certificate: { number: '125/GCN-UBND', state: 'valid', stars: 4 } });
    const due = await t.call<{ kind: string; opensOn: string | null }[]>('ocop.dueSoon', { on: '2029-06-01', horizonDays: 60 });
    expect(due.find((d) => d.kind === 're_evaluation_window')).toMatchObject({ opensOn: '2029-06-23' });
    await expect(t.call('ocop.certificates.issue', { productId: product.id, number: 'x', decisionNo: 'y', issuedOn: '2026-12-20', stars: 2 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const revoked = await t.call<{ state: string }>('ocop.certificates.revoke', { id: cert.id, decisionNo: '99/QĐ-UBND', revokedOn: '2027-03-01', reason: 'Chủ thể không còn sản xuất' });
    expect(revoked.state).toBe('revoked');
    expect((await t.call<OcopProductDetail>('ocop.products.get', { id: product.id })).status).toBe('revoked');
  });

  it('lists the regular rounds of Điều 5 with their deadlines', async () => {
    t = await openOcopTestApp();
    const rounds = await t.call<{ level: string; round: number; proposeBefore: string; evaluateBefore: string }[]>('ocop.rounds.list', { year: 2027 });
    expect(rounds.filter((r) => r.level === 'province')).toEqual([
      expect.objectContaining({ round: 1, proposeBefore: '2027-04-30', evaluateBefore: '2027-06-30' }),
      expect.objectContaining({ round: 2, proposeBefore: '2027-10-30', evaluateBefore: '2027-12-30' }),
    ]);
  });
});
