import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../services/app';
import { sectorTasks } from '../../services/plans/roundReportTesting';
import { docxParagraphs } from '../../services/reports/testing';
import { runCliForTest } from '../testKit';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const cli = (cwd: string, ...argv: string[]) => runCliForTest(argv, { cwd });

describe('cli plans', () => {
  it('prints progress against the plan, as text and as JSON', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ntm-cli-plans-'));
    dirs.push(cwd);
    const app = await openApp({ dataDir: join(cwd, 'data'), now: () => new Date('2025-06-01T03:00:00Z') });
    const call = async (m: string, i: unknown) => {
      const r = await app.dispatch(m, i);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    await call('setup.complete', { kind: 'district', provinceCode: '40', unitCode: '417', officeName: 'Phòng NN&PTNT huyện Kỳ Sơn', parentBodyName: 'UBND HUYỆN KỲ SƠN', staffName: 'Lô Thị Mai' });
    await call('plans.save', {
      title: 'Kế hoạch NTM năm 2025', documentNo: '125/KH-UBND', documentDate: '2025-01-15', issuer: 'UBND huyện Kỳ Sơn', yearFrom: 2025, yearTo: 2025,
      targets: [{ metric: 'xa_ntm', mode: 'new', value: 2 }],
    });
    await call('ntm.recognitions.add', { unitCode: '16873', level: 'xa_ntm', decisionNo: '1/QĐ-UBND', decidedOn: '2025-03-01', issuer: 'UBND tỉnh Nghệ An' });
    app.close();
    const text = await cli(cwd, 'plans', 'progress', '--data-dir', 'data', '--year', '2025', '--as-of', '2025-06-01');
    expect(text.code).toBe(0);
    expect(text.out).toContain('[Đúng tiến độ] Xã đạt chuẩn NTM — thêm trong kỳ: 2 xã: đạt 1');
    const json = await cli(cwd, 'plans', 'progress', '--data-dir', 'data', '--year', '2025', '--as-of', '2025-06-01', '--json');
    const parsed = JSON.parse(json.out) as { ok: boolean; value: { targets: { achieved: number }[] }[] };
    expect(parsed.value[0]!.targets[0]!.achieved).toBe(1);
    const bad = await cli(cwd, 'plans', 'progress', '--data-dir', 'data', '--year', '25');
    expect(bad.code).toBe(1);
    expect((await cli(cwd, 'plans', 'list', '--data-dir', 'data')).out).toContain('Năm 2025');
  });
});

/** A data folder set up as the Kỳ Sơn office with one plan of 2025 (two targets). */
async function officeWithPlan(cwd: string, dir = 'data'): Promise<void> {
  const app = await openApp({ dataDir: join(cwd, dir), now: () => new Date('2025-06-01T03:00:00Z') });
  const call = async (m: string, i: unknown) => {
    const r = await app.dispatch(m, i);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await call('setup.complete', { kind: 'district', provinceCode: '40', unitCode: '417', officeName: 'Phòng NN&PTNT huyện Kỳ Sơn', parentBodyName: 'UBND HUYỆN KỲ SƠN', staffName: 'Lô Thị Mai' });
  if (dir === 'data') {
    await call('plans.save', {
      title: 'Kế hoạch NTM năm 2025', documentNo: '125/KH-UBND', documentDate: '2025-01-15', issuer: 'UBND huyện Kỳ Sơn', yearFrom: 2025, yearTo: 2025,
      targets: [{ metric: 'xa_ntm', mode: 'new', value: 2 }, { metric: 'thon_ntm', mode: 'new', value: 10, achievedManual: 4, note: 'Báo cáo của UBND các xã' }],
    });
  }
  app.close();
}

describe('cli plan import / export', () => {
  it('exports a plan with its targets as JSON and imports it into another office, or back as an update', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ntm-cli-plan-file-'));
    dirs.push(cwd);
    await officeWithPlan(cwd);
    await officeWithPlan(cwd, 'other');
    const exported = await cli(cwd, 'plan', 'export', '--data-dir', 'data', '--out', 'ke-hoach.json');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('Đã ghi kế hoạch "Kế hoạch NTM năm 2025" (2 chỉ tiêu)');
    const file = JSON.parse(readFileSync(join(cwd, 'ke-hoach.json'), 'utf8'));
    expect(file).toMatchObject({
      format: 'ntm-desk.plan',
      formatVersion: 1,
      plan: { title: 'Kế hoạch NTM năm 2025', documentNo: '125/KH-UBND', yearFrom: 2025, targets: [{ metric: 'xa_ntm', mode: 'new', value: 2 }, { metric: 'thon_ntm', achievedManual: 4, note: 'Báo cáo của UBND các xã' }] },
    });

    const created = await cli(cwd, 'plan', 'import', 'ke-hoach.json', '--data-dir', 'other', '--json');
    expect(created.code).toBe(0);
    expect(created.json().value).toMatchObject({ action: 'created', plan: { title: 'Kế hoạch NTM năm 2025', targets: [{ label: 'Xã đạt chuẩn NTM — thêm trong kỳ: 2 xã' }, { achievedManual: 4 }] } });
    expect((await cli(cwd, 'plan', 'list', '--data-dir', 'other')).out).toContain('125/KH-UBND');

    // Edited in the file and imported back: the same plan, its targets replaced.
    file.plan.targets[0].value = 3;
    writeFileSync(join(cwd, 'ke-hoach.json'), JSON.stringify(file));
    const updated = await cli(cwd, 'plan', 'import', 'ke-hoach.json', '--data-dir', 'data');
    expect(updated.code).toBe(0);
    expect(updated.out).toContain('Đã cập nhật kế hoạch "Kế hoạch NTM năm 2025"');
    const list = (await cli(cwd, 'plans', 'list', '--data-dir', 'data', '--json')).json().value as { id: string }[];
    expect(list).toHaveLength(1);
    expect((await cli(cwd, 'plan', 'progress', '--data-dir', 'data', '--year', '2025', '--as-of', '2025-06-01')).out).toContain('thêm trong kỳ: 3 xã');
  });

  it('refuses an invalid plan file listing every problem, and changes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ntm-cli-plan-bad-'));
    dirs.push(cwd);
    await officeWithPlan(cwd);
    writeFileSync(
      join(cwd, 'sai.json'),
      JSON.stringify({ format: 'ntm-desk.plan', formatVersion: 1, plan: { title: '', documentNo: '12/KH-UBND', documentDate: '15/01/2026', issuer: 'UBND huyện', yearFrom: 2026, yearTo: 2026, targets: [{ metric: 'xa_ntm', mode: 'new', value: 2 }, { metric: 'xa_hien_dai', mode: 'new', value: -1 }] } }),
    );
    const bad = await cli(cwd, 'plan', 'import', 'sai.json', '--data-dir', 'data');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Lỗi PLAN_FILE_INVALID');
    expect(bad.err).toContain('có 4 lỗi, chưa nhập gì');
    for (const where of ['plan.title: Không được để trống.', 'plan.documentDate: Ngày theo dạng YYYY-MM-DD.', 'plan.targets[1].metric:', 'plan.targets[1].value:']) expect(bad.err).toContain(where);
    writeFileSync(join(cwd, 'hong.json'), '{"plan": ');
    expect((await cli(cwd, 'plan', 'import', 'hong.json', '--data-dir', 'data')).err).toContain('không phải JSON hợp lệ');
    // A target the domain refuses (a percentage over 100) is refused by the service, still before anything is saved.
    writeFileSync(join(cwd, 'pct.json'), JSON.stringify({ title: 'KH 2026', documentNo: '1/KH', documentDate: '2026-01-05', issuer: 'UBND huyện', yearFrom: 2026, yearTo: 2026, targets: [{ metric: 'xa_ntm', mode: 'percent', value: 120 }] }));
    const pct = await cli(cwd, 'plan', 'import', 'pct.json', '--data-dir', 'data');
    expect(pct.code).toBe(1);
    expect(pct.err).toContain('tỷ lệ không quá 100%');
    expect(((await cli(cwd, 'plans', 'list', '--data-dir', 'data', '--json')).json().value as unknown[]).length).toBe(1);
    expect((await cli(cwd, 'plan', 'import', 'khong-co.json', '--data-dir', 'data')).err).toContain('Không đọc được tệp');
  });
});

