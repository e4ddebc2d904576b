import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
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
import type { ReportHeader, ReportNarrative } from '../../core/contract/reports';
import { noPlanSentence, planGapSentence, planReportCells } from '../../core/plans/reportSection';
import {
  LEVEL_LABELS,
  formatVnDate,
  formatVnDelta,
  formatVnNumber,
  nextReportPeriod,
  parseReportPeriod,
  placeDateLine,
  reportPeriodLabel,
  starChartSpec,
  trendChartSpec,
  type BarChartSpec,
  type ReportModel,
} from '../../core/reports/index';
import { chartPng, chartSvg } from './chartImage';
import { annexSheetsOf, PLAN_ANNEX_NO } from './reportXlsx';

/**
 * The report as DOCX in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top 20 mm, bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman; page numbers centred in the top margin from page 2; the two-column
 * header (issuing body / Quốc hiệu and Tiêu ngữ), "Số: …/BC-…" and the place and date line; "BÁO CÁO" and the
 * subject; the body; "Nơi nhận:" bottom left and the signer bottom right. Made from the model alone: a saved
 * snapshot gives the same document again.
 */
const FONT = 'Times New Roman';
const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838, margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) } };
const CONTENT = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const BODY = 28; // 14 pt, in half-points
const FIRST_LINE = 567; // 1 cm

type RunOptions = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; color?: string };
const run = (text: string, o: RunOptions = {}) =>
  new TextRun({ text: text.normalize('NFC'), font: FONT, size: o.size ?? BODY, bold: o.bold, italics: o.italics, underline: o.underline ? {} : undefined, color: o.color });

type ParaOptions = { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; indent?: boolean; keepNext?: boolean };
const para = (children: TextRun[], o: ParaOptions = {}) =>
  new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: o.before ?? 0, after: o.after ?? 120, line: 300 },
    indent: o.indent === false ? undefined : { firstLine: FIRST_LINE },
    keepNext: o.keepNext,
  });
const centred = (children: TextRun[], after = 0) => new Paragraph({ children, alignment: AlignmentType.CENTER, spacing: { after, before: 0 } });

/** A short solid rule centred under a line (NĐ 30: under the issuing body, the Tiêu ngữ and the subject). */
function rule(cellWidth: number, ruleWidth: number): Paragraph {
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

function documentHeader(model: ReportModel, header: ReportHeader): Table {
  // Quốc hiệu in 12 pt on one line needs ~60% of the 165 mm line (NĐ 30, Phụ lục I: 12–13 pt).
  const left = Math.round(CONTENT * 0.4);
  const right = CONTENT - left;
  const upper = (s: string) => s.toLocaleUpperCase('vi-VN');
  const parent = model.office.parentBodyName ? [centred([run(upper(model.office.parentBodyName), { size: 24 })])] : [];
  const number = header.documentNo.trim() || '\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0';
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          layoutCell([...parent, centred([run(upper(model.office.officeName), { bold: true, size: 24 })]), rule(left, Math.round(left / 3))], left),
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
          layoutCell([centred([run(`Số: ${number}/${header.symbol}`, { size: 26 })])], left),
          layoutCell([centred([run(placeDateLine(header.place, header.date), { italics: true, size: 28 })])], right),
        ],
      }),
    ],
  });
}

function dataTable(headers: string[], rows: string[][], widths: number[], opts: { totalRow?: boolean; alignLeft?: number[]; size?: number } = {}): Table {
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

const caption = (text: string) => para([run(text, { bold: true, italics: true, size: 26 })], { align: AlignmentType.CENTER, indent: false, before: 120, after: 60, keepNext: true });
const heading = (text: string) => para([run(text, { bold: true })], { before: 120, keepNext: true });
const subheading = (text: string) => para([run(text, { bold: true, italics: true })], { keepNext: true });
const n = (v: number) => formatVnNumber(v, 0);
/** "tăng 2 xã so với Quý I năm 2025", "giảm 1 sản phẩm …", "không thay đổi so với …". */
const change = (now: number, before: number, unit: string, previousLabel: string) =>
  now === before ? `không thay đổi so với ${previousLabel}` : `${now > before ? 'tăng' : 'giảm'} ${n(Math.abs(now - before))} ${unit} so với ${previousLabel}`;

function chart(spec: BarChartSpec, title: string): Paragraph[] {
  const png = chartPng(spec);
  const svg = Buffer.from(chartSvg(spec), 'utf8');
  const image = new ImageRun({
    type: 'svg',
    data: svg,
    fallback: { type: 'png', data: png },
    transformation: { width: 600, height: 240 },
    altText: { name: title, title, description: spec.series.map((s) => `${s.name}: ${s.values.join(', ')}`).join('; ') },
  });
  return [
    new Paragraph({ children: [image], alignment: AlignmentType.CENTER, spacing: { before: 120, after: 0 }, keepNext: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 60 },
      keepNext: true,
      children: spec.series.flatMap((s, i) => [run(`${i > 0 ? '    ' : ''}■ `, { color: s.color.slice(1), size: 24 }), run(s.name, { size: 22 })]),
    }),
    caption(title),
  ];
}

