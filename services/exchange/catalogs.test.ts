import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_NTM_CATALOG_DOCUMENTS } from '../../db/reference/ntm/index';
import { craftBundle, dataSnapshot, fileInput, pairedOffices, type TestOffice } from './exchangeTestKit';
import { exportsDir } from './exportService';

/*
 * An office that imported or edited an NTM catalog assesses its communes against it; the province must read those
 * assessments against the same document. Bundles carry such catalogs (catalogRecords.ts): inserted once, the same
 * document again changes nothing, a different document under the same id and revision refuses the bundle.
 */

let province: TestOffice;
let office: TestOffice;
let cleanup: () => void;
let tmp: string;

const shipped = SHIPPED_NTM_CATALOG_DOCUMENTS.find((d) => d.id === 'QD51-2025-XA-NTM')!.document as Record<string, unknown>;
/** The office's own revision of QĐ 51/2025 (as an office would after the province issued its own guidance). */
const edited = { ...structuredClone(shipped), revision: 7, name: `${String(shipped.name)} (hướng dẫn của tỉnh)` };

beforeAll(async () => {
  const pair = await pairedOffices();
  ({ province, cleanup } = pair);
  [office] = pair.offices;
  tmp = mkdtempSync(join(tmpdir(), 'ntm-catalog-bundle-'));
});

afterAll(() => {
  cleanup?.();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const catalogRow = (t: TestOffice, revision: number) =>
  t.app.context.conn.sqlite.prepare(`SELECT id, revision, name, origin FROM ntm_catalog WHERE id = 'QD51-2025-XA-NTM' AND revision = ?`).get(revision);

describe('NTM catalogs in bundles', () => {
  it('carries an office\'s imported catalog to the province, once', async () => {
    await office.call('ntm.catalogs.import', { document: edited });
    expect(catalogRow(province, 7)).toBeUndefined();
    const exp = await office.call('exchange.bundle.export', { mode: 'full', periods: [] });
    expect(exp.counts.ntm_catalog).toBe(1);
    const [first] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(office.dir), exp.fileName))] });
    expect(first.error).toBeNull();
    expect(first.counts.ntm_catalog).toEqual({ received: 1, inserted: 1, updated: 0, unchanged: 0 });
    expect(catalogRow(province, 7)).toEqual({ id: 'QD51-2025-XA-NTM', revision: 7, name: edited.name, origin: 'imported' });
    // The province reads the document as the office wrote it.
    const got = await province.call('ntm.catalogs.get', { id: 'QD51-2025-XA-NTM', revision: 7 });
    expect(got.summary.name).toBe(edited.name);

    const again = await office.call('exchange.bundle.export', { mode: 'incremental', periods: [] });
    const [second] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(office.dir), again.fileName))] });
    expect(second.error).toBeNull();
    expect(second.counts.ntm_catalog).toEqual({ received: 1, inserted: 0, updated: 0, unchanged: 1 });
  });

  it('refuses a different document under an id and revision the province has, and an invalid document; nothing written', async () => {
    const conflicting = { ...structuredClone(edited), name: 'Một bộ khác cùng mã và lần sửa' };
    const before = dataSnapshot(province);
    const beforeCatalogs = province.app.context.conn.sqlite.prepare('SELECT * FROM ntm_catalog ORDER BY id, revision').all();
    const path = await craftBundle(office, province, join(tmp, 'conflict.ntmb'), {
      sequence: 3,
      records: { ntm_catalog: [{ id: 'QD51-2025-XA-NTM@7', catalog_id: 'QD51-2025-XA-NTM', revision: 7, document_json: JSON.stringify(conflicting) }] },
    });
    const [r] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
    expect(r.error?.code).toBe('BUNDLE_CATALOG_CONFLICT');
    expect(r.error?.message).toContain('lần sửa 7');

    const broken = { ...structuredClone(edited), revision: 8, criteria: 'không phải danh sách' };
    const badPath = await craftBundle(office, province, join(tmp, 'invalid.ntmb'), {
      sequence: 3,
      records: { ntm_catalog: [{ id: 'QD51-2025-XA-NTM@8', catalog_id: 'QD51-2025-XA-NTM', revision: 8, document_json: JSON.stringify(broken) }] },
    });
    const [bad] = await province.call('exchange.bundle.import', { files: [fileInput(badPath)] });
    expect(bad.error?.code).toBe('BUNDLE_RECORD_INVALID');
    expect(JSON.stringify(bad.error?.details)).toContain('criteria');

    expect(dataSnapshot(province)).toBe(before);
    expect(province.app.context.conn.sqlite.prepare('SELECT * FROM ntm_catalog ORDER BY id, revision').all()).toEqual(beforeCatalogs);
  });
});
