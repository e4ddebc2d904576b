import type { FileChild } from 'docx';
import { NTM_LEVEL_LABELS } from '../../core/contract/ntm';
import { COMMUNE_OUTCOME_LABELS, PRODUCT_OUTCOME_LABELS, type CommuneOutcome, type ProductOutcome, type RoundDetail } from '../../core/contract/plans';
import type { DocumentLines } from '../reports/documentLines';
import { caption, dataTable, documentHeader, documentTitle, heading, narrativeParagraphs, nd30Document, para, run, signatureBlock } from '../reports/nd30Docx';
import { vnDate } from './officeCommunes';
import type { RoundReportData } from './roundReportData';
import { itemOutcomeView } from './roundReportOutcome';

/** The annex workbook's name in the text; its sheets are listed in roundReportXlsx.ts. */
export const ROUND_ANNEX_NAME = 'Phụ lục kèm theo';

/** A numbered part's title; after a table it needs the space a table does not leave. */
const subheading = (text: string) => para([run(text, { bold: true, italics: true })], { keepNext: true, before: 120 });

const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1) : s);

/** "Kết quả rà soát, đánh giá lại xã đạt chuẩn NTM năm 2019, 2020" from the round's title. */
export function roundReportSubject(round: Pick<RoundDetail, 'title'>): string {
  const t = round.title.trim();
  return /^(rà soát|đánh giá lại|kiểm tra)/i.test(t) ? `Kết quả ${lowerFirst(t)}` : `Kết quả rà soát, đánh giá lại: ${t}`;
}

function scopeSentence(round: RoundDetail): string {
  const parts: string[] = [];
  const c = round.scope.communes;
  if (c) {
    parts.push(`các xã được công nhận ${c.levels.map((l) => lowerFirst(NTM_LEVEL_LABELS[l])).join(', ')} có quyết định từ ngày ${vnDate(c.recognizedFrom)} đến ngày ${vnDate(c.recognizedTo)}`);
  }
  const p = round.scope.products;
  if (p) {
    const rules = [p.certifiedBefore ? `được cấp giấy chứng nhận trước ngày ${vnDate(p.certifiedBefore)}` : null, p.catalogVersions.length ? `được chấm theo ${p.catalogVersions.join(', ')}` : null].filter(Boolean);
    const stars = p.stars.length ? ` hạng ${p.stars.join(', ')} sao` : '';
    parts.push(`các sản phẩm OCOP${stars} còn hiệu lực${rules.length ? ` ${rules.join(' hoặc ')}` : ''}`);
  }
  const scope = parts.length ? `Phạm vi rà soát gồm ${parts.join('; ')}: ` : 'Phạm vi rà soát: ';
  return `${scope}tổng số ${round.communeCount} xã và ${round.productCount} sản phẩm OCOP.`;
}

const DEADLINE_STATE = { done: 'Đã hoàn thành', pending: 'Chưa đến hạn', overdue: 'Quá hạn', unset: 'Chưa đặt thời hạn' } as const;

function organisationSection(round: RoundDetail): FileChild[] {
  const out: FileChild[] = [heading('I. CÔNG TÁC TRIỂN KHAI'), subheading('1. Phạm vi rà soát'), para([run(scopeSentence(round))])];
  out.push(subheading('2. Thành lập đoàn công tác liên ngành'));
  if (round.teams.length === 0) out.push(para([run('Chưa thành lập đoàn công tác liên ngành.')]));
  else {
    out.push(para([run(`Đã thành lập ${round.teams.length} đoàn công tác liên ngành:`)]));
    for (const t of round.teams) {
      const orgs = [...new Set(t.members.map((m) => m.organisation))];
      const members = t.members.length ? `${t.members.length} thành viên (${orgs.join(', ')})` : 'chưa có danh sách thành viên';
      out.push(para([run(`- ${t.name}: `, { bold: true }), run(`${t.leader ? `trưởng đoàn ${t.leader}; ` : ''}${members}; rà soát ${t.itemCount} xã, sản phẩm.`)]));
    }
  }
  out.push(subheading('3. Tiến độ thực hiện'));
  out.push(
    dataTable(
      ['TT', 'Nội dung', 'Thời hạn', 'Ngày hoàn thành', 'Tình trạng'],
      round.deadlines.map((d, i) => [String(i + 1), d.label, d.dueOn ? vnDate(d.dueOn) : '—', d.doneOn ? vnDate(d.doneOn) : '—', DEADLINE_STATE[d.state]]),
      [6, 42, 16, 18, 18],
      { alignLeft: [1], size: 24 },
    ),
  );
  return out;
}

