import { describe, expect, it } from 'vitest';
import { checkOutcome, checkProductOutcome, expectedProductOutcome, outcomeText } from './outcomes';

const commune = { kind: 'commune' as const, reason: 'Tiêu chí 17 không đạt', decidedOn: '2021-04-20', remedyDue: null, remediedOn: null };

describe('round outcome rules', () => {
  it('calls for an outcome from the stars of the re-scoring against the certificate', () => {
    expect(expectedProductOutcome(4, 4)).toBe('maintained');
    expect(expectedProductOutcome(3, 4)).toBe('upgrade');
    expect(expectedProductOutcome(4, 3)).toBe('downgrade');
    expect(expectedProductOutcome(4, 2)).toBe('revoke');
    expect(expectedProductOutcome(3, 0)).toBe('revoke');
  });

  it('refuses a product outcome the re-scoring does not bear out, naming the one that fits', () => {
    expect(() => checkProductOutcome('upgrade', 4, 5)).not.toThrow();
    expect(() => checkProductOutcome('upgrade', 4, 4)).toThrow(
      expect.objectContaining({
        code: 'ROUND_OUTCOME_MISMATCH',
        message: 'Kết quả "Nâng hạng" cần số sao chấm lại lớn hơn số sao trên giấy chứng nhận: chấm lại được 4 sao, giấy chứng nhận 4 sao; kết quả phù hợp là "Giữ hạng sao".',
      }),
    );
    expect(() => checkProductOutcome('downgrade', 4, 2)).toThrow(expect.objectContaining({ code: 'ROUND_OUTCOME_MISMATCH', details: expect.objectContaining({ expected: 'revoke' }) }));
    expect(() => checkProductOutcome('maintained', 3, 4)).toThrow(expect.objectContaining({ code: 'ROUND_OUTCOME_MISMATCH' }));
    expect(() => checkProductOutcome('revoke', 4, 3)).toThrow(expect.objectContaining({ code: 'ROUND_OUTCOME_MISMATCH' }));
    // Without a re-scoring only a revocation (for a violation) stands.
    expect(() => checkProductOutcome('revoke', 4, null)).not.toThrow();
    expect(() => checkProductOutcome('maintained', 4, null)).toThrow(expect.objectContaining({ code: 'ROUND_RESCORE_REQUIRED' }));
  });

  it('keeps commune and product outcomes apart, asks for a reason and for a remedy deadline after the decision', () => {
    expect(() => checkOutcome({ ...commune, outcome: 'revoke_proposed' })).not.toThrow();
    expect(() => checkOutcome({ ...commune, outcome: 'maintained', reason: null })).not.toThrow();
    expect(() => checkOutcome({ ...commune, outcome: 'upgrade' })).toThrow(expect.objectContaining({ code: 'ROUND_OUTCOME_KIND', message: expect.stringContaining('Duy trì, Phải khắc phục, Đề nghị thu hồi') }));
    expect(() => checkOutcome({ ...commune, kind: 'ocop_product', outcome: 'remedy' })).toThrow(expect.objectContaining({ code: 'ROUND_OUTCOME_KIND' }));
    expect(() => checkOutcome({ ...commune, outcome: 'revoke_proposed', reason: null })).toThrow(expect.objectContaining({ code: 'ROUND_OUTCOME_REASON_REQUIRED' }));
    expect(() => checkOutcome({ ...commune, outcome: 'remedy' })).toThrow(expect.objectContaining({ code: 'ROUND_REMEDY_DUE_REQUIRED' }));
    expect(() => checkOutcome({ ...commune, outcome: 'remedy', remedyDue: '2021-04-20' })).toThrow(expect.objectContaining({ code: 'ROUND_REMEDY_DUE_INVALID' }));
    expect(() => checkOutcome({ ...commune, outcome: 'remedy', remedyDue: '2021-12-31', remediedOn: '2021-04-01' })).toThrow(expect.objectContaining({ code: 'ROUND_REMEDY_DUE_INVALID' }));
    expect(() => checkOutcome({ ...commune, outcome: 'remedy', remedyDue: '2021-12-31', remediedOn: '2021-10-01' })).not.toThrow();
    expect(() => checkOutcome({ ...commune, outcome: 'maintained', remedyDue: '2021-12-31' })).toThrow(expect.objectContaining({ code: 'ROUND_REMEDY_DUE_UNEXPECTED' }));
  });

  it('says the outcome in Vietnamese', () => {
    expect(outcomeText('commune', 'remedy', '2021-12-31', null, null)).toBe('Phải khắc phục trước ngày 31/12/2021');
    expect(outcomeText('commune', 'revoke_proposed', null, null, null)).toBe('Đề nghị thu hồi');
    expect(outcomeText('ocop_product', 'upgrade', null, 3, 4)).toBe('Nâng hạng (3 → 4 sao)');
  });
});
