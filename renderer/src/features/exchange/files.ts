/** Browser file helpers: the contract carries file content as base64 (no paths from the renderer). */

export function saveBase64File(fileName: string, contentBase64: string, mime = 'application/octet-stream'): void {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const result = String(reader.result);
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

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
};

export function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (entries.length === 0) return 'Không có bản ghi mới';
  return entries.map(([t, n]) => `${RECORD_TYPE_LABELS[t] ?? t}: ${n}`).join(' · ');
}
