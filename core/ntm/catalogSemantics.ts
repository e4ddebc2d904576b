import type { AppliesTo, Catalog, Indicator, ThresholdTest } from './catalogSchema';
import { formatPath, type CatalogIssue } from './catalogIssue';
import { appliesToOverlap } from './ruleMatching';

type Path = readonly (string | number)[];

/**
 * Rules the JSON Schema cannot say. Every problem is reported (not only the first) so that a catalog editor or
 * an import report can show them all at once.
 */
export function checkCatalogSemantics(catalog: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path: formatPath(path), message });

  if (catalog.period.fromYear > catalog.period.toYear) {
    add(['period'], 'Năm bắt đầu giai đoạn lớn hơn năm kết thúc.');
  }

  const flagCodes = new Set<string>();
  catalog.profileFlags.forEach((flag, i) => {
    if (flagCodes.has(flag.code)) add(['profileFlags', i, 'code'], `Cờ "${flag.code}" bị khai báo trùng.`);
    flagCodes.add(flag.code);
  });

  const checkAppliesTo = (appliesTo: AppliesTo, path: Path) => {
    if (appliesTo.regions && catalog.differentiation !== 'region7') {
      add(
        [...path, 'regions'],
        'Bộ tiêu chí không phân theo vùng (differentiation khác "region7") nên không dùng "regions".',
      );
    }
    if (appliesTo.groups && catalog.differentiation !== 'group3') {
      add(
        [...path, 'groups'],
        'Bộ tiêu chí không phân theo nhóm xã (differentiation khác "group3") nên không dùng "groups".',
      );
    }
    if (appliesTo.years) {
      const { from, to } = appliesTo.years;
      if (from > to) add([...path, 'years'], 'Năm "from" lớn hơn năm "to".');
      if (from < catalog.period.fromYear || to > catalog.period.toYear) {
        add(
          [...path, 'years'],
          `Khoảng năm ${from}–${to} nằm ngoài giai đoạn của bộ tiêu chí (${catalog.period.fromYear}–${catalog.period.toYear}).`,
        );
      }
    }
    for (const flag of Object.keys(appliesTo.flags ?? {})) {
      if (!flagCodes.has(flag)) add([...path, 'flags', flag], `Cờ "${flag}" chưa được khai báo trong profileFlags.`);
    }
  };

  const criterionNos = new Set<number>();
  const indicatorCodes = new Set<string>();
  catalog.criteria.forEach((criterion, ci) => {
    if (criterionNos.has(criterion.no)) add(['criteria', ci, 'no'], `Số tiêu chí ${criterion.no} bị trùng.`);
    criterionNos.add(criterion.no);
    criterion.indicators.forEach((indicator, ii) => {
      const path: Path = ['criteria', ci, 'indicators', ii];
      if (indicatorCodes.has(indicator.code)) add([...path, 'code'], `Mã chỉ tiêu "${indicator.code}" bị trùng.`);
      indicatorCodes.add(indicator.code);
      if (indicator.wholeCriterion && criterion.indicatorListComplete) {
        add(
          [...path, 'wholeCriterion'],
          'Chỉ tiêu đại diện cả tiêu chí chỉ dùng khi danh mục chỉ tiêu chưa đầy đủ (indicatorListComplete = false).',
        );
      }
      if (indicator.wholeCriterion && indicator.judgement !== 'manual') {
        add([...path, 'judgement'], 'Chỉ tiêu đại diện cả tiêu chí phải đánh giá thủ công.');
      }
      checkIndicator(indicator, path, add, checkAppliesTo);
    });
  });

  if (catalog.completeness === 'complete' && catalog.criteria.some((c) => !c.indicatorListComplete)) {
    add(['completeness'], 'Bộ tiêu chí ghi "complete" nhưng có tiêu chí chưa đủ danh mục chỉ tiêu.');
  }

  const substitution = catalog.regionSubstitution;
  if (substitution) {
    if (catalog.differentiation !== 'region7') {
      add(['regionSubstitution'], 'Quy tắc áp dụng mức của vùng khác chỉ dùng cho bộ tiêu chí phân theo vùng.');
    }
    [...substitution.whenAnyFlag, ...substitution.andAllFlags].forEach((flag) => {
      if (!flagCodes.has(flag)) add(['regionSubstitution'], `Cờ "${flag}" chưa được khai báo trong profileFlags.`);
    });
  }

  if (catalog.summaryBands.mode === 'explicit') {
    const bands = catalog.summaryBands.bands;
    bands.forEach((band, i) => {
      if (band.minMet > catalog.criteria.length) {
        add(
          ['summaryBands', 'bands', i, 'minMet'],
          `Ngưỡng ${band.minMet} vượt số tiêu chí (${catalog.criteria.length}).`,
        );
      }
      if (i > 0 && band.minMet >= bands[i - 1].minMet) {
        add(['summaryBands', 'bands', i, 'minMet'], 'Các nhóm phải xếp theo ngưỡng giảm dần, không trùng.');
      }
    });
  }

  const revocation = catalog.revocation;
  if (revocation) {
    if (revocation.withKeyCriterionFromPercent >= revocation.anyFromPercent) {
      add(
        ['revocation', 'withKeyCriterionFromPercent'],
        'Ngưỡng có tiêu chí then chốt phải nhỏ hơn ngưỡng "không đạt bất kỳ".',
      );
    }
    revocation.keyCriteria.forEach((no, i) => {
      if (!criterionNos.has(no)) add(['revocation', 'keyCriteria', i], `Không có tiêu chí số ${no} trong bộ tiêu chí.`);
    });
  }

  return issues;
}

