import { describe, expect, it } from 'vitest';
import { nextEvaluationRound } from './evaluationRounds';

describe('evaluation rounds, QĐ 26/2026/QĐ-TTg Điều 5', () => {
  it('province: proposed before 30/4 → round 1 before 30/6; before 30/10 → round 2 before 30/12', () => {
    expect(nextEvaluationRound('province', '2026-04-29')).toEqual({ level: 'province', round: 1, proposeBefore: '2026-04-30', evaluateBefore: '2026-06-30' });
    expect(nextEvaluationRound('province', '2026-04-30')).toMatchObject({ round: 2, evaluateBefore: '2026-12-30' });
    expect(nextEvaluationRound('province', '2026-10-30')).toMatchObject({ round: 1, evaluateBefore: '2027-06-30' });
  });

  it('central: proposed before 30/7 → round 1 before 30/9; before 30/01 → round 2 before 30/3', () => {
    expect(nextEvaluationRound('central', '2026-07-29')).toMatchObject({ round: 1, evaluateBefore: '2026-09-30' });
    expect(nextEvaluationRound('central', '2026-08-01')).toMatchObject({ round: 2, proposeBefore: '2027-01-30', evaluateBefore: '2027-03-30' });
    expect(nextEvaluationRound('central', '2026-01-05')).toMatchObject({ round: 2, evaluateBefore: '2026-03-30' });
  });
});
