/** dd/mm/yyyy hh:mm in Vietnamese style. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** 1.234,5 MB */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${units[u]}`;
}

export const BACKUP_REASON: Record<string, string> = {
  manual: 'Thủ công',
  daily: 'Tự động hằng ngày',
  'pre-migration': 'Trước khi nâng cấp',
  'pre-restore': 'Trước khi khôi phục',
};
