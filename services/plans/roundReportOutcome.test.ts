import { describe, expect, it } from 'vitest';
import type { RoundItem, RoundItemOutcome } from '../../core/contract/plans';
import { itemOutcomeView } from './roundReportOutcome';

const item = (over: Partial<RoundItem>): RoundItem => ({
  id: 'i1', kind: 'commune', code: '16873', name: 'Xã Nậm Càn', reason: 'Công nhận ngày 15/12/2019', teamId: null, teamName: null, productId: null,
  result: 'pending', resultNote: null, checkedOn: null, catalogId: null, findingCount: 0, differences: null, overstated: null, outcome: null, ...over,
});
const outcome = (over: Partial<RoundItemOutcome>): RoundItemOutcome => ({
  outcome: 'maintained', label: 'Duy trì', reason: null, decidedOn: null, remedyDue: null, remediedOn: null, overdue: false, daysLeft: null, recognition: null, certificateStars: null, rescore: null, ...over,
});

describe('one round item’s conclusion and outcome as the documents print it', () => {
  it('says what a commune keeps or must do, with the decision at stake and its revocation', () => {
    expect(itemOutcomeView(item({})).text).toBe('Chưa rà soát.');
    expect(itemOutcomeView(item({ result: 'confirmed', checkedOn: '2022-09-05' })).text).toBe('Giữ chuẩn (ngày 05/09/2022).');
    const revoked = itemOutcomeView(
      item({
        result: 'not_confirmed',
        checkedOn: '2022-10-01',
        resultNote: 'Tự đánh giá không khách quan',
        outcome: outcome({
          outcome: 'revoke_proposed', label: 'Đề nghị thu hồi', reason: '6/19 tiêu chí không đạt',
          recognition: { id: 'r', level: 'xa_ntm', decisionNo: '3521/QĐ-UBND', decidedOn: '2019-12-15', revokedDecisionNo: '95/QĐ-UBND', revokedOn: '2022-11-20' },
        }),
      }),
    );
    expect(revoked).toMatchObject({ result: 'Không đảm bảo', outcome: 'Đề nghị thu hồi', reason: '6/19 tiêu chí không đạt' });
    expect(revoked.text).toBe(
      'Không đảm bảo (ngày 01/10/2022): Tự đánh giá không khách quan. Đề nghị thu hồi: 6/19 tiêu chí không đạt. Quyết định công nhận số 3521/QĐ-UBND ngày 15/12/2019, đã thu hồi theo Quyết định số 95/QĐ-UBND ngày 20/11/2022.',
    );
    const late = itemOutcomeView(item({ result: 'not_confirmed', outcome: outcome({ outcome: 'remedy', label: 'Phải khắc phục trước ngày 30/06/2022', remedyDue: '2022-06-30', overdue: true }) }));
    expect(late.text).toBe('Không đảm bảo. Phải khắc phục trước ngày 30/06/2022. Quá hạn khắc phục.');
    expect(late.remedyDue).toBe('2022-06-30');
  });

  it('says what an OCOP product keeps, with its certificate’s stars and the re-scoring on the sheet in force', () => {
    const up = itemOutcomeView(
      item({
        kind: 'ocop_product', code: '40-417-1-2019', name: 'Chè Shan tuyết', result: 'confirmed', checkedOn: '2026-05-02',
        outcome: outcome({ outcome: 'upgrade', label: 'Nâng hạng (3 → 4 sao)', certificateStars: 3, rescore: { evaluationId: 'e', catalogVersion: 'QD26-2026', evaluatedOn: '2026-05-02', total: 74.5, stars: 4 } }),
      }),
    );
    expect(up.result).toBe('Giữ hạng');
    expect(up.stars).toBe('GCN 3 sao, chấm lại 4 sao (74,5 điểm) theo QD26-2026 ngày 02/05/2026');
    expect(up.text).toBe('Giữ hạng (ngày 02/05/2026). Nâng hạng (3 → 4 sao). GCN 3 sao, chấm lại 4 sao (74,5 điểm) theo QD26-2026 ngày 02/05/2026.');
  });
});
