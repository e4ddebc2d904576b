import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { loadPdfFonts } from './fonts';

/** A4 in points; margins close to NĐ 30/2020/NĐ-CP, Phụ lục I (left 30 mm, right 15 mm, top and bottom 20 mm). */
export const A4: [number, number] = [595.28, 841.89];
const MM = 72 / 25.4;
export const MARGIN = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM };

export type Run = { text: string; bold?: boolean };
export type TextOptions = { size?: number; align?: 'left' | 'center' | 'right'; indent?: number; x?: number; width?: number; lineGap?: number };

/**
 * Lays out text on A4 pages with pdf-lib: wrapping by measured width, paragraphs of mixed regular and bold runs,
 * tables with wrapped cells, and page breaks. Every string is NFC so precomposed Vietnamese glyphs are used and
 * the text extracts as typed.
 */
export class PdfWriter {
  readonly doc: PDFDocument;
  readonly regular: PDFFont;
  readonly bold: PDFFont;
  page: PDFPage;
  y: number;

  private constructor(doc: PDFDocument, regular: PDFFont, bold: PDFFont) {
    this.doc = doc;
    this.regular = regular;
    this.bold = bold;
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  static async create(title: string): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title.normalize('NFC'));
    doc.setCreator('NTM Desk');
    doc.setProducer('NTM Desk (pdf-lib)');
    doc.setLanguage('vi-VN');
    const fonts = loadPdfFonts();
    const regular = await doc.embedFont(fonts.regular, { subset: true });
    const bold = await doc.embedFont(fonts.bold, { subset: true });
    return new PdfWriter(doc, regular, bold);
  }

  get contentWidth(): number {
    return A4[0] - MARGIN.left - MARGIN.right;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** Splits runs into lines no wider than `width`; a word longer than a line is cut by characters. */
  wrap(runs: Run[], size: number, width: number): Run[][] {
    type Word = { text: string; bold: boolean; space: boolean };
    const words: Word[] = [];
    for (const run of runs) {
      const parts = run.text.normalize('NFC').split(/(\s+)/);
      for (const part of parts) {
        if (part === '') continue;
        if (/^\s+$/.test(part)) words.push({ text: ' ', bold: !!run.bold, space: true });
        else words.push({ text: part, bold: !!run.bold, space: false });
      }
    }
    const lines: Run[][] = [];
    let line: Run[] = [];
    let lineWidth = 0;
    const measure = (w: Word) => (w.bold ? this.bold : this.regular).widthOfTextAtSize(w.text, size);
    const push = (w: Word) => {
      const last = line[line.length - 1];
      if (last && !!last.bold === w.bold) last.text += w.text;
      else line.push({ text: w.text, bold: w.bold });
      lineWidth += measure(w);
    };
    const breakLine = () => {
      if (line.length > 0) {
        const last = line[line.length - 1];
        last.text = last.text.replace(/\s+$/, '');
      }
      lines.push(line);
      line = [];
      lineWidth = 0;
    };
    for (const w of words) {
      if (w.space) {
        if (line.length > 0) push(w);
        continue;
      }
      const width0 = measure(w);
      if (lineWidth + width0 <= width || line.length === 0) {
        if (width0 > width) {
          let chunk = '';
          for (const ch of w.text) {
            const next = chunk + ch;
            if ((w.bold ? this.bold : this.regular).widthOfTextAtSize(next, size) > width - lineWidth && chunk !== '') {
              push({ ...w, text: chunk });
              breakLine();
              chunk = ch;
            } else chunk = next;
          }
          if (chunk) push({ ...w, text: chunk });
        } else push(w);
      } else {
        breakLine();
        push(w);
      }
    }
    if (line.length > 0 || lines.length === 0) breakLine();
    return lines;
  }

  lineWidth(line: Run[], size: number): number {
    return line.reduce((s, r) => s + (r.bold ? this.bold : this.regular).widthOfTextAtSize(r.text, size), 0);
  }

  drawLine(line: Run[], x: number, y: number, size: number, page: PDFPage = this.page): void {
    let cx = x;
    for (const r of line) {
      const font = r.bold ? this.bold : this.regular;
      page.drawText(r.text, { x: cx, y, size, font, color: rgb(0, 0, 0) });
      cx += font.widthOfTextAtSize(r.text, size);
    }
  }

  /** A wrapped paragraph at the cursor, breaking pages between lines. */
  paragraph(runs: Run[] | string, options: TextOptions = {}): void {
    const size = options.size ?? 12;
    const leading = size * (options.lineGap ?? 1.35);
    const x0 = options.x ?? MARGIN.left;
    const indent = options.indent ?? 0;
    const width = (options.width ?? this.contentWidth - (x0 - MARGIN.left)) - indent;
    const lines = this.wrap(typeof runs === 'string' ? [{ text: runs }] : runs, size, width);
    for (const line of lines) {
      this.ensure(leading);
      this.y -= leading;
      const w = this.lineWidth(line, size);
      const x = options.align === 'center' ? x0 + indent + (width - w) / 2 : options.align === 'right' ? x0 + indent + width - w : x0 + indent;
      this.drawLine(line, x, this.y + size * 0.25, size);
    }
  }

  /** Side-by-side blocks of centred lines (e.g. the issuing body and the national motto), from the same top. */
  columns(cols: { x: number; width: number; lines: Run[]; size?: number }[]): void {
    const top = this.y;
    let lowest = top;
    for (const col of cols) {
      this.y = top;
      for (const line of col.lines) this.paragraph([line], { x: col.x, width: col.width, align: 'center', size: col.size ?? 12 });
      lowest = Math.min(lowest, this.y);
    }
    this.y = lowest;
  }

  /** A table with a bold header row; rows that do not fit move to the next page with the header repeated. */
  table(columns: string[], widthsPercent: number[], rows: string[][], size = 10): void {
    const total = widthsPercent.reduce((a, b) => a + b, 0);
    const widths = widthsPercent.map((w) => (w / total) * this.contentWidth);
    const pad = 3;
    const leading = size * 1.3;
    const layout = (cells: string[], bold: boolean) => {
      const wrapped = cells.map((c, i) => this.wrap([{ text: c, bold }], size, widths[i] - 2 * pad));
      const height = Math.max(...wrapped.map((l) => l.length)) * leading + 2 * pad;
      return { wrapped, height };
    };
    const drawRow = (row: { wrapped: Run[][][]; height: number }) => {
      let x = MARGIN.left;
      for (let i = 0; i < widths.length; i++) {
        this.page.drawRectangle({ x, y: this.y - row.height, width: widths[i], height: row.height, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
        let ly = this.y - pad;
        for (const line of row.wrapped[i]) {
          ly -= leading;
          this.drawLine(line, x + pad, ly + size * 0.3, size);
        }
        x += widths[i];
      }
      this.y -= row.height;
    };
    const header = layout(columns, true);
    this.ensure(header.height * 2);
    drawRow(header);
    for (const cells of rows) {
      const row = layout(cells, false);
      if (this.y - row.height < MARGIN.bottom) {
        this.newPage();
        drawRow(header);
      }
      drawRow(row);
    }
  }

  /** "Trang x/y" at the foot of every page, drawn last. */
  numberPages(): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const text = `Trang ${i + 1}/${pages.length}`;
      const size = 9;
      const { width } = page.getSize();
      page.drawText(text, { x: width - MARGIN.right - this.regular.widthOfTextAtSize(text, size), y: 20, size, font: this.regular, color: rgb(0.3, 0.3, 0.3) });
    });
  }
}
