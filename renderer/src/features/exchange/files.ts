/** Browser file helpers: the contract carries file content as base64 (no paths from the renderer). */

export { fileToBase64, saveBase64File } from '../../api/files';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN');
}

/** Record type names as the office knows them. */
export const RECORD_TYPE_LABELS: Record<string, string> = {
  attachment: 'Tệp đính kèm',
  ntm_commune: 'Xã',
  ntm_assessment: 'Kỳ đánh giá NTM',
  ntm_value: 'Giá trị chỉ tiêu',
  ntm_evidence_file: 'Minh chứng',
  ntm_recognition: 'Quyết định công nhận',
  ocop_producer: 'Chủ thể OCOP',
  ocop_product: 'Sản phẩm OCOP',
  ocop_product_event: 'Lịch sử sản phẩm',
  ocop_evaluation: 'Phiếu chấm OCOP',
  ocop_certificate: 'Giấy chứng nhận OCOP',
  ocop_dossier_item: 'Mục hồ sơ OCOP',
  ocop_dossier_file: 'Tệp hồ sơ OCOP',
  report: 'Báo cáo định kỳ',
  ntm_catalog: 'Bộ tiêu chí NTM',
  plan: 'Kế hoạch',
  plan_target: 'Chỉ tiêu kế hoạch',
  plan_roadmap: 'Lộ trình của xã',
  plan_round: 'Đợt rà soát',
  plan_round_team: 'Đoàn công tác',
  plan_round_item: 'Đối tượng rà soát',
  plan_finding: 'Kết quả của đoàn, ngành',
  plan_finding_file: 'Minh chứng của đoàn, ngành',
  plan_task: 'Nhiệm vụ của ngành',
};

export function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return 'Không có bản ghi mới';
  return entries.map(([t, n]) => `${RECORD_TYPE_LABELS[t] ?? t}: ${n}`).join(' · ');
}
