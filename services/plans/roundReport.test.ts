import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoundDetail } from '../../core/contract/plans';
import type { ReportFile } from '../../core/contract/reports';
import { HEADER_ROW } from '../reports/annexXlsx';
import { docxParagraphs, docxTables } from '../reports/testing';
import { judgedRound, TA_CA } from './roundReportTesting';
import { NAM_CAN, openPlansTestApp, setProfiles, type PlansTestApp } from './testing';

let t: PlansTestApp | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

/** The rows of an annex sheet below its header row, as plain values. */
async function sheetRows(file: ReportFile, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name)!;
  const out: unknown[][] = [];
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    values.length = Math.max(values.length, ws.columnCount);
    out.push(Array.from(values, (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : (v ?? null))));
  }
  return out;
}

describe('round report (báo cáo kết quả rà soát, đánh giá lại)', () => {
  it('writes the report in NĐ 30/2020 format with the discrepancy counts per round, commune, criterion and sector, naming what was overstated', async () => {
    const built = await judgedRound();
    t = built.app;
    expect(built.round).toMatchObject({ differenceCount: 3, overstatedCount: 2, communesWithDifferences: 2 });
    const file = await t.call<ReportFile>('plans.rounds.reportDocx', { id: built.round.id, document: { documentNo: '112', signerTitle: 'TRƯỞNG PHÒNG', signerName: 'Vi Văn Sơn' } });
    expect(file.fileName).toBe('bao-cao-ket-qua-ra-soat-08-bcd-vpdp.docx');
    const text = docxParagraphs(file.contentBase64);
    // Header block: issuing body left, Quốc hiệu and Tiêu ngữ right, number and symbol, place and date (the day it reported).
    expect(text.slice(0, 6)).toEqual([
      'UBND HUYỆN KỲ SƠN',
      'PHÒNG NÔNG NGHIỆP VÀ PTNT HUYỆN KỲ SƠN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 112/BC-UBND',
      'Kỳ Sơn, ngày 25 tháng 10 năm 2022',
    ]);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kết quả rà soát, đánh giá lại xã đạt chuẩn nông thôn mới năm 2019, 2020');
    expect(text).toContain(
      'Thực hiện Văn bản số 08/BCĐ-VPĐP ngày 01/09/2022 của Ban Chỉ đạo các Chương trình MTQG tỉnh về rà soát, đánh giá lại xã đạt chuẩn nông thôn mới năm 2019, 2020, Phòng Nông nghiệp và PTNT huyện Kỳ Sơn báo cáo kết quả như sau:',
    );
    expect(text).toContain(
      'Đoàn đã thẩm định 2/3 xã. Có 3 chỉ tiêu kết quả thẩm định của đoàn khác kết quả tự đánh giá của xã, tại 2 xã; 2 tiêu chí xã tự đánh giá đạt nhưng đoàn kết luận không đạt. Đánh giá của các ngành khác kết quả tự đánh giá ở 1 chỉ tiêu. Danh sách chi tiết từng chỉ tiêu, kèm minh chứng của các bên, tại Phụ lục kèm theo.',
    );
    expect(text).toContain('- Xã Nậm Càn: tiêu chí 17. Môi trường và an toàn thực phẩm.');
    expect(text).toContain('- Xã Tà Cạ: tiêu chí 2. Giao thông.');
    expect(text).toContain('Đề nghị xã Nậm Càn khắc phục tiêu chí 17 trước ngày 31/12/2022.');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Ban Chỉ đạo các Chương trình MTQG tỉnh (để báo cáo);');
    expect(text.slice(-2)).toEqual(['TRƯỞNG PHÒNG', 'Vi Văn Sơn']);

    const tables = docxTables(file.contentBase64);
    const byHeader = (second: string) => tables.find((tb) => tb[0]![1] === second)!;
    // Per commune: self-assessed and team counts, discrepancies of the team and the sectors, criteria overstated.
    expect(byHeader('Xã').slice(1)).toEqual([
      ['1', 'Xã Tà Cạ', '18/19', '1/19', '2', '1', '1'],
      ['2', 'Xã Hữu Kiệm', '—', '—', '0', '0', '0'],
      ['3', 'Xã Nậm Càn', '19/19', '1/19', '1', '0', '1'],
      ['', 'Tổng cộng', '', '', '3', '1', '2'],
    ]);
    expect(byHeader('Tiêu chí').slice(1)).toEqual([
      ['1', '2. Giao thông', 'Bộ Giao thông vận tải', '1', '0', '1'],
      ['2', '13. Tổ chức sản xuất và phát triển kinh tế nông thôn', 'Bộ NN&PTNT', '1', '1', '1'],
      ['3', '17. Môi trường và an toàn thực phẩm', 'Bộ Tài nguyên và Môi trường / Bộ NN&PTNT / Bộ Y tế / Bộ Công Thương', '1', '0', '1'],
    ]);
    expect(byHeader('Ngành phụ trách').slice(1).map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ['Bộ NN&PTNT', '1', '1', '1', '1'],
      ['Bộ Giao thông vận tải', '1', '0', '1', '1'],
      ['Bộ Tài nguyên và Môi trường / Bộ NN&PTNT / Bộ Y tế / Bộ Công Thương', '1', '0', '1', '1'],
    ]);
    const outcomes = byHeader('Xã, sản phẩm');
    expect(outcomes.find((r) => r[1] === 'Xã Nậm Càn')![4]).toContain('Không đảm bảo');
    expect(outcomes.find((r) => r[1] === 'Xã Nậm Càn')![4]).toContain('31/12/2022');
    expect(outcomes.find((r) => r[1] === 'Xã Tà Cạ')![4]).toBe('Giữ chuẩn (ngày 05/09/2022).');
    expect(outcomes.find((r) => r[1] === 'Xã Hữu Kiệm')![4]).toBe('Chưa rà soát.');
  });

  it('lists every discrepancy in the XLSX annex with both sides’ value, result and evidence, and the counts', async () => {
    const built = await judgedRound();
    t = built.app;
    const file = await t.call<ReportFile>('plans.rounds.reportXlsx', { id: built.round.id, document: { documentNo: '112' } });
    expect(file.fileName).toBe('phu-luc-ket-qua-ra-soat-08-bcd-vpdp.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03', 'Phụ lục 04', 'Phụ lục 05', 'Phụ lục 06']);
    expect(wb.getWorksheet('Phụ lục 01')!.getCell(4, 1).value).toBe('(Kèm theo Báo cáo số 112/BC-UBND ngày 25/10/2022 của Phòng Nông nghiệp và PTNT huyện Kỳ Sơn)');

    const list = await sheetRows(file, 'Phụ lục 01');
    expect(list.map((r) => [r[1], r[4], r[6], r[8], r[9], r[11], r[14], r[16]])).toEqual([
      [TA_CA, 2, '2', 'Bộ Giao thông vận tải', 'Đoàn thẩm định', 'Đạt', 'Không đạt', 1],
      [TA_CA, 13, '13', 'Bộ NN&PTNT', 'Đoàn thẩm định', 'Không đạt', 'Đạt', 0],
      [TA_CA, 13, '13', 'Bộ NN&PTNT', 'Ngành: Phòng Nông nghiệp và PTNT', 'Không đạt', 'Đạt', 0],
      [NAM_CAN, 17, '17.*', 'Bộ Tài nguyên và Môi trường / Bộ NN&PTNT / Bộ Y tế / Bộ Công Thương', 'Đoàn thẩm định', 'Đạt', 'Không đạt', 1],
    ]);
    const namCan = list[3]!;
    expect(namCan[2]).toBe('Xã Nậm Càn');
    expect(namCan[12]).toBe('Biên bản tự đánh giá chỉ tiêu 17.*');
    expect(namCan[15]).toBe('Kiểm tra thực tế: bãi rác thôn Xốp Lau chưa xử lý');
    expect(list[2]![15]).toBe('Báo cáo của Phòng NN&PTNT');

    expect((await sheetRows(file, 'Phụ lục 02')).map((r) => [r[1], r[2]])).toEqual([
      ['Xã thuộc phạm vi rà soát', 3],
      ['Sản phẩm OCOP thuộc phạm vi rà soát', 0],
      ['Xã, sản phẩm đã có kết luận rà soát', 2],
      ['Xã, sản phẩm không đảm bảo', 1],
      ['Xã đoàn đã thẩm định', 2],
      ['Chỉ tiêu kết quả thẩm định của đoàn khác kết quả tự đánh giá', 3],
      ['Chỉ tiêu đánh giá của ngành khác kết quả tự đánh giá', 1],
      ['Xã có chỉ tiêu khác biệt', 2],
      ['Tiêu chí xã tự đánh giá đạt nhưng đoàn kết luận không đạt', 2],
    ]);
    const communes = await sheetRows(file, 'Phụ lục 03');
    expect(communes.map((r) => [r[2], r[6], r[7], r[8], r[9], r[10], r[11]])).toEqual([
      ['Xã Tà Cạ', 18, 1, 2, 2, 1, 1],
      ['Xã Hữu Kiệm', null, null, 0, 0, 0, 0],
      ['Xã Nậm Càn', 19, 1, 2, 1, 0, 1],
      ['Tổng cộng', null, null, 4, 3, 1, 2],
    ]);
    expect((await sheetRows(file, 'Phụ lục 04')).map((r) => [r[1], r[4], r[5], r[6], r[7]])).toEqual([
      [2, 1, 0, 1, 1],
      [13, 1, 1, 1, 0],
      [17, 1, 0, 1, 1],
      [null, 3, 1, null, null],
    ]);
    const outcomes = await sheetRows(file, 'Phụ lục 06');
    const nc = outcomes.find((r) => r[2] === NAM_CAN)!;
    expect([nc[6], nc[9], nc[10], nc[11]]).toEqual(['Không đảm bảo', expect.stringContaining('Phải khắc phục'), 'Tiêu chí 17 không đảm bảo', '2022-12-31']);
    expect(nc[13]).toBe(`Quyết định công nhận số ${NAM_CAN}/QĐ-UBND ngày 15/12/2019`);
  });

  it('says so when nobody has judged yet, and refuses an unknown round', async () => {
    t = await openPlansTestApp('2021-03-10');
    await setProfiles(t);
    await t.call('ntm.recognitions.add', { unitCode: NAM_CAN, level: 'xa_ntm', decisionNo: '1/QĐ-UBND', decidedOn: '2019-12-15', issuer: 'UBND tỉnh Nghệ An' });
    const round = await t.call<RoundDetail>('plans.rounds.save', {
      title: 'Rà soát xã đạt chuẩn 2019', documentNo: '08/BCĐ-VPĐP', documentDate: '2021-03-08', issuer: 'Ban Chỉ đạo tỉnh',
      scope: { communes: { levels: ['xa_ntm'], recognizedFrom: '2019-01-01', recognizedTo: '2019-12-31' }, products: null },
    });
    const text = docxParagraphs((await t.call<ReportFile>('plans.rounds.reportDocx', { id: round.id })).contentBase64);
    expect(text).toContain('Chưa có kết quả thẩm định của đoàn hoặc đánh giá của ngành nào được ghi nhận.');
    expect(text).toContain('Kỳ Sơn, ngày 10 tháng 3 năm 2021');
    expect(text).toContain('…………………………………………………………………………………');
    expect((await sheetRows(await t.call<ReportFile>('plans.rounds.reportXlsx', { id: round.id }), 'Phụ lục 01'))).toEqual([]);
    await expect(t.call('plans.rounds.reportDocx', { id: '0190f3a0-0000-7000-8000-000000000009' })).rejects.toMatchObject({ code: 'ROUND_NOT_FOUND' });
  });
});
