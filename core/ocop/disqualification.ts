import { AppError } from '../errors';
import type { OcopSheet } from './catalogModel';
import { declarableNote } from './criterionNotes';
import { OcopErrorCode } from './ocopErrors';

/**
 * Grounds on which a dossier is excluded ("Hồ sơ bị loại khi: …", printed at the head of each sheet of QĐ 26/2026/
 * QĐ-TTg, Phụ lục II): giả mạo hồ sơ; không tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ điều kiện an
 * toàn thực phẩm (or, on some sheets, the production licence / conditions of the managing ministry); không đáp ứng
 * về hồ sơ đăng ký. Some criteria add their own ("Ghi chú: Bị loại nếu …", e.g. bộ 7, 1.1 and 2.1).
 * An excluded dossier is not ranked, whatever its points.
 */
export const DISQUALIFICATION_REASONS = {
  forged_dossier: 'Giả mạo hồ sơ',
  food_safety_certificate:
    'Không tuân thủ đầy đủ các quy định về giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (hoặc điều kiện sản xuất bắt buộc) theo quy định',
  registration_dossier: 'Không đáp ứng về hồ sơ đăng ký theo quy định',
  production_licence: 'Không có giấy phép sản xuất theo quy định',
  product_declaration: 'Không có Bản công bố sản phẩm (hoặc tương đương)',
  criterion_note: 'Thuộc trường hợp "Bị loại nếu…" ghi tại tiêu chí',
  evaluation_stopped: 'Không đánh giá các bước tiếp theo, theo ghi chú tại tiêu chí',
  other: 'Hồ sơ bị loại theo kết luận của Hội đồng',
} as const;

export type DisqualificationReason = keyof typeof DISQUALIFICATION_REASONS;

export type Disqualification = { reasons: { code: DisqualificationReason; text: string; criterion?: string }[] };

/** Which grounds of the sheet's "bị loại khi" line each reason code stands for (matched in the printed text). */
const GROUNDS: Partial<Record<DisqualificationReason, RegExp>> = {
  forged_dossier: /giả mạo hồ sơ/i,
  food_safety_certificate: /an toàn thực phẩm|điều kiện sản xuất|điều kiện bắt buộc/i,
  registration_dossier: /hồ sơ đăng ký/i,
  production_licence: /giấy phép sản xuất/i,
  product_declaration: /bản công bố sản phẩm/i,
};

/**
 * The reasons a Council can give on this sheet: the grounds its "Hồ sơ bị loại khi: …" line prints (bộ 21–25 print
 * only forgery and the registration dossier; bộ 15 and 17 add the production licence; bộ 19 and 20 the product
 * declaration; bộ 26 prints none), and always the Council's own conclusion ("other").
 */
export function disqualificationReasonsFor(sheet: OcopSheet): DisqualificationReason[] {
  const line = sheet.disqualification ?? '';
  const printed = (Object.keys(GROUNDS) as DisqualificationReason[]).filter((code) => GROUNDS[code]!.test(line));
  return [...printed, 'other'];
}

const ALIASES: Record<string, DisqualificationReason> = {
  forged_dossier: 'forged_dossier',
  forgeddossier: 'forged_dossier',
  forged: 'forged_dossier',
  food_safety_certificate: 'food_safety_certificate',
  foodsafetycertificate: 'food_safety_certificate',
  missingfoodsafetycertificate: 'food_safety_certificate',
  missing_food_safety_certificate: 'food_safety_certificate',
  registration_dossier: 'registration_dossier',
  registrationdossier: 'registration_dossier',
  production_licence: 'production_licence',
  productionlicence: 'production_licence',
  production_license: 'production_licence',
  productionlicense: 'production_licence',
  product_declaration: 'product_declaration',
  productdeclaration: 'product_declaration',
  incompleteregistration: 'registration_dossier',
  incomplete_registration: 'registration_dossier',
  other: 'other',
};

/**
 * Reads what an answers file says about exclusion. Accepted: `true`; a list of reason codes; an object of
 * reason → boolean (snake_case or camelCase); `{ criteria: ["1.1"] }` for a criterion's "Bị loại nếu" note, or for a
 * note that stops the evaluation ("Không đánh giá các bước tiếp theo…", criterionNotes.ts).
 * Returns null when nothing excludes the dossier.
 */
export function parseDisqualification(input: unknown, sheet: OcopSheet): Disqualification | null {
  if (input === undefined || input === null || input === false) return null;
  const reasons: Disqualification['reasons'] = [];
  const add = (key: string) => {
    const code = ALIASES[key.replace(/[\s-]/g, '').toLowerCase()] ?? ALIASES[key.toLowerCase()];
    if (!code) {
      throw new AppError(OcopErrorCode.disqualificationInvalid, `Lý do loại hồ sơ không hợp lệ: "${key}".`, {
        reason: key,
        known: Object.keys(DISQUALIFICATION_REASONS),
      });
    }
    if (!disqualificationReasonsFor(sheet).includes(code)) {
      throw new AppError(
        OcopErrorCode.disqualificationInvalid,
        `Bộ tiêu chí số ${sheet.no} không có trường hợp loại hồ sơ "${DISQUALIFICATION_REASONS[code]}" (dòng "Hồ sơ bị loại khi": ${sheet.disqualification ?? 'không có'}).`,
        { reason: code, sheet: sheet.no },
      );
    }
    if (!reasons.some((r) => r.code === code)) reasons.push({ code, text: DISQUALIFICATION_REASONS[code] });
  };
  const addCriterion = (code: unknown) => {
    const criterion = sheet.criteria.find((c) => c.code === code);
    const note = criterion ? declarableNote(criterion) : null;
    if (!criterion || !note) {
      throw new AppError(
        OcopErrorCode.disqualificationInvalid,
        `Tiêu chí ${String(code)} không có ghi chú loại hồ sơ ("Bị loại nếu…") hay dừng đánh giá ("Không đánh giá…") trong bộ tiêu chí số ${sheet.no}.`,
        { criterion: code },
      );
    }
    if (reasons.some((r) => r.criterion === criterion.code)) return;
    reasons.push({ code: note.kind === 'excludes' ? 'criterion_note' : 'evaluation_stopped', text: note.text, criterion: criterion.code });
  };

  if (input === true) add('other');
  else if (typeof input === 'string') add(input);
  else if (Array.isArray(input)) for (const x of input) add(String(x));
  else if (typeof input === 'object') {
    for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
      if (key === 'criteria') {
        if (!Array.isArray(value)) throw new AppError(OcopErrorCode.disqualificationInvalid, '"criteria" phải là danh sách mã tiêu chí.');
        value.forEach(addCriterion);
      } else if (value === true) add(key);
      else if (value !== false && value !== null && value !== undefined) {
        throw new AppError(OcopErrorCode.disqualificationInvalid, `Giá trị của "${key}" phải là true hoặc false.`, { reason: key });
      }
    }
  } else {
    throw new AppError(OcopErrorCode.disqualificationInvalid, 'Thông tin loại hồ sơ không hợp lệ.');
  }
  return reasons.length > 0 ? { reasons } : null;
}
