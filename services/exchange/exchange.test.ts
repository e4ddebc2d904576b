import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../attachments';
import { dataPaths } from '../paths';
import { dataSnapshot, fileInput, ownedRows, pairedOffices, seedNtm, seedOcop, SIN_SUOI_HO, type TestOffice } from './exchangeTestKit';
import { exportsDir } from './exportService';
import { RECORD_TYPES } from './recordTypes';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function setup(extra = false) {
  const pair = await pairedOffices(extra ? [SIN_SUOI_HO] : []);
  cleanups.push(pair.cleanup);
  return pair;
}

async function exportFile(office: TestOffice, mode: 'full' | 'incremental') {
  const exp = await office.call('exchange.bundle.export', { mode, periods: ['2026-Q1'] });
  return { exp, path: join(exportsDir(office.dir), exp.fileName) };
}

function ntmTables(): string[] {
  return RECORD_TYPES.filter((t) => t.ownership === 'owned' && t.name.startsWith('ntm_')).map((t) => t.table);
}

describe('record type registry', () => {
  it('names every column of every syncable table, in merge order with parents first', async () => {
    const { province } = await setup();
    const sqlite = province.app.context.conn.sqlite;
    for (const spec of RECORD_TYPES) {
      // A catalog travels as its document (catalogRecords.ts); the other columns are derived from it on import.
      if (spec.ownership === 'reference') continue;
      const columns = (sqlite.prepare(`PRAGMA table_info(${spec.table})`).all() as { name: string }[]).map((c) => c.name);
      expect([...spec.columns].sort(), spec.table).toEqual(spec.ownership === 'content' ? [...columns, 'id'].sort() : [...columns].sort());
      for (const parent of spec.parents) {
        const p = RECORD_TYPES.find((t) => t.name === parent.recordType)!;
        expect(RECORD_TYPES.indexOf(p), `${spec.name} after ${p.name}`).toBeLessThan(RECORD_TYPES.indexOf(spec));
      }
    }
    // Every table with an office_code column is carried, except none.
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    const syncable = tables.filter((t) => (sqlite.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).some((c) => c.name === 'office_code'));
    expect(syncable.filter((t) => !t.startsWith('exchange_')).sort()).toEqual(RECORD_TYPES.filter((t) => t.ownership === 'owned').map((t) => t.table).sort());
  });
});