/** Paragraphs of the office's own text; an empty section shows a dotted line to fill in. */
function narrativeParagraphs(text: string): Paragraph[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length === 0) return [para([run('…………………………………………………………………………………')])];
  return lines.map((l) => para([run(l)]));
}

function ntmSection(model: ReportModel): FileChild[] {
  const { ntm } = model;
  const out: FileChild[] = [heading('1. Chương trình xây dựng nông thôn mới')];
  const levelText = ntm.levels
    .filter((l) => l.level !== 'none' && l.level !== 'xa_ntm' && l.current.value > 0)
    .map((l) => `${n(l.current.value)} ${LEVEL_LABELS[l.level].replace(/^Xã /, 'xã ')}`);
  out.push(subheading('a) Kết quả đạt chuẩn'));
  out.push(
    para([
      run(
        `Đến ngày ${formatVnDate(model.asOf)}, trên địa bàn có ${n(ntm.recognized.current.value)}/${n(ntm.communes.value)} xã đạt chuẩn nông thôn mới (${change(ntm.recognized.current.value, ntm.recognized.previous.value, 'xã', model.previousPeriodLabel)})${levelText.length ? `, trong đó ${levelText.join(', ')}` : ''}. Trong kỳ có ${n(ntm.recognizedInPeriod.value)} xã được công nhận và ${n(ntm.revokedInPeriod.value)} xã bị thu hồi quyết định công nhận.`,
      ),
    ]),
  );
  out.push(caption(`Bảng 1. Số xã theo mức độ đạt chuẩn (đến ngày ${formatVnDate(model.asOf)})`));
  const total = (pick: (l: (typeof ntm.levels)[number]) => number) => ntm.levels.reduce((a, l) => a + pick(l), 0);
  out.push(
    dataTable(
      ['Mức độ đạt chuẩn', model.previousPeriodLabel, model.periodLabel, 'Tăng (+), giảm (-)'],
      [
        ...ntm.levels.map((l) => [l.label, n(l.previous.value), n(l.current.value), formatVnDelta(l.current.value, l.previous.value, 0)]),
        ['Tổng số xã', n(total((l) => l.previous.value)), n(total((l) => l.current.value)), formatVnDelta(total((l) => l.current.value), total((l) => l.previous.value), 0)],
      ],
      [40, 20, 20, 20],
      { totalRow: true, alignLeft: [0] },
    ),
  );

  out.push(subheading('b) Mức độ đạt các tiêu chí'));
  if (!ntm.catalog) {
    out.push(para([run(`Chưa có bộ tiêu chí xã nông thôn mới áp dụng cho ${model.assessmentQuarter.slice(0, 4)}.`)]));
  } else {
    const prevAvg = ntm.previousAverageMet === null ? '' : ` (${model.previousPeriodLabel}: ${formatVnNumber(ntm.previousAverageMet)} tiêu chí/xã)`;
    out.push(
      para([
        run(
          `Theo ${ntm.catalog.name} (${ntm.catalog.decision}), kết quả tự đánh giá ${reportPeriodLabel(parseReportPeriod(model.assessmentQuarter))}: đã đánh giá ${n(ntm.assessed.value)}/${n(ntm.communes.value)} xã; bình quân đạt ${ntm.averageMet === null ? '—' : formatVnNumber(ntm.averageMet)} tiêu chí/xã${prevAvg}.`,
        ),
      ]),
    );
    if (ntm.bands.length > 0) {
      out.push(caption('Bảng 2. Số xã theo số tiêu chí đạt'));
      out.push(
        dataTable(
          ['Nhóm', model.previousPeriodLabel, model.periodLabel],
          [
            ...ntm.bands.map((b) => [b.label, b.previous ? n(b.previous.value) : '—', n(b.current.value)]),
            ['Số xã đã đánh giá', n(ntm.previousAssessed.value), n(ntm.assessed.value)],
          ],
          [50, 25, 25],
          { totalRow: true, alignLeft: [0] },
        ),
      );
    }
    out.push(...chart(trendChartSpec(model), 'Biểu đồ 1. Số xã đạt chuẩn nông thôn mới qua 8 quý'));

    out.push(subheading('c) Các tiêu chí chưa đạt'));
    const failing = ntm.criteriaNotMet.filter((c) => c.notMet.value > 0);
    if (failing.length === 0) {
      out.push(para([run('Không có xã nào được đánh giá chưa đạt tiêu chí trong kỳ.')]));
    } else {
      out.push(para([run('Số xã chưa đạt theo từng tiêu chí và ngành phụ trách (danh sách xã tại Biểu 04 kèm theo):')]));
      out.push(
        dataTable(
          ['TT', 'Tiêu chí', 'Số xã chưa đạt', 'Ngành phụ trách'],
          failing.map((c, i) => [String(i + 1), `${c.no}. ${c.name}`, n(c.notMet.value), c.sector ?? '—']),
          [7, 43, 15, 35],
          { alignLeft: [1, 3] },
        ),
      );
    }

    out.push(subheading('d) Xã có nguy cơ bị thu hồi quyết định công nhận'));
    const risky = ntm.rows.filter((r) => r.atRisk);
    if (risky.length === 0) out.push(para([run('Không có xã nào thuộc trường hợp có nguy cơ bị thu hồi quyết định công nhận.')]));
    else {
      out.push(para([run(`Có ${n(risky.length)} xã thuộc trường hợp có nguy cơ bị thu hồi quyết định công nhận đạt chuẩn:`)]));
      for (const r of risky) out.push(para([run(`- ${r.name}: `, { bold: true }), run(r.riskMessage ?? '')]));
    }
  }
  return out;
}

