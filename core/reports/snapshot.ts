import { AppError } from '../errors';
import { REPORT_MODEL_FORMAT, REPORT_MODEL_FORMAT_VERSION, type ReportModel } from './model';

/**
 * A stored report snapshot as the current model: refuses one written by a newer application (STYLE.md §10) and
 * reads the older formats. Format 1 had no "kết quả so với kế hoạch": its planResults is null, so a report saved
 * then opens and prints exactly as it was sent.
 */
export function readReportSnapshot(json: string): ReportModel {
  const stored = JSON.parse(json) as { format?: unknown; formatVersion?: unknown };
  if (stored.format !== REPORT_MODEL_FORMAT || typeof stored.formatVersion !== 'number') {
    throw new AppError('REPORT_SNAPSHOT_INVALID', 'Số liệu đã lưu của báo cáo này không đọc được (không đúng định dạng của NTM Desk).', { format: stored.format });
  }
  if (stored.formatVersion > REPORT_MODEL_FORMAT_VERSION) {
    throw new AppError('REPORT_SNAPSHOT_TOO_NEW', 'Báo cáo này được lưu bằng phiên bản ứng dụng mới hơn. Hãy cập nhật NTM Desk để mở.', { formatVersion: stored.formatVersion });
  }
  if (stored.formatVersion === 1) {
    return { ...(stored as Omit<ReportModel, 'formatVersion' | 'planResults'>), formatVersion: REPORT_MODEL_FORMAT_VERSION, planResults: null };
  }
  return stored as ReportModel;
}
