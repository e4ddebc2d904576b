/**
 * Vietnamese text helpers. Input from files, keyboards and other systems arrives in NFC or NFD
 * (Unikey on Windows can produce either), so everything is normalised to NFC before it is stored
 * or compared: https://unicode.org/reports/tr15/
 */

export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * A search key: no diacritics, lower case, single spaces. "Hà Tĩnh" → "ha tinh", "Đông" → "dong".
 * đ/Đ is a separate letter, not a combining mark, so NFD alone leaves it; it is folded explicitly.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query starts a word of the text, diacritics and case ignored. */
export function matchesQuery(text: string, query: string): boolean {
  const hay = foldVietnamese(text);
  const needle = foldVietnamese(query);
  if (needle === '') return true;
  return hay.includes(needle);
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts Vietnamese names the way a person expects (a, ă, â, b, …, đ after d). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