function outcomeCounts(round: RoundDetail): string | null {
  const counts = new Map<string, number>();
  for (const i of round.items) {
    const o = i.outcome?.outcome;
    if (!o) continue;
    const label = i.kind === 'commune' ? COMMUNE_OUTCOME_LABELS[o as CommuneOutcome] : PRODUCT_OUTCOME_LABELS[o as ProductOutcome];
    const key = `${i.kind === 'commune' ? 'xã' : 'sản phẩm'} ${lowerFirst(label ?? o)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

function resultsSection(data: RoundReportData): FileChild[] {
  const { round, totals } = data;
  const total = round.communeCount + round.productCount;
  const pending = round.items.filter((i) => i.result === 'pending').length;
  const confirmed = round.items.filter((i) => i.result === 'confirmed').length;
  const out: FileChild[] = [heading('II. KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ LẠI'), subheading('1. Kết quả chung')];
  const outcomes = outcomeCounts(round);
  const unit = round.productCount === 0 ? 'xã' : round.communeCount === 0 ? 'sản phẩm' : 'xã, sản phẩm';
  const kept = round.productCount === 0 ? 'giữ chuẩn' : round.communeCount === 0 ? 'giữ hạng' : 'giữ chuẩn, giữ hạng';
  out.push(
    para([
      run(
        `Các đoàn đã rà soát ${round.reviewedCount}/${total} ${unit}: ${confirmed} ${kept}; ${round.notConfirmedCount} không đảm bảo${pending ? `; ${pending} chưa rà soát` : ''}.${outcomes ? ` Kết quả xử lý: ${outcomes}.` : ''}`,
      ),
    ]),
  );

  out.push(subheading('2. Đối chiếu kết quả tự đánh giá của xã với kết quả thẩm định'));
  const communes = data.communes;
  if (totals.communesJudged === 0 && totals.sector === 0) {
    out.push(para([run('Chưa có kết quả thẩm định của đoàn hoặc đánh giá của ngành nào được ghi nhận.')]));
  } else if (totals.team === 0 && totals.sector === 0) {
    out.push(para([run(`Đoàn đã thẩm định ${totals.communesJudged}/${round.communeCount} xã; kết quả thẩm định và đánh giá của các ngành thống nhất với kết quả tự đánh giá của các xã.`)]));
  } else {
    const sectorText = totals.sector ? ` Đánh giá của các ngành khác kết quả tự đánh giá ở ${totals.sector} chỉ tiêu.` : '';
    out.push(
      para([
        run(
          `Đoàn đã thẩm định ${totals.communesJudged}/${round.communeCount} xã. Có ${totals.team} chỉ tiêu kết quả thẩm định của đoàn khác kết quả tự đánh giá của xã, tại ${communes.filter((c) => c.team > 0).length} xã; ${totals.overstated} tiêu chí xã tự đánh giá đạt nhưng đoàn kết luận không đạt.${sectorText} Danh sách chi tiết từng chỉ tiêu, kèm minh chứng của các bên, tại ${ROUND_ANNEX_NAME}.`,
        ),
      ]),
    );
    const overstated = new Map<string, string[]>();
    for (const d of data.discrepancies.filter((x) => x.overstated && x.source === 'team')) {
      const list = overstated.get(d.communeName) ?? [];
      const label = `${d.criterionNo}. ${d.criterionName}`;
      if (!list.includes(label)) list.push(label);
      overstated.set(d.communeName, list);
    }
    if (overstated.size > 0) {
      out.push(para([run('Các tiêu chí xã tự đánh giá đạt nhưng đoàn kết luận không đạt:')]));
      for (const [name, list] of overstated) out.push(para([run(`- ${name}: `, { bold: true }), run(`tiêu chí ${list.join('; ')}.`)]));
    }
    out.push(caption('Bảng 1. Kết quả đối chiếu theo xã'));
    const sum = (pick: (c: (typeof communes)[number]) => number) => communes.reduce((a, c) => a + pick(c), 0);
    out.push(
      dataTable(
        ['TT', 'Xã', 'Tiêu chí đạt (xã tự đánh giá)', 'Tiêu chí đạt (đoàn thẩm định)', 'Chỉ tiêu khác biệt (đoàn)', 'Chỉ tiêu khác biệt (ngành)', 'Tiêu chí đánh giá cao hơn thực tế'],
        [
          ...communes.map((c, i) => [
            String(i + 1),
            c.name,
            c.selfMet === null ? '—' : `${c.selfMet}/${c.criteriaCount}`,
            c.teamMet === null ? '—' : `${c.teamMet}/${c.criteriaCount}`,
            String(c.team),
            String(c.sector),
            String(c.overstated),
          ]),
          ['', 'Tổng cộng', '', '', String(sum((c) => c.team)), String(sum((c) => c.sector)), String(sum((c) => c.overstated))],
        ],
        [6, 26, 14, 14, 13, 13, 14],
        { alignLeft: [1], size: 22, totalRow: true },
      ),
    );
    out.push(para([run('Số tiêu chí đạt của đoàn chỉ tính trên các tiêu chí đoàn đã thẩm định; tiêu chí đánh giá cao hơn thực tế là tiêu chí xã tự đánh giá đạt nhưng đoàn kết luận không đạt.', { italics: true, size: 24 })], { before: 60 }));
    out.push(caption('Bảng 2. Kết quả đối chiếu theo tiêu chí'));
    out.push(
      dataTable(
        ['TT', 'Tiêu chí', 'Ngành phụ trách', 'Chỉ tiêu khác biệt (đoàn)', 'Chỉ tiêu khác biệt (ngành)', 'Số xã'],
        data.criteria.map((c, i) => [String(i + 1), `${c.no}. ${c.name}`, c.sector, String(c.team), String(c.sectorFindings), String(c.communes)]),
        [6, 30, 28, 13, 13, 10],
        { alignLeft: [1, 2], size: 22 },
      ),
    );
    out.push(caption('Bảng 3. Kết quả đối chiếu theo ngành phụ trách'));
    out.push(
      dataTable(
        ['TT', 'Ngành phụ trách', 'Chỉ tiêu khác biệt (đoàn)', 'Chỉ tiêu khác biệt (ngành)', 'Số tiêu chí', 'Số xã'],
        data.sectors.map((s, i) => [String(i + 1), s.sector, String(s.team), String(s.sectorFindings), String(s.criteria), String(s.communes)]),
        [6, 46, 13, 13, 11, 11],
        { alignLeft: [1], size: 22 },
      ),
    );
  }

  out.push(subheading('3. Kết luận đối với từng xã, sản phẩm'));
  if (round.items.length === 0) out.push(para([run('Đợt rà soát không có xã, sản phẩm nào.')]));
  else {
    out.push(
      dataTable(
        ['TT', 'Xã, sản phẩm', 'Căn cứ đưa vào rà soát', 'Đoàn', 'Kết luận, xử lý'],
        round.items.map((i, k) => [String(k + 1), i.kind === 'commune' ? i.name : `${i.name} (${i.code})`, i.reason, i.teamName ?? '—', itemOutcomeView(i).text]),
        [6, 17, 26, 17, 34],
        { alignLeft: [1, 2, 3, 4], size: 22 },
      ),
    );
  }
  return out;
}

/**
 * The round's report (báo cáo kết quả rà soát, đánh giá lại) in the format of NĐ 30/2020: the deciding document
 * named; the scope, the teams and the deadlines; the review's results with the objectivity check (the communes'
 * self-assessments against the teams' and the sectors' findings: counts per commune, criterion and sector, the
 * criteria overstated named); the conclusion per commune and product; the office's conclusion and proposals.
 */
export async function roundReportDocx(data: RoundReportData, lines: DocumentLines, subject: string): Promise<Buffer> {
  const { round } = data;
  const office = lines.heading.officeName;
  const children: FileChild[] = [
    documentHeader(lines.heading),
    ...documentTitle('BÁO CÁO', subject),
    para([run(`Thực hiện Văn bản số ${round.documentNo} ngày ${vnDate(round.documentDate)} của ${round.issuer} về ${lowerFirst(round.title)}, ${office} báo cáo kết quả như sau:`)]),
    ...organisationSection(round),
    ...resultsSection(data),
    heading('III. KẾT LUẬN, KIẾN NGHỊ'),
    ...narrativeParagraphs(round.conclusion ?? ''),
    // The closing line stays with the signature.
    para([run(`Trên đây là báo cáo ${lowerFirst(subject)} của ${office}${data.discrepancies.length ? `; danh sách chi tiết các chỉ tiêu có khác biệt tại ${ROUND_ANNEX_NAME}` : ''}./.`)], { keepNext: true }),
    signatureBlock(lines.signature),
  ];
  return nd30Document({ creator: office, title: subject, description: `${round.documentNo}: ${round.title}` }, children);
}
