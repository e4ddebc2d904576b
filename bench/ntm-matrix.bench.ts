import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NtmMatrix } from '../core/contract/ntm';
import { REGION_CODES } from '../core/ntm/index';
import { getOfficeProfile } from '../db/office';
import { openApp, type AppHandle } from '../services/app';
import { loadCatalog } from '../services/ntm/catalogs';
import { medianMs, seededRandom, type Bench } from './bench';

/**
 * The 'ntm.matrix' service, called through dispatch as every host does, for a province office over 3,321
 * communes against the same office over 33. The province is Hồ Chí Minh City (79, the largest after 1 July
 * 2025, 168 communes); the office's rows are trimmed to 33, or topped up to 3,321 with every other current
 * commune of the country, then every commune gets a 2025-Q2 assessment with synthetic values for all 30
 * indicators of QĐ 318. The ratio is of time per commune: the goal is that it stays close to 1.
 */
const PERIOD = '2025-Q2';
const PROVINCE = '79';
const SMALL = 33;
const LARGE = 3321;

/** A province office whose rows are trimmed or topped up to `communes`, each with a synthetic 2025-Q2 assessment. */
export async function provinceOffice(communes: number): Promise<{ app: AppHandle; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-bench-matrix-'));
  const app = await openApp({ dataDir: dir, now: () => new Date('2025-06-20T08:00:00Z') });
  const setup = await app.dispatch('setup.complete', {
    kind: 'province',
    provinceCode: PROVINCE,
    unitCode: PROVINCE,
    officeName: 'Sở Nông nghiệp và Môi trường',
    parentBodyName: 'UBND THÀNH PHỐ HỒ CHÍ MINH',
    staffName: 'Bench',
  });
  if (!setup.ok) throw new Error(setup.error.message);
  await app.dispatch('ntm.communes.list', {});
  const { db } = app.context;
  const officeCode = (await getOfficeProfile(db))!.officeCode;
  const own = await db
    .selectFrom('ntm_commune')
    .select('id')
    .where('office_code', '=', officeCode)
    .orderBy('id')
    .execute();
  const at = app.context.now().toISOString();
  const loaded = await loadCatalog(app.context, undefined, 2025);
  const random = seededRandom(communes);

  await db.transaction().execute(async (trx) => {
    if (communes < own.length) {
      await trx
        .updateTable('ntm_commune')
        .set({ deleted: 1 })
        .where(
          'id',
          'in',
          own.slice(communes).map((r) => r.id),
        )
        .execute();
    } else {
      const others = await trx
        .selectFrom('admin_unit')
        .select('id')
        .where('era', '=', 'current')
        .where('level', '=', 'commune')
        .where('province_code', '!=', PROVINCE)
        .orderBy('code')
        .limit(communes - own.length)
        .execute();
      for (let i = 0; i < others.length; i += 500) {
        await trx
          .insertInto('ntm_commune')
          .values(
            others.slice(i, i + 500).map((u) => ({
              id: app.context.newId(),
              office_code: officeCode,
              unit_id: u.id,
              updated_at: at,
              region: null,
              commune_group: null,
            })),
          )
          .execute();
      }
    }
    const live = await trx
      .selectFrom('ntm_commune')
      .select('id')
      .where('office_code', '=', officeCode)
      .where('deleted', '=', 0)
      .execute();
    const flags = loaded.compiled.flagCodes;
    for (const [k, c] of live.entries()) {
      const profile = {
        region: REGION_CODES[k % REGION_CODES.length]!,
        flags_json: JSON.stringify(Object.fromEntries(flags.map((f, j) => [f, (k >> j) % 5 === 0]))),
      };
      await trx.updateTable('ntm_commune').set(profile).where('id', '=', c.id).execute();
    }
    const values: {
      id: string;
      office_code: string;
      assessment_id: string;
      indicator_code: string;
      value_json: string | null;
      manual_met: 0 | 1 | null;
      evidence: string | null;
      entered_by: string;
      updated_at: string;
    }[] = [];
    for (let i = 0; i < live.length; i += 500) {
      const chunk = live.slice(i, i + 500).map((c) => ({
        id: app.context.newId(),
        office_code: officeCode,
        commune_id: c.id,
        period: PERIOD,
        catalog_id: loaded.catalog.id,
        catalog_revision: loaded.catalog.revision,
        status: 'draft' as const,
        updated_at: at,
        updated_by: 'Bench',
      }));
      await trx.insertInto('ntm_assessment').values(chunk).execute();
      for (const a of chunk) {
        for (const ind of loaded.compiled.indicators) {
          const src = ind.source;
          const value = ind.manual
            ? null
            : src.valueKind === 'boolean'
              ? random() < 0.85
              : src.valueKind === 'choice'
                ? src.choices![Math.floor(random() * src.choices!.length)]!.value
                : Math.round((40 + random() * 60) * 10) / 10;
          values.push({
            id: app.context.newId(),
            office_code: officeCode,
            assessment_id: a.id,
            indicator_code: ind.code,
            value_json: value === null ? null : JSON.stringify(value),
            manual_met: ind.manual ? (random() < 0.8 ? 1 : 0) : null,
            evidence: ind.manual ? `Biên bản kiểm tra số ${Math.floor(random() * 100)}` : null,
            entered_by: 'Bench',
            updated_at: at,
          });
        }
      }
    }
    for (let i = 0; i < values.length; i += 500)
      await trx
        .insertInto('ntm_value')
        .values(values.slice(i, i + 500))
        .execute();
  });
  return { app, dir };
}

async function matrixMs(communes: number, runs: number): Promise<number> {
  const { app, dir } = await provinceOffice(communes);
  try {
    const call = async () => {
      const r = await app.dispatch('ntm.matrix', { period: PERIOD });
      if (!r.ok) throw new Error(r.error.message);
      const rows = (r.value as NtmMatrix).rows.length;
      if (rows !== communes) throw new Error(`matrix has ${rows} rows, expected ${communes}`);
    };
    return await medianMs(call, runs);
  } finally {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const bench: Bench = {
  run: async (scale) => {
    const small = await matrixMs(SMALL, Math.round(20 * scale));
    const large = await matrixMs(LARGE, Math.round(7 * scale));
    return [
      {
        name: `ntm-matrix per commune (${LARGE} vs ${SMALL} communes)`,
        baselineMs: small / SMALL,
        subjectMs: large / LARGE,
        note: `whole call ${small.toFixed(1)} ms for ${SMALL}, ${large.toFixed(0)} ms for ${LARGE}`,
      },
    ];
  },
};
