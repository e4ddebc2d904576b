/**
 * The forms of QĐ 26/2026/QĐ-TTg, Phụ lục III (Mẫu số 01, 02, 03) as a neutral list of blocks, filled from the
 * records. One model, two renderers: DOCX to print and sign (formDocx.ts) and PDF pages for the assembled dossier
 * (formPdf.ts), so the two never say different things.
 */
export type FormBlock =
  | { kind: 'nationalHeader'; left: string[] | null }
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'para'; text: string; italic?: boolean }
  | { kind: 'checks'; label: string; items: { label: string; checked: boolean }[] }
  | { kind: 'table'; columns: string[]; widths: number[]; rows: string[][] }
  | { kind: 'signature'; dateLine: string; title: string; note: string }
  | { kind: 'footnote'; text: string };

export type FormDocument = { id: 'mau_01' | 'mau_02' | 'mau_03'; title: string; fileBase: string; blocks: FormBlock[] };

/** The dotted line of an empty field on the printed form. */
export const BLANK = '………………………………';

export function orBlank(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : BLANK;
}

export const CHECKED = '☒';
export const UNCHECKED = '☐';
