import { mkdirSync, existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataPaths } from '../paths';
import { fileInput, pairedOffices, seedNtm, type TestOffice } from './exchangeTestKit';
import { exportsDir } from './exportService';
import { STALE_TEMP_MS } from './sweep';

/*
 * A killed import leaves its staging folder in the attachment store, a killed export its temp file beside the
 * target. The next import (and the hosts' maintenance tick) removes those older than an hour, and leaves younger
 * ones alone: the CLI may be importing into the same folder at this moment.
 */

let province: TestOffice;
let office: TestOffice;
let cleanup: () => void;

beforeAll(async () => {
  const pair = await pairedOffices();
  ({ province, cleanup } = pair);
  [office] = pair.offices;
  await seedNtm(office, { communes: 1, evidence: 1 });
});

afterAll(() => cleanup?.());

function leftover(path: string, ageMs: number, dir: boolean): string {
  if (dir) {
    mkdirSync(path, { recursive: true });
    writeFileSync(join(path, 'a'.repeat(64)), 'half of an attachment');
  } else {
    writeFileSync(path, 'half of a bundle');
  }
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(path, when, when);
  return path;
}

describe('temporaries of killed imports and exports', () => {
  it('the next import removes those older than an hour and keeps younger ones', async () => {
    const store = dataPaths(province.dir).attachments;
    mkdirSync(exportsDir(province.dir), { recursive: true });
    const staleImport = leftover(join(store, '.import-0a1b2c3d4e5f'), STALE_TEMP_MS + 60_000, true);
    const freshImport = leftover(join(store, '.import-ffffffffffff'), 60_000, true);
    const staleExport = leftover(join(exportsDir(province.dir), '.X03390-4.ntmb.0123456789ab.tmp'), STALE_TEMP_MS + 60_000, false);
    const unrelated = leftover(join(exportsDir(province.dir), 'ghi-chu.txt'), STALE_TEMP_MS * 10, false);

    const exp = await office.call('exchange.bundle.export', { mode: 'full', periods: [] });
    const [result] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(office.dir), exp.fileName))] });
    expect(result.status).toBe('imported');

    expect(existsSync(staleImport)).toBe(false);
    expect(existsSync(staleExport)).toBe(false);
    expect(existsSync(freshImport)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
  });
});
