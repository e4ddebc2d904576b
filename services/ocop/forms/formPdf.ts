import { CHECKED, UNCHECKED, type FormDocument } from './formModel';
import { MARGIN, type PdfWriter } from '../pdf/pdfWriter';

/** Renders a form on fresh pages of the writer, in the layout of the printed Phụ lục III. */
export function renderFormPdf(w: PdfWriter, form: FormDocument): void {
  const half = w.contentWidth / 2;
  for (const b of form.blocks) {
    switch (b.kind) {
      case 'nationalHeader': {
        const right = { x: MARGIN.left + (b.left ? half * 0.8 : 0), width: b.left ? w.contentWidth - half * 0.8 : w.contentWidth };
        const cols = [
          {
            ...right,
            size: 11,
            lines: [
              { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true },
              { text: 'Độc lập - Tự do - Hạnh phúc', bold: true },
              { text: '---------------' },
            ],
          },
        ];
        if (b.left) cols.unshift({ x: MARGIN.left, width: half * 0.8, size: 11, lines: [...b.left.map((t, i) => ({ text: t, bold: i > 0 })), { text: '-------' }] });
        w.columns(cols);
        w.gap(10);
        break;
      }
      case 'title':
        w.gap(6);
        b.lines.forEach((line, i) => w.paragraph([{ text: line, bold: i === 0 || line === line.toLocaleUpperCase('vi-VN') }], { align: 'center', size: i === 0 ? 14 : 12 }));
        w.gap(6);
        break;
      case 'heading':
        w.gap(3);
        w.paragraph([{ text: b.text, bold: true }]);
        break;
      case 'field':
        w.paragraph([{ text: `${b.label}: ` }, { text: b.value, bold: true }]);
        break;
      case 'para':
        w.paragraph(b.text, { indent: 0 });
        break;
      case 'checks':
        w.paragraph([
          { text: `${b.label} ` },
          ...b.items.map((i) => ({ text: `${i.label ? `${i.label} ` : ''}${i.checked ? CHECKED : UNCHECKED}   `, bold: i.checked })),
        ]);
        break;
      case 'table':
        w.gap(4);
        w.table(b.columns, b.widths, b.rows, 9);
        w.gap(4);
        break;
      case 'signature': {
        w.gap(10);
        w.ensure(110);
        const x = MARGIN.left + half;
        w.paragraph(b.dateLine, { x, width: half, align: 'center', size: 11 });
        w.paragraph([{ text: b.title, bold: true }], { x, width: half, align: 'center' });
        w.paragraph(b.note, { x, width: half, align: 'center', size: 10 });
        w.gap(60);
        break;
      }
      case 'footnote':
        w.gap(8);
        w.paragraph(b.text, { size: 8 });
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  }
}
