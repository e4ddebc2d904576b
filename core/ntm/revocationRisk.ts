import type { Catalog, SourceRef } from './catalogSchema';
import type { CriterionResult } from './aggregateCriteria';

export type NamedCriterion = { readonly no: number; readonly name: string };

export type RevocationAssessment =
  | { readonly applicable: false; readonly message: string }
  | {
      readonly applicable: true;
      readonly atRisk: boolean;
      /** Which clause puts the commune at risk. */
      readonly basis: 'share_any' | 'share_with_key_criterion' | null;
      readonly failed: readonly NamedCriterion[];
      readonly keyCriteriaFailed: readonly NamedCriterion[];
      readonly total: number;
      /** Criteria not yet decided (waiting for values or hand judgement); not counted as failed. */
      readonly undetermined: number;
      /** Would be at risk if every undetermined criterion turned out not met. */
      readonly atRiskIfUndeterminedFail: boolean;
      readonly citation: string;
      readonly message: string;
    };

export function citationOf(source: SourceRef): string {
  return source.article ? `${source.decision}, ${source.article}` : source.decision;
}

function percentText(failed: number, total: number): string {
  // Vietnamese decimal comma, without depending on the host's ICU data.
  return `${String(Math.round((failed * 1000) / total) / 10).replace('.', ',')}%`;
}

function names(list: readonly NamedCriterion[]): string {
  return list.map((c) => `${c.no}. ${c.name}`).join('; ');
}

type Clause = { basis: 'share_any' | 'share_with_key_criterion' | null; keyFailed: NamedCriterion[] };

/**
 * Percentages are compared in integers (failed × 100 against percent × total) so 30% of 10 criteria is exactly
 * 3, and 6 of 19 (31,6%) is in the 30% band while 5 of 19 (26,3%) is not.
 */
function clauseFor(rule: NonNullable<Catalog['revocation']>, failed: readonly NamedCriterion[], total: number): Clause {
  const keyFailed = failed.filter((c) => rule.keyCriteria.includes(c.no));
  if (failed.length * 100 >= rule.anyFromPercent * total) return { basis: 'share_any', keyFailed };
  if (failed.length * 100 >= rule.withKeyCriterionFromPercent * total && keyFailed.length > 0) {
    return { basis: 'share_with_key_criterion', keyFailed };
  }
  return { basis: null, keyFailed };
}

/**
 * Risk that a recognised commune loses its recognition. For 2021–2025, QĐ 18/2022/QĐ-TTg (DOMAIN.md §3.1):
 * from 30% to under 50% of the criteria not met including one key criterion (Thu nhập; Môi trường và an toàn
 * thực phẩm / Môi trường / Chất lượng môi trường sống; Quốc phòng và An ninh), or 50% or more not met.
 * Percentages, key criteria and the citation are catalog data (Catalog.revocation).
 */
export function assessRevocationRisk(
  catalog: Pick<Catalog, 'revocation' | 'name'>,
  criteria: readonly CriterionResult[],
): RevocationAssessment {
  const rule = catalog.revocation;
  if (rule === null) {
    return {
      applicable: false,
      message: `Bộ tiêu chí "${catalog.name}" không có quy định thu hồi công nhận trong dữ liệu; không đánh giá nguy cơ thu hồi.`,
    };
  }
  const total = criteria.length;
  const failed: NamedCriterion[] = [];
  const undetermined: NamedCriterion[] = [];
  for (const c of criteria) {
    if (c.status === 'not_met') failed.push({ no: c.no, name: c.name });
    else if (c.status === 'undetermined') undetermined.push({ no: c.no, name: c.name });
  }
  const clause = clauseFor(rule, failed, total);
  const worst = clauseFor(rule, [...failed, ...undetermined], total);
  const citation = citationOf(rule.source);
  const share = `${failed.length}/${total} tiêu chí (${percentText(failed.length, total)}) không đạt`;

  let message: string;
  switch (clause.basis) {
    case 'share_any':
      message = `Có nguy cơ bị thu hồi quyết định công nhận: ${share}, từ ${rule.anyFromPercent}% trở lên. Các tiêu chí không đạt: ${names(failed)} (căn cứ ${citation}).`;
      break;
    case 'share_with_key_criterion':
      message = `Có nguy cơ bị thu hồi quyết định công nhận: ${share}, từ ${rule.withKeyCriterionFromPercent}% đến dưới ${rule.anyFromPercent}%, trong đó có tiêu chí ${names(clause.keyFailed)} (căn cứ ${citation}).`;
      break;
    case null: {
      const why =
        failed.length * 100 < rule.withKeyCriterionFromPercent * total
          ? `dưới ${rule.withKeyCriterionFromPercent}%`
          : `dưới ${rule.anyFromPercent}% và không có tiêu chí then chốt nào không đạt`;
      message = `Chưa thuộc trường hợp thu hồi quyết định công nhận: ${share}, ${why} (căn cứ ${citation}).`;
      if (undetermined.length > 0 && worst.basis !== null) {
        message += ` Còn ${undetermined.length} tiêu chí chưa xác định (${names(undetermined)}); nếu các tiêu chí này không đạt thì xã có nguy cơ bị thu hồi.`;
      }
      break;
    }
    default: {
      const never: never = clause.basis;
      return never;
    }
  }
  return {
    applicable: true,
    atRisk: clause.basis !== null,
    basis: clause.basis,
    failed,
    keyCriteriaFailed: clause.keyFailed,
    total,
    undetermined: undetermined.length,
    atRiskIfUndeterminedFail: worst.basis !== null,
    citation,
    message,
  };
}
