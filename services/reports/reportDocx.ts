import { AlignmentType, ImageRun, Paragraph, type FileChild } from 'docx';
import type { ReportHeader, ReportNarrative } from '../../core/contract/reports';
import { noPlanSentence, planGapSentence, planReportCells } from '../../core/plans/reportSection';
import {
  LEVEL_LABELS,
  formatVnDate,
  formatVnDelta,
  formatVnNumber,
  nextReportPeriod,
  parseReportPeriod,
  reportPeriodLabel,
  starChartSpec,
  trendChartSpec,
  type BarChartSpec,
  type ReportModel,
} from '../../core/reports/index';
import { chartPng, chartSvg } from './chartImage';
import { caption, dataTable, documentHeader, documentTitle, heading, narrativeParagraphs, nd30Document, para, run, signatureBlock, subheading } from './nd30Docx';
import { annexSheetsOf, PLAN_ANNEX_NO } from './reportXlsx';

/**
 * The report as DOCX in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top 20 mm, bottom 20 mm,
 * left 30 mm, right 15 mm; Times New Roman; page numbers centred in the top margin from page 2; the two-column
 * header (issuing body / Quốc hiệu and Tiêu ngữ), "Số: …/BC-…" and the place and date line; "BÁO CÁO" and the
 * subject; the body; "Nơi nhận:" bottom left and the signer bottom right. Made from the model alone: a saved
 * snapshot gives the same document again.
 */
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

export async function reportDocx(model: ReportModel, narrative: ReportNarrative, header: ReportHeader): Promise<Buffer> {
  const next = reportPeriodLabel(nextReportPeriod(parseReportPeriod(model.period)));
  // A snapshot saved before format 2 has no plan section and keeps its numbering ("3. Đánh giá chung").
  const plans = model.planResults ? planSection(model, 3) : [];
  const sheets = annexSheetsOf(model).length;
  const children: FileChild[] = [
    documentHeader({ parentBodyName: model.office.parentBodyName, officeName: model.office.officeName, documentNo: header.documentNo, symbol: header.symbol, place: header.place, date: header.date }),
    ...documentTitle('BÁO CÁO', header.subject),
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
    signatureBlock({ recipients: header.recipients, signerTitle: header.signerTitle, signerName: header.signerName, fallbackTitle: model.office.officeName }),
  ];
  return nd30Document(
    { creator: model.office.officeName, title: `Báo cáo ${model.periodLabel}`, description: `Số liệu đến ngày ${formatVnDate(model.asOf)}, lập lúc ${model.generatedAt}` },
    children,
  );
}