function ocopSection(model: ReportModel): FileChild[] {
  const { ocop } = model;
  const stars = ocop.byStars.map((s) => `${s.stars} sao: ${n(s.current.value)}`).join('; ');
  const progress = ocop.inProgressByStatus.filter((s) => s.figure.value > 0).map((s) => `${s.label.toLocaleLowerCase('vi-VN')}: ${n(s.figure.value)}`);
  const out: FileChild[] = [heading('2. Chương trình Mỗi xã một sản phẩm (OCOP)')];
  out.push(
    para([
      run(
        `Đến ngày ${formatVnDate(model.asOf)}, có ${n(ocop.total.value)} sản phẩm OCOP còn hiệu lực công nhận (${stars}), ${change(ocop.total.value, ocop.previousTotal.value, 'sản phẩm', model.previousPeriodLabel)}. Trong kỳ có ${n(ocop.newInPeriod.value)} sản phẩm được công nhận. Có ${n(ocop.expiringSoon.value)} sản phẩm có giấy chứng nhận hết hạn trong 6 tháng tới (đến ngày ${formatVnDate(ocop.horizonEnd)}). Có ${n(ocop.inProgress.value)} hồ sơ sản phẩm đang trong quá trình đánh giá, phân hạng${progress.length ? ` (${progress.join('; ')})` : ''}.`,
      ),
    ]),
  );
  out.push(caption('Bảng 3. Sản phẩm OCOP theo hạng sao'));
  const sum = (pick: (s: (typeof ocop.byStars)[number]) => number) => ocop.byStars.reduce((a, s) => a + pick(s), 0);
  out.push(
    dataTable(
      ['Hạng sao', model.previousPeriodLabel, model.periodLabel, 'Công nhận trong kỳ', 'Hết hạn trong 6 tháng'],
      [
        ...ocop.byStars.map((s) => [`${s.stars} sao`, n(s.previous.value), n(s.current.value), n(s.newInPeriod.value), n(s.expiringSoon.value)]),
        ['Tổng cộng', n(sum((s) => s.previous.value)), n(sum((s) => s.current.value)), n(sum((s) => s.newInPeriod.value)), n(sum((s) => s.expiringSoon.value))],
      ],
      [24, 19, 19, 19, 19],
      { totalRow: true, alignLeft: [0] },
    ),
  );
  out.push(...chart(starChartSpec(model), 'Biểu đồ 2. Sản phẩm OCOP còn hiệu lực theo hạng sao'));
  return out;
}

/**
 * "Kết quả so với kế hoạch": per plan covering the year, a table (chỉ tiêu, kế hoạch, đạt trong kỳ, lũy kế, đánh
 * giá, còn thiếu), then a line for each target not yet achieved with its pace and the communes or products of the
 * gap. With no plan, one sentence says so.
 */