describe('cli round report, task list, task reminder', () => {
  it('writes the round report and its annex, lists overdue tasks under both names, and writes a sector’s reminder letter', async () => {
    const t = await sectorTasks();
    const dataDir = t.app.context.dataDir;
    t.app.close();
    dirs.push(dataDir);
    const cwd = mkdtempSync(join(tmpdir(), 'ntm-cli-round-'));
    dirs.push(cwd);
    const rounds = (await cli(cwd, 'plans', 'rounds', '--data-dir', dataDir, '--json')).json().value as { id: string }[];
    expect((await cli(cwd, 'round', 'list', '--data-dir', dataDir)).out).toContain('08/BCĐ-VPĐP');

    const report = await cli(cwd, 'round', 'report', '--round', rounds[0]!.id, '--out', 'bao-cao', '--number', '112', '--data-dir', dataDir);
    expect(report.code).toBe(0);
    expect(readdirSync(join(cwd, 'bao-cao')).sort()).toEqual(['bao-cao-ket-qua-ra-soat-08-bcd-vpdp.docx', 'phu-luc-ket-qua-ra-soat-08-bcd-vpdp.xlsx']);
    const text = docxParagraphs(readFileSync(join(cwd, 'bao-cao', 'bao-cao-ket-qua-ra-soat-08-bcd-vpdp.docx')).toString('base64'));
    expect(text).toContain('Số: 112/BC-UBND');
    expect(text.some((p) => p.startsWith('Đoàn đã thẩm định 2/3 xã. Có 3 chỉ tiêu'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(cwd, 'bao-cao', 'phu-luc-ket-qua-ra-soat-08-bcd-vpdp.xlsx')) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Phụ lục 01')!.rowCount).toBe(6 + 4);
    const missing = await cli(cwd, 'round', 'report', '--out', 'x', '--data-dir', dataDir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Thiếu --round');
    expect(existsSync(join(cwd, 'x'))).toBe(false);

    const overdue = await cli(cwd, 'task', 'list', '--overdue', '--data-dir', dataDir);
    expect(overdue.code).toBe(0);
    expect(overdue.out).toContain('QUÁ HẠN');
    expect(overdue.out).toContain('Bộ Giao thông vận tải: Khắc phục tiêu chí 2. Giao thông tại Xã Tà Cạ');
    expect(overdue.out).not.toContain('Lập hồ sơ cứng hóa đường trục thôn');
    expect(overdue.out).toBe((await cli(cwd, 'plans', 'tasks', '--overdue', '--data-dir', dataDir)).out);

    const letter = await cli(cwd, 'task', 'reminder', '--sector', 'Bộ Giao thông vận tải', '--date', '2022-12-10', '--out', 'cong-van', '--data-dir', dataDir);
    expect(letter.code).toBe(0);
    const body = docxParagraphs(readFileSync(join(cwd, 'cong-van', 'cong-van-don-doc-bo-giao-thong-van-tai-2022-12-10.docx')).toString('base64'));
    expect(body).toContain('Kính gửi: Bộ Giao thông vận tải.');
    expect(body).toContain('Kỳ Sơn, ngày 10 tháng 12 năm 2022');
  }, 60_000);
});

