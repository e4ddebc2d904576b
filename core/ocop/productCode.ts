import { AppError } from '../errors';
import { OcopErrorCode } from './ocopErrors';

/**
 * Product code printed at the head of every sheet of QĐ 26/2026/QĐ-TTg, Phụ lục II: "Mã số sản phẩm (T)-(X)-(STT)-
 * 20…", where T = mã tỉnh, X = mã xã, STT = số thứ tự sản phẩm do xã lập thống kê, then the year of evaluation;
 * unit codes per Quyết định 19/2025/QĐ-TTg (2 digits for a province, 5 for a commune, as in the shared
 * vn-units-2026-07-two-tier.json). STT is written without leading zeros; the decision prints no width.
 */
export type ProductCode = { provinceCode: string; communeCode: string; sequence: number; year: number };

const PATTERN = /^(\d{2})-(\d{5})-([1-9]\d*)-(\d{4})$/;

export function formatProductCode(code: ProductCode): string {
  const text = `${code.provinceCode}-${code.communeCode}-${code.sequence}-${code.year}`;
  parseProductCode(text);
  return text;
}

export function parseProductCode(text: string): ProductCode {
  const match = PATTERN.exec(text.trim());
  if (!match || Number(match[4]) < 2000) {
    throw new AppError(
      OcopErrorCode.productCodeInvalid,
      `Mã số sản phẩm "${text}" không đúng dạng (T)-(X)-(STT)-(năm): mã tỉnh 2 chữ số, mã xã 5 chữ số, số thứ tự, năm đánh giá.`,
      { value: text },
    );
  }
  return { provinceCode: match[1], communeCode: match[2], sequence: Number(match[3]), year: Number(match[4]) };
}
