import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileInput, ownedRows, pairedOffices, seedManyValues, type TestOffice } from './exchangeTestKit';
import { exportsDir } from './exportService';
import { streamedImports } from './importService';

/*
 * The reader thread dies in the middle of an import, while the importer is merging what it sent (readWorker.ts exits
 * at a chosen batch): the importer notices at once, rolls the merge back and reads the bundle in its own thread; the
 * bundle is imported once, whole.
 */

let province: TestOffice;
let a: TestOffice;
let cleanup: () => void;

beforeAll(async () => {
  // Read by the reader thread when it starts (at the first import of this file): the 8th batch is a batch of values.
  process.env.NTM_DESK_TEST_READER_EXIT_AT_BATCH = '8';
  const pair = await pairedOffices([]);
  ({ province, cleanup } = pair);
  a = pair.offices[0]!;
  seedManyValues(a, 12_000, 6);
});

afterAll(() => {
  delete process.env.NTM_DESK_TEST_READER_EXIT_AT_BATCH;
  cleanup?.();
});

describe('when the reader thread dies during an import', () => {
  it('rolls back what it merged and imports the bundle in the importer thread, once', async () => {
    const exp = await a.call('exchange.bundle.export', { mode: 'full', periods: [] });
    const streamedBefore = streamedImports.count;
    const [result] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(a.dir), exp.fileName))] });
    expect(result.status, JSON.stringify(result.error)).toBe('imported');
    expect(streamedImports.count).toBe(streamedBefore);
    expect(result.counts.ntm_value).toEqual({ received: 12_000, inserted: 12_000, updated: 0, unchanged: 0 });
    expect(ownedRows(province, 'ntm_value', a.officeCode)).toEqual(ownedRows(a, 'ntm_value', a.officeCode));
    const log = await province.call('exchange.imports.list', { limit: 10 });
    expect(log.map((l) => l.status)).toEqual(['imported']);
    expect(province.app.context.conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
