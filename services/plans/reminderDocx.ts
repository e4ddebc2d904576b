import { AlignmentType, type FileChild } from 'docx';
import type { PlanTask, SectorFailingItem } from '../../core/contract/plans';
import { parseReportPeriod, reportPeriodLabel } from '../../core/reports/index';
import type { DocumentLines } from '../reports/documentLines';
import { dataTable, documentHeader, nd30Document, para, run, signatureBlock } from '../reports/nd30Docx';
import { vnDate } from './officeCommunes';

/** What the reminder letter says: to whom, on what basis, the overdue tasks and the failing criteria. */
export type ReminderContent = {
  sector: string;
  /** The day the items are judged at (ISO). */
  asOf: string;
  replyBy: string;
  /** "Kế hoạch số 125/KH-UBND ngày 15/01/2025 của UBND huyện Kỳ Sơn về …", one per document. */
  basis: string[];
  tasks: PlanTask[];
  failing: SectorFailingItem[];
};

/** The subject under the number, in two lines that fit the 66 mm column at 12 pt. */
export const REMINDER_EXCERPT = 'V/v đôn đốc thực hiện nhiệm vụ\nxây dựng nông thôn mới quá hạn';

/** A numbered part's title; after a table it needs the space a table does not leave. */
const part = (text: string) => para([run(text, { bold: true, italics: true })], { keepNext: true, before: 120 });

/** The task's link as the letter names it: commune and criterion, product, or nothing when the title says it. */
function taskSubject(t: PlanTask): string {
  const parts = [
    t.communeName ? `${t.communeName}${t.criterionNo !== null ? `, tiêu chí ${t.criterionNo}${t.criterionName ? `. ${t.criterionName}` : ''}` : ''}` : null,
    t.productName ? `Sản phẩm ${t.productName}${t.productCode ? ` (${t.productCode})` : ''}` : null,
  ].filter((p): p is string => p !== null);
  return parts.join('; ') || '—';
}

function taskBasis(t: PlanTask): string {
  if (t.document) return `${t.document.no} ngày ${vnDate(t.document.date)}${t.document.issuer ? ` của ${t.document.issuer}` : ''}`;
  if (t.roundTitle) return `Kết quả ${t.roundTitle.charAt(0).toLocaleLowerCase('vi-VN')}${t.roundTitle.slice(1)}`;
  return t.origin === 'roadmap' ? 'Lộ trình xây dựng nông thôn mới của xã' : '—';
}

/**
 * A công văn đôn đốc in the format of NĐ 30/2020 (Phụ lục I, mẫu 1.4): the header with the number and the subject
 * ("V/v …") under it; "Kính gửi:" the sector; the documents it rests on; the sector's tasks past their deadline and
 * the criteria it is responsible for that the communes' latest self-assessments show not met with no task to remedy
 * them; the request to finish and report back by a date; "Như trên" and the signer.
 */
export async function reminderDocx(content: ReminderContent, lines: DocumentLines): Promise<Buffer> {
  const office = lines.heading.officeName;
  const { tasks, failing, sector } = content;
  const counts = [tasks.length ? `${tasks.length} nhiệm vụ đã quá thời hạn hoàn thành` : null, failing.length ? `${failing.length} tiêu chí thuộc lĩnh vực ngành phụ trách chưa đạt tại các xã nhưng chưa có nhiệm vụ khắc phục` : null].filter(Boolean);
  const children: FileChild[] = [
    documentHeader({ ...lines.heading, excerpt: REMINDER_EXCERPT }),
    para([run('Kính gửi: '), run(`${sector}.`)], { align: AlignmentType.CENTER, indent: false, before: 360, after: 240 }),
    ...content.basis.map((b) => para([run(`Căn cứ ${b};`)])),
    para([run(`Theo dõi kết quả thực hiện đến ngày ${vnDate(content.asOf)}, ${sector} còn ${counts.join(' và ')}, cụ thể như sau:`)]),
  ];
  let section = 0;
  if (tasks.length) {
    children.push(part(`${++section}. Nhiệm vụ quá thời hạn hoàn thành`));
    children.push(
      dataTable(
        ['TT', 'Nội dung nhiệm vụ', 'Xã, sản phẩm, tiêu chí', 'Văn bản giao', 'Thời hạn', 'Quá hạn (ngày)'],
        tasks.map((t, i) => [String(i + 1), t.title, taskSubject(t), taskBasis(t), vnDate(t.dueOn), String(-t.daysLeft)]),
        [5, 33, 18, 18, 14, 12],
        { alignLeft: [1, 2, 3], size: 22 },
      ),
    );
  }
  if (failing.length) {
    children.push(part(`${section + 1}. Tiêu chí chưa đạt chưa có nhiệm vụ khắc phục`));
    children.push(
      dataTable(
        ['TT', 'Xã', 'Tiêu chí chưa đạt', 'Bộ tiêu chí', 'Kỳ đánh giá'],
        failing.map((f, i) => [String(i + 1), f.communeName, `${f.criterionNo}. ${f.criterionName}`, f.catalogName, reportPeriodLabel(parseReportPeriod(f.period))]),
        [6, 20, 32, 28, 14],
        { alignLeft: [1, 2, 3], size: 22 },
      ),
    );
  }
  children.push(
    // The request closes the letter and stays with the signature (a signature alone on a page is not a document).
    para(
      [
        run(
          `Để bảo đảm tiến độ thực hiện kế hoạch, ${office} đề nghị ${sector} khẩn trương chỉ đạo, phối hợp với Ủy ban nhân dân các xã hoàn thành các nội dung nêu trên; báo cáo kết quả thực hiện về ${office} trước ngày ${vnDate(content.replyBy)} để tổng hợp, báo cáo cấp có thẩm quyền./.`,
        ),
      ],
      { before: 120, keepNext: true },
    ),
    signatureBlock(lines.signature),
  );
  return nd30Document({ creator: office, title: `Đôn đốc ${sector}`, description: `Nhiệm vụ quá hạn và tiêu chí chưa đạt đến ngày ${vnDate(content.asOf)}` }, children);
}
