import { pointsText } from '../../../../core/ocop';
import { fileToBase64, saveBase64File } from '../../api/files';

/** 2026-05-22 → 22/05/2026. */
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** 69.5 → "69,5" (Vietnamese decimal comma); at most 2 decimals, truncated (core/ocop/points.ts pointsText). */
export function vnNumber(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : pointsText(x);
}

export function starsText(n: number): string {
  return '★'.repeat(n) + '☆'.repeat(Math.max(0, 5 - n));
}

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Saves a generated file through the browser's download (the renderer never sees a path). */
export function downloadBase64(fileName: string, mime: string, base64: string): void {
  saveBase64File(fileName, base64, mime);
}

export { fileToBase64 };

export const STATUS_COLORS: Record<string, string> = {
  registered: 'gray',
  commune_review: 'blue',
  sent_to_province: 'indigo',
  evaluating: 'violet',
  recognized: 'green',
  not_recognized: 'orange',
  expired: 'red',
  re_evaluating: 'cyan',
  upgrading: 'teal',
  revoked: 'red',
};
