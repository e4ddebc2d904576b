import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type FileChild,
} from 'docx';
import { placeDateLine } from '../../core/reports/index';

/**
 * The building blocks of an administrative document in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I, shared by
 * the periodic report, the re-assessment round's report and the reminder letter (công văn đôn đốc): A4; margins
 * top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; page numbers centred in the top margin from
 * page 2; the two-column header (issuing body / Quốc hiệu and Tiêu ngữ) with "Số: …/…" and the place and date line;
 * tables; "Nơi nhận:" bottom left and the signer bottom right.
 */
export const FONT = 'Times New Roman';
export const MM = 56.7; // twips per millimetre
export const PAGE = { width: 11906, height: 16838, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } };
/** The width of the text between the margins, in twips (165 mm). */
export const CONTENT = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const BODY = 28; // 14 pt, in half-points
const FIRST_LINE = 567; // 1 cm

type RunOptions = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; color?: string };
/** A run of text in the document's font, NFC-normalised (Vietnamese typed in NFD shows as broken marks in Word). */
export const run = (text: string, o: RunOptions = {}) =>
  new TextRun({ text: text.normalize('NFC'), font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined, color: o.color });

type ParaOptions = { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: boolean; keepNext?: boolean };
/** A body paragraph: justified, first line indented 1 cm, 6 pt after, line spacing 1.25. */
export const para = (children: TextRun[], o: ParaOptions = {}) =>
  new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 300 },
    indent: o.indent === false ? undefined : { firstLine: FIRST_LINE },
    keepNext: o.keepNext,
  });
export const centred = (children: TextRun[], after = 0) => new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { after, before: 0 } });

/** A short solid rule centred under a line (NĐ 30: under the issuing body, the Tiêu ngữ and the subject). */
export function rule(cellWidth: number, ruleWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    children: [],
    spacing: { before: 60, after: 120, line: 120 },
    indent: { left: side, right: side },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function layoutCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, margins: { left: 0, right: 0 }, children });
}

/** What the header block says: who issues, the number and symbol, the place and date. */
export type Nd30Heading = {
  /** The body above the issuer ("UBND HUYỆN KỲ SƠN"); empty for none. */
  parentBodyName: string;
  officeName: string;
  /** Left empty, the number is a blank the clerk fills when the document is registered. */
  documentNo: string;
  symbol: string;
  place: string;
  /** ISO date. */
  date: string;
  /** A công văn's subject (trích yếu, "V/v …"), under the number; a report has its title instead. */
  excerpt?: string;
};

/** The two-column header of NĐ 30/2020: issuing body and number on the left, Quốc hiệu, Tiêu ngữ and date on the right. */
export function documentHeader(h: Nd30Heading): Table {
  // Quốc hiệu in 12 pt on one line needs ~60% of the 165 mm line (NĐ 30, Phụ lục I: 12–13 pt).
  const left = Math.round(CONTENT * 0.4);
  const right = CONTENT - left;
  const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
  const parent = h.parentBodyName ? [centred([run(upper(h.parentBodyName), { size: 24 })])] : [];
  const number = h.documentNo.trim() || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0';
  const excerpt = h.excerpt
    ? h.excerpt
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '')
        .map((l, i) => new Paragraph({ children: [run(l, { size: 24 })], alignment: AlignmentType.CENTER, spacing: { before: i === 0 ? 60 : 0, after: 0 } }))
    : [];
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          layoutCell([...parent, centred([run(upper(h.officeName), { bold: true, size: 24 })]), rule(left, Math.round(left / 3))], left),
          layoutCell(
            [
              centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 24 })]),
              centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 28, underline: true })], 120),
            ],
            right,
          ),
        ],
      }),
      new TableRow({
        children: [
          layoutCell([centred([run(`Số: ${number}/${h.symbol}`, { size: 26 })]), ...excerpt], left),
          layoutCell([centred([run(placeDateLine(h.place, h.date), { italics: true, size: 28 })])], right),
        ],
      }),
    ],
  });
}

