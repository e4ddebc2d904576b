/** 2026-05-22 → 22/05/2026, as dates are written in Vietnamese documents. */
export function vnDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
