import type { Kysely } from 'kysely';
import { formatProductCode, parseProductCode } from '../../core/ocop/productCode';
import type { Database } from '../../db/schema';
import type { ProductRow } from '../../db/ocop/products';
import { nextProductSequence } from '../../db/ocop/products';

/**
 * The code in the new format a product gains when it is re-evaluated after the reform, or null when it needs none.
 * The certified code (product_code) is kept as it was printed on the certificate; a product whose code does not
 * name its current province and commune (QĐ 19/2025/QĐ-TTg codes; QĐ 26/2026/QĐ-TTg, Phụ lục II: (T)-(X)-(STT)-năm)
 * gets a second code with the next number of its new commune and the year of the re-evaluation. Returns the
 * number too: it becomes the product's sequence so the commune never hands it out again.
 */
export async function newFormatCodeFor(db: Kysely<Database>, row: ProductRow, year: number): Promise<{ code: string; sequence: number } | null> {
  if (row.new_product_code) return null;
  const unit = await db.selectFrom('admin_unit').select(['province_code']).where('level', '=', 'commune').where('era', '=', 'current').where('code', '=', row.unit_code).executeTakeFirst();
  if (!unit) return null;
  if (codeNames(row.product_code, unit.province_code, row.unit_code)) return null;
  const sequence = await nextProductSequence(db, row.unit_code);
  return { code: formatProductCode({ provinceCode: unit.province_code, communeCode: row.unit_code, sequence, year }), sequence };
}

/** Whether a product code names this province and commune (a code of another shape does not). */
function codeNames(productCode: string, provinceCode: string, communeCode: string): boolean {
  try {
    const parsed = parseProductCode(productCode);
    return parsed.provinceCode === provinceCode && parsed.communeCode === communeCode;
  } catch {
    return false;
  }
}