describe('exchange: export at an office, import at the province', () => {
  it('carries every NTM record and evidence file of the office, signed and encrypted, and logs the import', async () => {
    const { province, offices } = await setup();
    const [office] = offices;
    const seeded = await seedNtm(office, { communes: 2, valuesPerAssessment: 4, evidence: 2 });
    const events: unknown[] = [];
    office.app.onEvent((e) => e.name === 'exchange.export.progress' && events.push(e.payload));
    const { exp, path } = await exportFile(office, 'full');
    expect(exp).toMatchObject({ sequence: 1, mode: 'full', officeCode: 'X03390', attachmentCount: 2, baseSequence: null });
    expect(exp.counts).toEqual({ attachment: 2, ntm_assessment: 2, ntm_commune: 2, ntm_evidence_file: 4, ntm_recognition: 2, ntm_value: 8 });
    expect(exp.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ bytesDone: expect.any(Number) });

    const [result] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
    expect(result).toMatchObject({ status: 'imported', officeCode: 'X03390', sequence: 1, error: null, attachments: 2, warnings: [] });
    expect(result.counts.ntm_value).toEqual({ received: 8, inserted: 8, updated: 0, unchanged: 0 });

    for (const table of ntmTables()) {
      expect(ownedRows(province, table, 'X03390'), table).toEqual(ownedRows(office, table, 'X03390'));
    }
    for (const sha of seeded.attachments) {
      const bytes = readFileSync(attachmentPath(dataPaths(province.dir).attachments, sha));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    }
    const log = await province.call('exchange.imports.list', { limit: 10 });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'imported', officeCode: 'X03390', officeName: 'UBND xã Bình Lư', sequence: 1, fileSha256: exp.sha256, staffName: 'Nguyễn Thị Hoa' });
    expect(log[0].signerFingerprint).toMatch(/^\d{4}( \d{4}){4}$/);
    const offices2 = await province.call('exchange.offices', {});
    expect(offices2).toEqual([
      expect.objectContaining({ officeCode: 'X03390', lastSequence: 1, importCount: 1, records: expect.objectContaining({ ntm_value: 8, ntm_commune: 2 }) }),
    ]);
    const audit = await province.call('audit.list', { entity: 'exchange_import', limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'import', entityId: String(log[0].id) });
  });

  it('carries OCOP producers, products, evaluations, certificates and dossiers too', async () => {
    const { province, offices } = await setup();
    const [office] = offices;
    await seedOcop(office);
    const { exp, path } = await exportFile(office, 'full');
    expect(exp.counts).toMatchObject({ ocop_producer: 1, ocop_product: 1, ocop_evaluation: 1, ocop_certificate: 1, ocop_dossier_file: 1, attachment: 1 });
    const [r] = await province.call('exchange.bundle.import', { files: [fileInput(path)] });
    expect(r.status).toBe('imported');
    for (const spec of RECORD_TYPES.filter((t) => t.name.startsWith('ocop_'))) {
      expect(ownedRows(province, spec.table, 'X03390'), spec.table).toEqual(ownedRows(office, spec.table, 'X03390'));
    }
  });

  it('is idempotent: the same file again is a replay and changes nothing; a new export of the same data changes nothing', async () => {
    const { province, offices } = await setup();
    const [office] = offices;
    await seedNtm(office);
    const first = await exportFile(office, 'full');
    await province.call('exchange.bundle.import', { files: [fileInput(first.path)] });
    const before = dataSnapshot(province);

    const [again] = await province.call('exchange.bundle.import', { files: [fileInput(first.path)] });
    expect(again.status).toBe('rejected');
    expect(again.error?.code).toBe('BUNDLE_REPLAY');
    expect(again.error?.message).toMatch(/đã được nhập/);
    expect(dataSnapshot(province)).toBe(before);

    const second = await exportFile(office, 'full');
    const [same] = await province.call('exchange.bundle.import', { files: [fileInput(second.path)] });
    expect(same.status).toBe('imported');
    for (const c of Object.values(same.counts)) expect(c.inserted + c.updated).toBe(0);
    const after = JSON.parse(dataSnapshot(province)) as { tables: Record<string, unknown> };
    const was = JSON.parse(before) as { tables: Record<string, unknown> };
    for (const spec of RECORD_TYPES) expect(after.tables[spec.table]).toEqual(was.tables[spec.table]);
  });

  it('merges by version: a higher version replaces, a tombstone travels, an older copy never wins', async () => {
    const { province, offices } = await setup();
    const [office] = offices;
    const seeded = await seedNtm(office);
    const v1 = await exportFile(office, 'full');
    const sqlite = office.app.context.conn.sqlite;
    sqlite.prepare(`UPDATE ntm_value SET value_json = '99', version = version + 1, updated_at = ? WHERE id = ?`).run('2026-03-02T08:00:00.000Z', seeded.values[0]);
    sqlite.prepare(`UPDATE ntm_recognition SET deleted = 1, version = version + 1, updated_at = ? WHERE id = ?`).run('2026-03-02T08:00:00.000Z', seeded.recognitions[0]);
    const v2 = await exportFile(office, 'full');

    // Newest first, then the older file: the older one is refused and the newer data stays.
    const [r2] = await province.call('exchange.bundle.import', { files: [fileInput(v2.path)] });
    expect(r2.warnings.map((w) => w.code)).toEqual(['BUNDLE_SEQUENCE_GAP']);
    const [r1] = await province.call('exchange.bundle.import', { files: [fileInput(v1.path)] });
    expect(r1.error?.code).toBe('BUNDLE_REPLAY');
    const value = province.app.context.conn.sqlite.prepare('SELECT value_json, version FROM ntm_value WHERE id = ?').get(seeded.values[0]);
    expect(value).toEqual({ value_json: '99', version: 2 });
    const recognition = province.app.context.conn.sqlite.prepare('SELECT deleted FROM ntm_recognition WHERE id = ?').get(seeded.recognitions[0]);
    expect(recognition).toEqual({ deleted: 1 });
  });

  it('applies a batch in sequence order whatever order the files come in', async () => {
    const { province, offices } = await setup();
    const [office] = offices;
    const seeded = await seedNtm(office);
    const sqlite = office.app.context.conn.sqlite;
    const files = [];
    for (let i = 0; i < 3; i++) {
      sqlite.prepare(`UPDATE ntm_value SET value_json = ?, version = version + 1 WHERE id = ?`).run(String(i * 10), seeded.values[1]);
      files.push((await exportFile(office, 'incremental')).path);
    }
    const results = await province.call('exchange.bundle.import', { files: [files[2], files[0], files[1]].map((p) => fileInput(p)) });
    expect(results.map((r) => [r.sequence, r.status])).toEqual([
      [1, 'imported'],
      [2, 'imported'],
      [3, 'imported'],
    ]);
    expect(results.flatMap((r) => r.warnings)).toEqual([]);
    for (const table of ntmTables()) expect(ownedRows(province, table, 'X03390')).toEqual(ownedRows(office, table, 'X03390'));
  });

  it('an incremental export carries only what the province has not acknowledged', async () => {
    const { province, offices } = await setup();
    const [office] = offices;
    const seeded = await seedNtm(office, { evidence: 1 });
    const first = await exportFile(office, 'incremental');
    expect(first.exp.baseSequence).toBeNull();
    // Not acknowledged yet: the next incremental export carries everything again.
    const unacked = await exportFile(office, 'incremental');
    expect(unacked.exp.counts).toEqual(first.exp.counts);

    await province.call('exchange.bundle.import', { files: [fileInput(unacked.path)] });
    const acked = await office.call('exchange.exports.acknowledge', { sequence: 2 });
    expect(acked.acknowledgedAt).not.toBeNull();
    const stale = await office.app.dispatch('exchange.exports.acknowledge', { sequence: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'EXCHANGE_ACK_STALE' } });

    const empty = await exportFile(office, 'incremental');
    expect(empty.exp).toMatchObject({ counts: {}, baseSequence: 2, attachmentCount: 0 });

    office.app.context.conn.sqlite.prepare(`UPDATE ntm_value SET value_json = '7', version = version + 1 WHERE id = ?`).run(seeded.values[2]);
    const delta = await exportFile(office, 'incremental');
    expect(delta.exp.counts).toEqual({ ntm_value: 1 });
    const results = await province.call('exchange.bundle.import', { files: [fileInput(empty.path), fileInput(delta.path)] });
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
    expect(results[1].counts.ntm_value).toEqual({ received: 1, inserted: 0, updated: 1, unchanged: 0 });
    for (const table of ntmTables()) expect(ownedRows(province, table, 'X03390')).toEqual(ownedRows(office, table, 'X03390'));

    const full = await exportFile(office, 'full');
    expect(full.exp.counts.ntm_value).toBe(seeded.values.length);
  });

  it('keeps each office apart at the province and lists them', async () => {
    const { province, offices } = await setup(true);
    const [a, b] = offices;
    await seedNtm(a, { seed: 1 });
    await seedNtm(b, { seed: 2 });
    const results = await province.call('exchange.bundle.import', {
      files: [fileInput((await exportFile(b, 'full')).path), fileInput((await exportFile(a, 'full')).path)],
    });
    expect(results.map((r) => [r.officeCode, r.status])).toEqual([
      ['X03390', 'imported'],
      ['X03394', 'imported'],
    ]);
    for (const table of ntmTables()) {
      expect(ownedRows(province, table, 'X03390')).toEqual(ownedRows(a, table, 'X03390'));
      expect(ownedRows(province, table, 'X03394')).toEqual(ownedRows(b, table, 'X03394'));
    }
    // Both offices manage a commune on the same unit: one row per office, side by side.
    const units = province.app.context.conn.sqlite.prepare(`SELECT office_code FROM ntm_commune WHERE unit_id = 'nc:03390' ORDER BY office_code`).all();
    expect(units).toEqual([{ office_code: 'X03390' }, { office_code: 'X03394' }]);
    const listed = await province.call('exchange.offices', {});
    expect(listed.map((o) => [o.officeCode, o.name, o.lastSequence])).toEqual([
      ['X03390', 'UBND xã Bình Lư', 1],
      ['X03394', 'UBND xã Sin Suối Hồ', 1],
    ]);
  });

  it('the office can reopen and verify its own export; download returns the same bytes', async () => {
    const { offices } = await setup();
    const [office] = offices;
    await seedNtm(office);
    const { exp, path } = await exportFile(office, 'full');
    const download = await office.call('exchange.bundle.download', { sequence: exp.sequence });
    expect(Buffer.from(download.contentBase64, 'base64').equals(readFileSync(path))).toBe(true);
    const { verifyBundleFile } = await import('./importService');
    const check = await verifyBundleFile(office.app.context, path, undefined);
    expect(check).toMatchObject({ officeCode: 'X03390', sequence: 1, replay: false, counts: exp.counts });
  });

  it('refuses to import at an office, and to export without the province recipient', async () => {
    const { offices } = await setup();
    const [office] = offices;
    const tmp = mkdtempSync(join(tmpdir(), 'ntm-x-'));
    cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
    const r = await office.app.dispatch('exchange.bundle.import', { files: [{ fileName: 'a.ntmb', contentBase64: 'AAAA' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'EXCHANGE_NOT_PROVINCE' } });
    const peers = await office.call('exchange.keys.list', {});
    await office.call('exchange.keys.retirePeer', { id: peers.peers[0].id });
    const e = await office.app.dispatch('exchange.bundle.export', { mode: 'full' });
    expect(e).toMatchObject({ ok: false, error: { code: 'EXCHANGE_RECIPIENT_MISSING' } });
  });
});
