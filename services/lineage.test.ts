import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminUnit, UnitLineage } from '../core/contract/domain';
import type { Result } from '../core/errors';
import { openApp, type AppHandle } from './app';
import { loadLineage } from '../db/units';

const apps: AppHandle[] = [];
const dirs: string[] = [];
afterEach(() => {
  apps.splice(0).forEach((a) => a.close());
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});
async function app(): Promise<AppHandle> {
  const d = mkdtempSync(join(tmpdir(), 'ntm-lin-'));
  dirs.push(d);
  const a = await openApp({ dataDir: d });
  apps.push(a);
  return a;
}
function ok<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

describe('unit lineage across the 1 July 2025 reform', () => {
  it('"Nậm Càn" finds Xã Na Ngoi, marked as its predecessor', async () => {
    const a = await app();
    const found = ok<AdminUnit[]>(await a.dispatch('units.search', { query: 'nam can', era: 'current', level: 'commune', provinceCode: '40' }));
    const naNgoi = found.find((u) => u.code === '16870');
    expect(naNgoi).toMatchObject({ fullName: 'Xã Na Ngoi', matchedVia: { code: '16873', fullName: 'Xã Nậm Càn', share: 'full' } });
  });

  it('shows a new commune\'s predecessors and an old commune\'s successors with the resolution clause', async () => {
    const a = await app();
    const naNgoi = ok<UnitLineage>(await a.dispatch('units.lineage', { code: '16870', era: 'current' }));
    expect(naNgoi.predecessors.map((p) => p.unit.name).sort()).toEqual(expect.arrayContaining(['Na Ngoi', 'Nậm Càn']));
    const namCan = naNgoi.predecessors.find((p) => p.unit.code === '16873')!;
    expect(namCan.resolution).toMatch(/NQ-UBTVQH15$/);
    expect(namCan.clauseText).toContain('Nậm Càn');
    const back = ok<UnitLineage>(await a.dispatch('units.lineage', { code: '16873' }));
    expect(back.unit.era).toBe('before-2025-07');
    expect(back.successors.map((s) => s.unit.code)).toEqual(['16870']);
  });

  it('lists the old provinces merged into a new one', async () => {
    const a = await app();
    const tuyenQuang = ok<UnitLineage>(await a.dispatch('units.lineage', { code: '08', era: 'current' }));
    expect(tuyenQuang.provinces.map((p) => p.name).sort()).toEqual(['Tỉnh Hà Giang', 'Tỉnh Tuyên Quang']);
  });

  it('refuses a lineage file whose links point to units that do not exist, and keeps the one loaded', async () => {
    const a = await app();
    const bad = { provinces: [], clauses: { c1: { resolution: '1/NQ', title: 't', text: 'x' } }, lineage: [{ old: '16873', province: '40', new: [{ code: '99999', share: 'full', clause: 'c1' }] }] };
    await expect(loadLineage(a.context.db, bad, 'test')).rejects.toMatchObject({ code: 'LINEAGE_INVALID', message: expect.stringContaining('99999') });
    const still = ok<UnitLineage>(await a.dispatch('units.lineage', { code: '16873' }));
    expect(still.successors).toHaveLength(1);
  });

  it('answers an unknown code with a clear error', async () => {
    const a = await app();
    expect(await a.dispatch('units.lineage', { code: '00000' })).toMatchObject({ ok: false, error: { code: 'UNIT_NOT_FOUND' } });
  });
});
