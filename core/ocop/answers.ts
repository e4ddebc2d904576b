import { AppError } from '../errors';
import type { OcopCriterion, OcopOption, OcopSheet } from './catalogModel';
import { OcopErrorCode } from './ocopErrors';

/**
 * One evaluator's answers: criterion code → the option number counted from 1 in the sheet's printed order, or
 * true/false for a criterion printed without options (a yes/no item scores its maximum or 0; 1/0 are read as
 * true/false, its one printed "option" being the maximum).
 */
export type OcopAnswers = Record<string, number | boolean>;

export type ResolvedAnswer = {
  criterion: OcopCriterion;
  /** The option chosen, or null for a yes/no item. */
  option: OcopOption | null;
  choice: number | boolean;
  tenths: number;
};

/**
 * Checks every answer against the sheet and returns them in the sheet's order. Each kind of problem is reported
 * with all offending codes at once, so the person at the keyboard can fix the file in one pass.
 */
export function resolveAnswers(sheet: OcopSheet, answers: unknown): ResolvedAnswer[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    throw new AppError(OcopErrorCode.answersInvalid, 'Phiếu trả lời phải là một đối tượng: mã tiêu chí → số thứ tự phương án (hoặc true/false).');
  }
  const byKey = new Map<string, OcopCriterion>();
  for (const c of sheet.criteria) for (const key of [c.code, ...c.aliases]) byKey.set(key, c);

  const unknown: string[] = [];
  const wrongType: { code: string; expected: 'option' | 'boolean'; got: string }[] = [];
  const outOfRange: { code: string; value: number; options: number }[] = [];
  const duplicate: string[] = [];
  const given = new Map<OcopCriterion, { key: string; value: unknown }>();

  for (const [rawKey, value] of Object.entries(answers as Record<string, unknown>)) {
    const key = rawKey.trim();
    const criterion = byKey.get(key);
    if (!criterion) {
      unknown.push(rawKey);
      continue;
    }
    if (given.has(criterion)) duplicate.push(criterion.code);
    given.set(criterion, { key, value });
  }
  if (unknown.length > 0) {
    throw new AppError(
      OcopErrorCode.unknownCriterion,
      `Mã tiêu chí không có trong bộ tiêu chí số ${sheet.no} (${sheet.versionId}): ${unknown.join(', ')}.`,
      { sheet: sheet.no, version: sheet.versionId, codes: unknown },
    );
  }
  if (duplicate.length > 0) {
    throw new AppError(OcopErrorCode.answersInvalid, `Tiêu chí được trả lời hai lần (mã và mã tương đương): ${duplicate.join(', ')}.`, {
      codes: duplicate,
    });
  }
  for (const [criterion, { value }] of given) {
    if (criterion.kind === 'yesno') {
      if (typeof value !== 'boolean' && value !== 0 && value !== 1) wrongType.push({ code: criterion.code, expected: 'boolean', got: describe(value) });
    } else if (typeof value !== 'number' || !Number.isInteger(value)) {
      wrongType.push({ code: criterion.code, expected: 'option', got: describe(value) });
    } else if (value < 1 || value > criterion.options.length) {
      outOfRange.push({ code: criterion.code, value, options: criterion.options.length });
    }
  }
  if (wrongType.length > 0) {
    const text = wrongType
      .map((w) => `${w.code} (${w.expected === 'boolean' ? 'cần true/false (hoặc 1/0)' : 'cần số thứ tự phương án'})`)
      .join(', ');
    throw new AppError(OcopErrorCode.wrongAnswerType, `Kiểu câu trả lời không đúng: ${text}.`, { answers: wrongType });
  }
  if (outOfRange.length > 0) {
    const text = outOfRange.map((o) => `${o.code} = ${o.value} (chỉ có ${o.options} phương án)`).join(', ');
    throw new AppError(OcopErrorCode.optionOutOfRange, `Số thứ tự phương án ngoài phạm vi: ${text}.`, { answers: outOfRange });
  }
  const missing = sheet.criteria.filter((c) => !given.has(c));
  if (missing.length > 0) {
    throw new AppError(
      OcopErrorCode.missingCriteria,
      `Chưa chấm ${missing.length} tiêu chí: ${missing.map((c) => c.code).join(', ')}.`,
      { sheet: sheet.no, version: sheet.versionId, codes: missing.map((c) => c.code) },
    );
  }

  return sheet.criteria.map((criterion) => {
    const value = given.get(criterion)!.value as number | boolean;
    if (criterion.kind === 'yesno') {
      const yes = value === true || value === 1;
      return { criterion, option: null, choice: yes, tenths: yes ? criterion.maxTenths : 0 };
    }
    const option = criterion.options[(value as number) - 1];
    if (option.tenths === null) {
      throw new AppError(
        OcopErrorCode.optionPointsUnknown,
        `Phương án ${option.number} của tiêu chí ${criterion.code} không có điểm trong văn bản nguồn; không thể chấm.`,
        { code: criterion.code, option: option.number },
      );
    }
    return { criterion, option, choice: value, tenths: option.tenths };
  });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `số lẻ ${value}`;
  return typeof value;
}
