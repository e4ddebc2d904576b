import { z } from 'zod';
import { CATALOG_FORMAT_VERSION, catalogSchema } from '../../../../core/ntm';

/**
 * The published JSON Schema of the catalog format, for provinces that author their own sets. It describes the
 * input document; cross-field rules (unique codes, non-overlapping thresholds…) are checked by the app on import.
 */
export function catalogJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(catalogSchema, { io: 'input' }),
    $id: `https://ntm-desk.local/schemas/ntm-catalog-v${CATALOG_FORMAT_VERSION}.json`,
    title: `Bộ tiêu chí NTM – định dạng NTM Desk phiên bản ${CATALOG_FORMAT_VERSION}`,
    description:
      'Bộ tiêu chí nông thôn mới dạng dữ liệu: mỗi ngưỡng ghi rõ văn bản và điều khoản làm căn cứ; chỉ tiêu chưa có ngưỡng trong nguồn được đánh giá thủ công (judgement = "manual"). Các ràng buộc liên trường (mã không trùng, phạm vi ngưỡng không chồng nhau…) được kiểm tra khi nhập vào ứng dụng.',
  };
}
