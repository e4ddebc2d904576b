import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../services/app';
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
