import { afterEach, describe, expect, it } from 'vitest';
import type { ReportFile } from '../../core/contract/reports';
import { docxParagraphs, docxTables } from '../reports/testing';
import { sectorTasks } from './roundReportTesting';
import type { PlansTestApp } from './testing';

let t: PlansTestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const GTVT = 'Bộ Giao thông vận tải';

describe('reminder letter (công văn đôn đốc)', () => {
  it('lists exactly the sector’s overdue tasks and its failing criteria with no task, on the basis of the plan, the assigning document and the criteria set', async () => {
    t = await sectorTasks();
    const file = await t.call<ReportFile>('plans.tasks.reminderDocx', { sector: GTVT, document: { signerTitle: 'KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG', signerName: 'Vi Văn Sơn' } });
    expect(file.fileName).toBe('cong-van-don-doc-bo-giao-thong-van-tai-2022-12-10.docx');
    const text = docxParagraphs(file.contentBase64);
    expect(text.slice(0, 8)).toEqual([
      'UBND HUYỆN KỲ SƠN',
      'PHÒNG NÔNG NGHIỆP VÀ PTNT HUYỆN KỲ SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/UBND',
      'V/v đôn đốc thực hiện nhiệm vụ',
      'xây dựng nông thôn mới quá hạn',
      'Kỳ Sơn, ngày 10 tháng 12 năm 2022',
    ]);
    expect(text).toContain('Kính gửi: Bộ Giao thông vận tải.');
    expect(text.filter((p) => p.startsWith('Căn cứ '))).toEqual([
      'Căn cứ Kế hoạch số 125/KH-UBND ngày 15/01/2022 của UBND huyện Kỳ Sơn về xây dựng nông thôn mới năm 2022;',
      'Căn cứ Văn bản số 120/UBND-NN ngày 26/10/2022 của UBND huyện Kỳ Sơn giao nhiệm vụ;',
      'Căn cứ Quyết định số 318/QĐ-TTg ngày 08/03/2022 ban hành Bộ tiêu chí quốc gia về xã nông thôn mới và Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021–2025;',
    ]);
    expect(text).toContain(
      'Theo dõi kết quả thực hiện đến ngày 10/12/2022, Bộ Giao thông vận tải còn 1 nhiệm vụ đã quá thời hạn hoàn thành và 1 tiêu chí thuộc lĩnh vực ngành phụ trách chưa đạt tại các xã nhưng chưa có nhiệm vụ khắc phục, cụ thể như sau:',
    );
    const [, tasks, failing] = docxTables(file.contentBase64);
    // Only the overdue task of this sector: not the one done, not the one not yet due, not another sector's.
    expect(tasks!.slice(1)).toEqual([
      ['1', expect.stringContaining('Khắc phục tiêu chí 2. Giao thông tại Xã Tà Cạ'), 'Xã Tà Cạ, tiêu chí 2. Giao thông', '120/UBND-NN ngày 26/10/2022 của UBND huyện Kỳ Sơn', '30/11/2022', '10'],
    ]);
    // Only Hữu Kiệm's 2 (its 5 belongs to Bộ Giáo dục và Đào tạo; Tà Cạ's 2 has its task).
    expect(failing!.slice(1)).toEqual([['1', 'Xã Hữu Kiệm', '2. Giao thông', 'Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025', 'Quý III năm 2022']]);
    expect(text).toContain(
      'Để bảo đảm tiến độ thực hiện kế hoạch, Phòng Nông nghiệp và PTNT huyện Kỳ Sơn đề nghị Bộ Giao thông vận tải khẩn trương chỉ đạo, phối hợp với Ủy ban nhân dân các xã hoàn thành các nội dung nêu trên; báo cáo kết quả thực hiện về Phòng Nông nghiệp và PTNT huyện Kỳ Sơn trước ngày 25/12/2022 để tổng hợp, báo cáo cấp có thẩm quyền./.',
    );
    expect(text).toContain('- Như trên;');
    expect(text.slice(-3)).toEqual(['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG', 'Vi Văn Sơn']);
  });

  it('adds the documents the caller names, and refuses a sector with nothing overdue or a reply date before the letter', async () => {
    t = await sectorTasks();
    const file = await t.call<ReportFile>('plans.tasks.reminderDocx', { sector: GTVT, replyBy: '2022-12-20', basis: ['Nghị quyết số 05-NQ/HU ngày 10/01/2022 của Ban Thường vụ Huyện ủy.'] });
    const text = docxParagraphs(file.contentBase64);
    expect(text).toContain('Căn cứ Nghị quyết số 05-NQ/HU ngày 10/01/2022 của Ban Thường vụ Huyện ủy;');
    expect(text.some((p) => p.includes('trước ngày 20/12/2022'))).toBe(true);
    await expect(t.call('plans.tasks.reminderDocx', { sector: 'Bộ Quốc phòng / Bộ Công an' })).rejects.toMatchObject({ code: 'REMINDER_NOTHING_OVERDUE', message: expect.stringContaining('không có nhiệm vụ quá hạn') });
    // Before the deadline nothing of the task is overdue; Hữu Kiệm's criterion was not yet assessed then either.
    await expect(t.call('plans.tasks.reminderDocx', { sector: GTVT, replyBy: '2022-12-01' })).rejects.toMatchObject({ code: 'REMINDER_REPLY_BEFORE_DATE' });
  });
});