function planSection(model: ReportModel, no: number): FileChild[] {
  const section = model.planResults!;
  const out: FileChild[] = [heading(`${no}. Kết quả thực hiện so với kế hoạch`)];
  if (section.plans.length === 0) {
    out.push(para([run(noPlanSentence(section.year))]));
    return out;
  }
  out.push(
    para([
      run(
        `Đến ngày ${formatVnDate(section.asOf)}, kết quả thực hiện các chỉ tiêu kế hoạch năm ${section.year} như sau (tiến độ so với mức phấn đấu đều từ đầu đến cuối kỳ kế hoạch; danh sách xã, sản phẩm chưa đạt tại Biểu ${PLAN_ANNEX_NO} kèm theo):`,
      ),
    ]),
  );
  section.plans.forEach((plan, k) => {
    const letter = String.fromCharCode(97 + k);
    out.push(subheading(`${letter}) ${plan.title} (${plan.document})`));
    out.push(caption(`Bảng ${4 + k}. Kết quả thực hiện chỉ tiêu kế hoạch ${plan.periodLabel.toLocaleLowerCase('vi-VN')}`));
    out.push(
      dataTable(
        ['TT', 'Chỉ tiêu', 'Kế hoạch', 'Đạt trong kỳ', 'Lũy kế', 'Đánh giá', 'Còn thiếu'],
        plan.rows.map((row, i) => {
          const c = planReportCells(row);
          return [String(i + 1), c.indicator, c.target, c.inPeriod, c.cumulative, c.status, c.remaining];
        }),
        [5, 24, 15, 13, 13, 16, 14],
        { alignLeft: [1], size: 22 },
      ),
    );
    const open = plan.rows.filter((r) => r.status !== 'achieved');
    if (open.length > 0) {
      for (const row of open) out.push(para([run(`- ${planGapSentence(row, `Biểu ${PLAN_ANNEX_NO}`)}`)], { before: 60 }));
    } else {
      out.push(para([run('Tất cả các chỉ tiêu của kế hoạch đã đạt.')], { before: 60 }));
    }
  });
  return out;
}

function signatureBlock(model: ReportModel, header: ReportHeader): Table {
  const left = Math.round(CONTENT * 0.5);
  const right = CONTENT - left;
  const recipients = header.recipients.filter((r) => r.trim() !== '');
  const titleLines = header.signerTitle.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
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
              ...(titleLines.length ? titleLines : [model.office.officeName]).map((l) => centred([run(l.toLocaleUpperCase('vi-VN'), { bold: true, size: 28 })])),
              centred([run(' ')], 0),
              centred([run(' ')], 0),
              centred([run(' ')], 0),
              centred([run(' ')], 0),
              centred([run(header.signerName, { bold: true, size: 28 })]),
            ],
            right,
          ),
        ],
      }),
    ],
  });
}

export async function reportDocx(model: ReportModel, narrative: ReportNarrative, header: ReportHeader): Promise<Buffer> {
  const next = reportPeriodLabel(nextReportPeriod(parseReportPeriod(model.period)));
  const subjectRuleWidth = Math.round(CONTENT / 4);
  // A snapshot saved before format 2 has no plan section and keeps its numbering ("3. Đánh giá chung").
  const plans = model.planResults ? planSection(model, 3) : [];
  const sheets = annexSheetsOf(model).length;
  const children: FileChild[] = [
    documentHeader(model, header),
    new Paragraph({ children: [run('BÁO CÁO', { bold: true, size: 28 })], alignment: AlignmentType.CENTER, spacing: { before: 360, after: 0 } }),
    ...header.subject.split(/\r?\n/).map((l) => centred([run(l, { bold: true, size: 28 })])),
    rule(CONTENT, subjectRuleWidth),
    heading(`I. KẾT QUẢ THỰC HIỆN ${model.periodLabel.toLocaleUpperCase('vi-VN')}`),
    ...ntmSection(model),
    ...ocopSection(model),
    ...plans,
    heading(`${plans.length > 0 ? 4 : 3}. Đánh giá chung`),
    ...narrativeParagraphs(narrative.results),
    heading('II. TỒN TẠI, HẠN CHẾ'),
    ...narrativeParagraphs(narrative.limitations),
    heading(`III. NHIỆM VỤ TRỌNG TÂM ${next.toLocaleUpperCase('vi-VN')}`),
    ...narrativeParagraphs(narrative.tasks),
    para([
      run(
        `Trên đây là báo cáo kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới và Chương trình OCOP ${model.periodLabel} của ${model.office.officeName}; số liệu chi tiết tại các Biểu 01 đến ${String(sheets).padStart(2, '0')} kèm theo./.`,
      ),
    ]),
    signatureBlock(model, header),
  ];
  const document = new Document({
    creator: model.office.officeName,
    title: `Báo cáo ${model.periodLabel}`,
    description: `Số liệu đến ngày ${formatVnDate(model.asOf)}, lập lúc ${model.generatedAt}`,
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
