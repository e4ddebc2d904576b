import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { CHECKED, UNCHECKED, type FormDocument } from './formModel';

/** Times New Roman 13 pt on A4 with the margins of NĐ 30/2020/NĐ-CP, Phụ lục I: what offices print and sign. */
const FONT = 'Times New Roman';
const SIZE = 26;
const PAGE = { width: 11906, height: 16838, margin: { top: 1134, bottom: 1134, left: 1701, right: 850 } };
const CONTENT_TWIPS = PAGE.width - PAGE.margin.left - PAGE.margin.right;

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({ text: text.normalize('NFC'), font: FONT, size: o.size ?? SIZE, bold: o.bold, italics: o.italics });

const para = (children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; after?: number; before?: number } = {}) =>
  new Paragraph({ children, alignment: o.align ?? AlignmentType.JUSTIFIED, spacing: { after: o.after ?? 80, before: o.before ?? 0 } });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

function centredCell(lines: { text: string; bold?: boolean; italics?: boolean; size?: number }[], widthTwips: number): TableCell {
  return new TableCell({
    width: { size: widthTwips, type: WidthType.DXA },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children: lines.map((l) => para([run(l.text, l)], { align: AlignmentType.CENTER, after: 0 })),
  });
}

function blocksToDocx(form: FormDocument): FileChild[] {
  const out: FileChild[] = [];
  for (const b of form.blocks) {
    switch (b.kind) {
      case 'nationalHeader': {
        const motto = [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: 24 },
          { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
          { text: '---------------' },
        ];
        if (b.left) {
          const leftWidth = Math.round(CONTENT_TWIPS * 0.4);
          const left = [...b.left.map((t, i) => ({ text: t, bold: i > 0, size: 24 })), { text: '-------' }];
          out.push(
            new Table({
              width: { size: CONTENT_TWIPS, type: WidthType.DXA },
              columnWidths: [leftWidth, CONTENT_TWIPS - leftWidth],
              borders: NO_BORDERS,
              rows: [new TableRow({ children: [centredCell(left, leftWidth), centredCell(motto, CONTENT_TWIPS - leftWidth)] })],
            }),
          );
        } else {
          for (const l of motto) out.push(para([run(l.text, l)], { align: AlignmentType.CENTER, after: 0 }));
        }
        out.push(para([], { after: 120 }));
        break;
      }
      case 'title':
        b.lines.forEach((line, i) =>
          out.push(para([run(line, { bold: i === 0 || line === line.toLocaleUpperCase('vi-VN'), size: i === 0 ? 28 : SIZE })], { align: AlignmentType.CENTER, after: 40, before: i === 0 ? 120 : 0 })),
        );
        out.push(para([], { after: 80 }));
        break;
      case 'heading':
        out.push(para([run(b.text, { bold: true })], { before: 60 }));
        break;
      case 'field':
        out.push(para([run(`${b.label}: `), run(b.value, { bold: true })]));
        break;
      case 'para':
        out.push(para([run(b.text, { italics: b.italic })]));
        break;
      case 'checks':
        out.push(para([run(`${b.label} `), ...b.items.map((i) => run(`${i.label ? `${i.label} ` : ''}${i.checked ? CHECKED : UNCHECKED}   `, { bold: i.checked }))]));
        break;
      case 'table': {
        const total = b.widths.reduce((a, c) => a + c, 0);
        const widths = b.widths.map((w) => Math.round((w / total) * CONTENT_TWIPS));
        const cell = (text: string, i: number, bold: boolean) =>
          new TableCell({ width: { size: widths[i], type: WidthType.DXA }, children: [para([run(text, { bold, size: 22 })], { align: AlignmentType.LEFT, after: 0 })] });
        out.push(
          new Table({
            width: { size: CONTENT_TWIPS, type: WidthType.DXA },
            columnWidths: widths,
            rows: [
              new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c, i, true)) }),
              ...b.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
            ],
          }),
        );
        break;
      }
      case 'signature': {
        const half = Math.round(CONTENT_TWIPS / 2);
        out.push(para([], { after: 120 }));
        out.push(
          new Table({
            width: { size: CONTENT_TWIPS, type: WidthType.DXA },
            columnWidths: [half, CONTENT_TWIPS - half],
            borders: NO_BORDERS,
            rows: [
              new TableRow({
                children: [
                  centredCell([{ text: '' }], half),
                  centredCell([{ text: b.dateLine, italics: true }, { text: b.title, bold: true }, { text: b.note, italics: true }], CONTENT_TWIPS - half),
                ],
              }),
            ],
          }),
        );
        out.push(para([], { after: 1200 }));
        break;
      }
      case 'footnote':
        out.push(para([run(b.text, { italics: true, size: 20 })], { before: 120 }));
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}

/** The form as a DOCX file (Office Open XML), ready to print and sign. */
export async function renderFormDocx(form: FormDocument): Promise<Buffer> {
  const doc = new Document({
    creator: 'NTM Desk',
    title: form.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{ properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } }, children: blocksToDocx(form) }],
  });
  return Packer.toBuffer(doc);
}
