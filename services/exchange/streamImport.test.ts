import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleRecord } from '../bundle/index';
import { craftBundle, dataSnapshot, fileInput, ownedRows, pairedOffices, seedManyValues, SIN_SUOI_HO, type TestOffice } from './exchangeTestKit';
import { exportsDir } from './exportService';
import { streamedImports } from './importService';
import { BUNDLE_DATA_ORDER, recordTypeSpec } from './recordTypes';

/*
 * The import that merges while the reader thread is still reading (importService.ts streamImport): it must give
 * the classic import's result, and refuse a bad bundle with the classic import's error, with nothing written, even
 * when the fault is met after thousands of records were already merged.
 */

const VALUES = 3000;
let province: TestOffice;
let a: TestOffice;
let b: TestOffice;
let cleanup: () => void;
let tmp: string;
let records: Record<string, BundleRecord[]>;

beforeAll(async () => {
  const pair = await pairedOffices([SIN_SUOI_HO]);
  ({ province, cleanup } = pair);
  [a, b] = pair.offices;
  tmp = mkdtempSync(join(tmpdir(), 'ntm-stream-'));
  seedManyValues(a, VALUES, 5);
  records = {};
  for (const table of ['ntm_commune', 'ntm_assessment', 'ntm_value']) {
    const cols = recordTypeSpec(table)!.columns;
    records[table] = a.app.context.conn.sqlite.prepare(`SELECT ${cols.join(', ')} FROM ${table} WHERE office_code = ? ORDER BY id`).all(a.officeCode) as BundleRecord[];
  }
});

afterAll(() => {
  cleanup?.();
  rmSync(tmp, { recursive: true, force: true });
});

let n = 0;
/** Imports a crafted bundle of office A (data files in the exporter's order) and expects it refused with `code`. */
async function expectRefused(change: (values: BundleRecord[]) => void, code: string, sequence = 2) {
  const values = records.ntm_value!.map((r) => ({ ...r }));
  change(values);
  const path = await craftBundle(a, province, join(tmp, `s-${n++}.ntmb`), { sequence, records: { ...records, ntm_value: values }, dataOrder: BUNDLE_DATA_ORDER });
  const before = dataSnapshot(province);
  const streamedBefore = streamedImports.count;
  const [result] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
  expect(result.error?.code, JSON.stringify(result.error)).toBe(code);
  expect(result.status).toBe('rejected');
  expect(dataSnapshot(province)).toBe(before);
  expect(streamedImports.count).toBe(streamedBefore);
  const check = province.app.context.conn.sqlite.pragma('integrity_check', { simple: true });
  expect(check).toBe('ok');
}

describe('an import that merges while it reads', () => {
  it('imports an exported bundle with the same rows as the office, merged while read', async () => {
    const exp = await a.call('exchange.bundle.export', { mode: 'full', periods: [] });
    const streamedBefore = streamedImports.count;
    const [result] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(a.dir), exp.fileName))] });
    expect(result.status, JSON.stringify(result.error)).toBe('imported');
    expect(streamedImports.count).toBe(streamedBefore + 1);
    expect(result.counts.ntm_value).toEqual({ received: VALUES, inserted: VALUES, updated: 0, unchanged: 0 });
    for (const table of ['ntm_commune', 'ntm_assessment', 'ntm_value']) {
      expect(ownedRows(province, table, a.officeCode)).toEqual(ownedRows(a, table, a.officeCode));
    }
    // The same bundle again is a replay, refused as before.
    const [again] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(a.dir), exp.fileName))] });
    expect(again.error?.code).toBe('BUNDLE_REPLAY');
  });

  it('refuses a record that fails validation near the end, after most records were merged', async () => {
    await expectRefused((values) => {
      values[VALUES - 10]!.manual_met = 7;
    }, 'BUNDLE_RECORD_INVALID');
  });

  it('refuses a record of another office in the middle of the bulk', async () => {
    await expectRefused((values) => {
      values[1500]!.office_code = b.officeCode;
    }, 'BUNDLE_RECORD_FOREIGN_OFFICE');
  });

  it("reports the reader's error before a merge error met earlier", async () => {
    await expectRefused((values) => {
      // A newer version pointing at no assessment: the merge refuses it (the first test imported version 1).
      values[100]!.version = 2;
      values[100]!.assessment_id = '01890000-0000-7000-8000-00000000ffff';
      values[VALUES - 5]!.version = 0; // the schema refuses it, later in the file
    }, 'BUNDLE_RECORD_INVALID');
    await expectRefused((values) => {
      values[100]!.version = 2;
      values[100]!.assessment_id = '01890000-0000-7000-8000-00000000ffff';
    }, 'BUNDLE_REFERENCE_INVALID');
  });

  it('reads in its own thread when the reader thread is off, with the same outcome', async () => {
    process.env.NTM_DESK_READER_THREAD = '0';
    try {
      await expectRefused((values) => {
        values[1500]!.office_code = b.officeCode;
      }, 'BUNDLE_RECORD_FOREIGN_OFFICE');
      const values = records.ntm_value!.map((r) => ({ ...r, version: 2, evidence: 'Đã rà soát lại' }));
      const path = await craftBundle(a, province, join(tmp, `s-${n++}.ntmb`), { sequence: 2, records: { ...records, ntm_value: values }, dataOrder: BUNDLE_DATA_ORDER });
      const streamedBefore = streamedImports.count;
      const [result] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
      expect(result.status, JSON.stringify(result.error)).toBe('imported');
      expect(result.counts.ntm_value).toEqual({ received: VALUES, inserted: 0, updated: VALUES, unchanged: 0 });
      expect(streamedImports.count).toBe(streamedBefore);
    } finally {
      delete process.env.NTM_DESK_READER_THREAD;
    }
  });

  it('updates rows merged while read when a bundle carries newer versions, and leaves older ones', async () => {
    const values = records.ntm_value!.map((r, i) => ({ ...r, version: i % 2 === 0 ? 3 : 1, evidence: i % 2 === 0 ? 'Bản sửa lần 3' : r.evidence }));
    const path = await craftBundle(a, province, join(tmp, `s-${n++}.ntmb`), { sequence: 3, records: { ...records, ntm_value: values }, dataOrder: BUNDLE_DATA_ORDER });
    const streamedBefore = streamedImports.count;
    const [result] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
    expect(result.status, JSON.stringify(result.error)).toBe('imported');
    expect(streamedImports.count).toBe(streamedBefore + 1);
    expect(result.counts.ntm_value).toEqual({ received: VALUES, inserted: 0, updated: VALUES / 2, unchanged: VALUES / 2 });
    const rows = province.app.context.conn.sqlite.prepare(`SELECT version, count(*) AS n FROM ntm_value WHERE office_code = ? GROUP BY version ORDER BY version`).all(a.officeCode);
    expect(rows).toEqual([{ version: 2, n: VALUES / 2 }, { version: 3, n: VALUES / 2 }]);
  });
});