/** The document's name ("BÁO CÁO") and its subject lines, with the short rule under them. */
export function documentTitle(kind: string, subject: string): Paragraph[] {
  return [
    new Paragraph({ children: [run(kind, { bold: true, size: 28 })], alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 } }),
    ...subject.split(/\r?\n/).map((l) => centred([run(l, { bold: true, size: 28 })])),
    rule(CONTENT, Math.round(CONTENT / 4)),
  ];
}

export type TableOptions = { totalRow?: boolean; alignLeft?: number[]; size?: number };

/**
 * A ruled table over the whole text width: `widths` are relative; the header row repeats on every page and a
 * row never splits across pages. Columns in `alignLeft` are left-aligned (text), the others centred (figures).
 */
export function dataTable(headers: string[], rows: string[][], widths: number[], opts: TableOptions = {}): Table {
  const sum = widths.reduce((a, b) => a + b, 0);
  const columnWidths = widths.map((w) => Math.round((w / sum) * CONTENT));
  const cell = (text: string, i: number, o: { bold?: boolean; header?: boolean }) =>
    new TableCell({
      width: { size: columnWidths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          children: [run(text, { bold: o.bold, size: opts.size ?? 24 })],
          alignment: !o.header && opts.alignLeft?.includes(i) ? AlignmentType.LEFT : AlignmentType.CENTER,
          spacing: { before: 0, after: 0 },
        }),
      ],
    });
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths,
    borders: GRID_BORDERS,
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, { bold: true, header: true })) }),
      ...rows.map((r, ri) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, i, { bold: opts.totalRow && ri === rows.length - 1 })) })),
    ],
  });
}

export const caption = (text: string) => para([run(text, { bold: true, italics: true, size: 26 })], { align: AlignmentType.CENTER, indent: false, before: 120, after: 60, keepNext: true });
export const heading = (text: string) => para([run(text, { bold: true })], { before: 120, keepNext: true });
export const subheading = (text: string) => para([run(text, { bold: true, italics: true })], { keepNext: true });

/** Paragraphs of the office's own text; an empty section shows a dotted line to fill in. */
export function narrativeParagraphs(text: string): Paragraph[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return [para([run('…………………………………………………………………………………')])];
  return lines.map((l) => para([run(l)]));
}

export type Nd30Signature = {
  /** "Nơi nhận:" lines; "- " and the closing ";" or "." are added. */
  recipients: string[];
  /** The signer's authority and title, one per line ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"); empty = `fallbackTitle`. */
  signerTitle: string;
  signerName: string;
  fallbackTitle: string;
};

/** "Nơi nhận:" bottom left, the signer's title, room to sign and the name bottom right; never split across pages. */
export function signatureBlock(s: Nd30Signature): Table {
  const left = Math.round(CONTENT * 0.5);
  const right = CONTENT - left;
  const recipients = s.recipients.filter((r) => r.trim() !== '');
  const titleLines = s.signerTitle.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          layoutCell(
            [
              new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 24 })], spacing: { before: 0, after: 0 } }),
              ...recipients.map(
                (r, i) =>
                  new Paragraph({
                    children: [run(`- ${r.replace(/^-\s*/, '').replace(/[;.]$/, '')}${i === recipients.length - 1 ? '.' : ';'}`, { size: 22 })],
                    spacing: { before: 0, after: 0 },
                  }),
              ),
            ],
            left,
          ),
          layoutCell(
            [
              ...(titleLines.length ? titleLines : [s.fallbackTitle]).map((l) => centred([run(l.toLocaleUpperCase('vi-VN'), { bold: true, size: 28 })])),
              centred([run(' ')], 0),
              centred([run(' ')], 0),
              centred([run(' ')], 0),
              centred([run(' ')], 0),
              centred([run(s.signerName, { bold: true, size: 28 })]),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

/** The whole document: A4 with NĐ 30's margins, the body font, page numbers from page 2. */
export async function nd30Document(meta: { creator: string; title: string; description: string }, children: FileChild[]): Promise<Buffer> {
  const document = new Document({
    creator: meta.creator,
    title: meta.title,
    description: meta.description,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, header: Math.round(10 * MM), footer: Math.round(10 * MM) } },
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
