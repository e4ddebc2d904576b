import type { PlanTask } from '../../../../core/contract/index';

/** What a task is about: commune, criterion, OCOP product, round. */
export function taskLinks(t: PlanTask): string {
  return [
    t.communeName,
    t.criterionNo !== null ? `tiêu chí ${t.criterionNo}` : null,
    t.productName ? `sản phẩm ${t.productName}` : null,
    t.roundTitle ? `đợt rà soát "${t.roundTitle}"` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
