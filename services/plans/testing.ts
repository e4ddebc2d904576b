import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../core/errors';
import { openApp, type AppHandle } from '../app';

/**
 * Test support for plans and verification: a real data folder in a temp directory set up as the district office
 * of Kỳ Sơn (Nghệ An, 417) before the reform, a clock the test can move, and a dispatch that throws the AppError
 * it receives. Not used by the app.
 */
export type PlansTestApp = {
  app: AppHandle;
  call: <T = any>(method: string, input: unknown) => Promise<T>;
  setToday: (iso: string) => void;
  close: () => void;
};

export const NAM_CAN = '16873';

export async function openPlansTestApp(today: string): Promise<PlansTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-plans-'));
  let clock = new Date(`${today}T03:00:00Z`);
  const app = await openApp({ dataDir: dir, now: () => clock });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as T;
  };
  await call('setup.complete', {
    kind: 'district', provinceCode: '40', unitCode: '417',
    officeName: 'Phòng Nông nghiệp và PTNT huyện Kỳ Sơn', parentBodyName: 'UBND HUYỆN KỲ SƠN', staffName: 'Lô Thị Mai',
  });
  return {
    app,
    call,
    setToday: (iso) => (clock = new Date(`${iso}T03:00:00Z`)),
    close: () => {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

type View = { indicators: { code: string; criterionNo: number; judgement: 'rule' | 'manual'; valueKind: string; choices: { value: string }[] | null }[] };

/**
 * Fills every indicator of a commune's quarter so that each criterion is met except those listed: hand-judged
 * indicators with evidence, rule indicators with a value on the right side of any threshold. The commune's
 * profile must be known (setMountainProfile) for regional thresholds.
 */
export async function fillQuarter(t: PlansTestApp, unitCode: string, period: string, notMet: number[] = [], catalogId?: string): Promise<void> {
  const view = await t.call<View>('ntm.assessment.get', { unitCode, period, catalogId });
  for (const i of view.indicators) {
    const met = !notMet.includes(i.criterionNo);
    const base = { unitCode, period, catalogId, indicatorCode: i.code };
    if (i.judgement === 'manual') {
      await t.call('ntm.assessment.setValue', { ...base, manualMet: met, evidence: `Biên bản tự đánh giá chỉ tiêu ${i.code}` });
      continue;
    }
    const value =
      i.valueKind === 'boolean' ? met
        : i.valueKind === 'choice' ? (met ? i.choices![i.choices!.length - 1]!.value : i.choices![0]!.value)
          : i.valueKind === 'percent' ? (met ? 100 : 0)
            : met ? 1_000_000 : 0;
    // A hand judgement too: it counts only where the source gives no threshold for the year (QĐ 1980 income before 2020).
    await t.call('ntm.assessment.setValue', { ...base, value, manualMet: met, evidence: `Biên bản tự đánh giá chỉ tiêu ${i.code}` });
  }
}

/** Region and flags every regional threshold of the shipped catalogs asks for (Nghệ An is in Bắc Trung Bộ). */
export async function setProfiles(t: PlansTestApp): Promise<void> {
  const communes = await t.call<{ unitCode: string }[]>('ntm.communes.list', {});
  await t.call('ntm.communes.setProfile', { unitCodes: communes.map((c) => c.unitCode), region: 'BTB', group: 3, flags: { xa_tren_3_truong: false, xa_an_toan_khu: false, xa_dac_biet_kho_khan: false, thuoc_huyen_ngheo_hoac_vua_thoat_ngheo_2018_2020: false } });
}