function checkIndicator(
  indicator: Indicator,
  path: Path,
  add: (path: Path, message: string) => void,
  checkAppliesTo: (appliesTo: AppliesTo, path: Path) => void,
): void {
  const choiceValues = new Set((indicator.choices ?? []).map((c) => c.value));
  if (indicator.valueKind === 'choice' && !indicator.choices) {
    add([...path, 'choices'], 'Chỉ tiêu dạng lựa chọn phải có danh sách "choices".');
  }
  if (indicator.valueKind !== 'choice' && indicator.choices) {
    add([...path, 'choices'], 'Chỉ tiêu không phải dạng lựa chọn thì không có "choices".');
  }
  if (indicator.choices && choiceValues.size !== indicator.choices.length) {
    add([...path, 'choices'], 'Giá trị lựa chọn bị trùng.');
  }
  if (indicator.judgement === 'manual' && indicator.thresholds.length > 0) {
    // A manual indicator is never auto-computed (DOMAIN.md §9); a sourced value belongs in `references`.
    add(
      [...path, 'thresholds'],
      'Chỉ tiêu đánh giá thủ công không được có ngưỡng tự động; ghi giá trị tham khảo vào "references".',
    );
  }
  if (indicator.judgement === 'rule' && indicator.thresholds.length === 0) {
    add([...path, 'thresholds'], 'Chỉ tiêu đánh giá theo ngưỡng phải có ít nhất một ngưỡng có nguồn.');
  }
  if (indicator.judgement === 'rule' && indicator.valueKind === 'text') {
    add([...path, 'judgement'], 'Chỉ tiêu dạng văn bản chỉ đánh giá thủ công được.');
  }

  indicator.thresholds.forEach((rule, ri) => {
    const rulePath: Path = [...path, 'thresholds', ri];
    checkAppliesTo(rule.appliesTo, [...rulePath, 'appliesTo']);
    const problem = testProblem(rule.test, indicator.valueKind, choiceValues);
    if (problem) add([...rulePath, 'test'], problem);
    for (let other = 0; other < ri; other++) {
      if (appliesToOverlap(indicator.thresholds[other].appliesTo, rule.appliesTo)) {
        add(
          [...rulePath, 'appliesTo'],
          `Ngưỡng này trùng phạm vi áp dụng với ngưỡng số ${other}; mỗi xã và năm chỉ được có một ngưỡng.`,
        );
      }
    }
  });
  indicator.references.forEach((reference, ri) => {
    if (reference.appliesTo) checkAppliesTo(reference.appliesTo, [...path, 'references', ri, 'appliesTo']);
  });
}

function testProblem(
  test: ThresholdTest,
  valueKind: Indicator['valueKind'],
  choices: ReadonlySet<string>,
): string | null {
  switch (test.op) {
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
      if (valueKind !== 'number' && valueKind !== 'percent')
        return `Phép so sánh "${test.op}" chỉ dùng cho chỉ tiêu dạng số hoặc tỷ lệ.`;
      if (valueKind === 'percent' && (test.value < 0 || test.value > 100))
        return 'Ngưỡng tỷ lệ phải trong khoảng 0–100.';
      return null;
    case 'is':
      return valueKind === 'boolean' ? null : 'Phép "is" chỉ dùng cho chỉ tiêu dạng có/không.';
    case 'oneOf': {
      if (valueKind !== 'choice') return 'Phép "oneOf" chỉ dùng cho chỉ tiêu dạng lựa chọn.';
      const unknown = test.values.filter((v) => !choices.has(v));
      return unknown.length > 0 ? `Giá trị không có trong "choices": ${unknown.join(', ')}.` : null;
    }
    default: {
      const never: never = test;
      return never;
    }
  }
}
