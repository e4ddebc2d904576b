import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors';
import { getProductRow, type ProductRow } from '../../db/ocop/products';
import type { Database } from '../../db/schema';

export async function requireProductRow(db: Kysely<Database>, id: string): Promise<ProductRow> {
  const row = await getProductRow(db, id);
  if (!row) throw new AppError('OCOP_PRODUCT_NOT_FOUND', 'Không tìm thấy sản phẩm OCOP này (có thể đã bị xóa).', { id });
  return row;
}
