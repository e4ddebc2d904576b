import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { AppInfo, MethodInput, MethodName, MethodOutput } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { openApp, type AppHandle } from '../app';
import { storeAttachment } from '../attachments';
import { exportBundle, type BundleRecord, type OsKeyStore } from '../bundle/index';
import { dataPaths } from '../paths';
import { openSigningKey, type HostWithKeyStore } from './keyService';
import { RECORD_TYPES } from './recordTypes';

/*
 * Test helpers for the exchange: real temp data folders opened with openApp, real SQLite, real files. Only
 * tests, the crash child and the bench use this module.
 */

/**
 * A stand-in for Electron's safeStorage: reversible, NOT secure, deterministic (so a child process opens what
 * the parent sealed). Tests that need real protection use a passphrase.
 */
export const testKeyStore: OsKeyStore = {
  isEncryptionAvailable: () => true,
  encryptString: (plainText) => new Uint8Array(Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from(Buffer.from(encrypted).map((b) => b ^ 0x5a)).toString('utf8'),
};

export type TestOffice = {
  app: AppHandle;
  dir: string;
  officeCode: string;
  call: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  close: () => void;
};

export type OfficeSpec = { kind: 'commune' | 'district' | 'province'; provinceCode: string; unitCode: string; officeName: string };

export const BINH_LU: OfficeSpec = { kind: 'commune', provinceCode: '12', unitCode: '03390', officeName: 'UBND xã Bình Lư' };
export const SIN_SUOI_HO: OfficeSpec = { kind: 'commune', provinceCode: '12', unitCode: '03394', officeName: 'UBND xã Sin Suối Hồ' };
export const LAI_CHAU: OfficeSpec = { kind: 'province', provinceCode: '12', unitCode: '12', officeName: 'Văn phòng Điều phối NTM tỉnh Lai Châu' };

export async function openOffice(
  spec: OfficeSpec,
  options: { dir?: string; keyStore?: boolean; setup?: boolean; now?: () => Date } = {},
): Promise<TestOffice> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ntm-exchange-'));
  const host: HostWithKeyStore = options.keyStore === false ? { kind: 'test' } : { kind: 'test', osKeyStore: testKeyStore };
  const app = await openApp({ dataDir: dir, host, now: options.now });
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as MethodOutput<M>;
  };
  let officeCode = '';
  if (options.setup !== false) {
    const info = (await app.dispatch('app.info', {})) as { ok: true; value: AppInfo };
    if (!info.value.setupDone) {
      await call('setup.complete', { ...spec, parentBodyName: spec.officeName.toUpperCase(), staffName: 'Nguyễn Thị Hoa' });
    }
    officeCode = (await call('app.info', {})).office!.officeCode;
  }
  return { app, dir, officeCode, call, close: () => app.close() };
}

/** A commune office and the province, each with keys, each having registered the other's public key. */
export async function pairedOffices(extra: OfficeSpec[] = []): Promise<{ province: TestOffice; offices: TestOffice[]; cleanup: () => void }> {
  const province = await openOffice(LAI_CHAU);
  await province.call('exchange.keys.generate', { replace: false });
  const recipient = await province.call('exchange.keys.exportPublic', { kind: 'encryption' });
  const offices: TestOffice[] = [];
  for (const spec of [BINH_LU, ...extra]) {
    const office = await openOffice(spec);
    await office.call('exchange.keys.generate', { replace: false });
    await office.call('exchange.keys.importPeer', recipient);
    const pub = await office.call('exchange.keys.exportPublic', { kind: 'signing' });
    await province.call('exchange.keys.importPeer', pub);
    offices.push(office);
  }
  return {
    province,
    offices,
    cleanup: () => {
      for (const o of [province, ...offices]) {
        o.close();
        rmSync(o.dir, { recursive: true, force: true });
      }
    },
  };
}

/** Deterministic UUIDs for seeded rows (version nibble 7, RFC variant). */
export function testId(prefix: number, n: number): string {
  const hex = createHash('sha256').update(`${prefix}:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type SeedResult = { communes: string[]; assessments: string[]; values: string[]; evidence: string[]; recognitions: string[]; attachments: string[] };

const COMMUNE_UNITS = ['03390', '03394', '03405', '03388'];

/**
 * Seeds NTM rows owned by an office straight into its database: communes, quarterly assessments, indicator
 * values, evidence files (with attachment bytes in the store) and recognitions.
 */
export async function seedNtm(
  office: TestOffice,
  options: { communes?: number; valuesPerAssessment?: number; evidence?: number; seed?: number } = {},
): Promise<SeedResult> {
  const seed = options.seed ?? 1;
  const communeCount = Math.min(options.communes ?? 2, COMMUNE_UNITS.length);
  const valuesPer = options.valuesPerAssessment ?? 5;
  const at = '2026-03-01T08:00:00.000Z';
  const sqlite = office.app.context.conn.sqlite;
  const result: SeedResult = { communes: [], assessments: [], values: [], evidence: [], recognitions: [], attachments: [] };
  const attachments: string[] = [];
  for (let i = 0; i < (options.evidence ?? 1); i++) {
    const stored = await storeAttachment(
      office.app.context.db,
      dataPaths(office.dir).attachments,
      `bien-ban-${i}.pdf`,
      new TextEncoder().encode(`%PDF-1.4 biên bản ${seed}-${i} ${'x'.repeat(1000 + i)}`),
      at,
    );
    attachments.push(stored.sha256);
  }
  result.attachments = attachments;
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(cols.map((c) => row[c]));
  };
  const owned = { office_code: office.officeCode, version: 1, updated_at: at, deleted: 0 };
  sqlite.transaction(() => {
    let n = 0;
    for (let c = 0; c < communeCount; c++) {
      const communeId = testId(seed, n++);
      insert('ntm_commune', { id: communeId, ...owned, unit_id: `nc:${COMMUNE_UNITS[c]}`, region: 'TDMNPB', commune_group: 1, flags_json: '{"bien_gioi":true}' });
      result.communes.push(communeId);
      const assessmentId = testId(seed, n++);
      insert('ntm_assessment', { id: assessmentId, ...owned, commune_id: communeId, period: '2026-Q1', catalog_id: 'qd51-2025-xa-ntm', catalog_revision: 1, status: 'draft', updated_by: 'Nguyễn Thị Hoa' });
      result.assessments.push(assessmentId);
      for (let v = 0; v < valuesPer; v++) {
        const valueId = testId(seed, n++);
        insert('ntm_value', { id: valueId, ...owned, assessment_id: assessmentId, indicator_code: `${v + 1}.1`, value_json: JSON.stringify(v * 1.5), manual_met: null, evidence: 'Theo báo cáo của xã', entered_by: 'Nguyễn Thị Hoa' });
        result.values.push(valueId);
      }
      for (const sha of attachments) {
        const fileId = testId(seed, n++);
        insert('ntm_evidence_file', { id: fileId, ...owned, assessment_id: assessmentId, indicator_code: '1.1', sha256: sha, file_name: 'Biên bản.pdf', added_by: null });
        result.evidence.push(fileId);
      }
      const recognitionId = testId(seed, n++);
      insert('ntm_recognition', { id: recognitionId, ...owned, commune_id: communeId, level: 'xa_ntm', decision_no: `${c + 1}/QĐ-UBND`, decided_on: '2025-12-30', issuer: 'UBND tỉnh Lai Châu', catalog_id: null, revoked_decision_no: null, revoked_on: null, note: null });
      result.recognitions.push(recognitionId);
    }
  })();
  return result;
}

/** Seeds one OCOP producer with a product, its event, evaluation, certificate, dossier item and file. */
export async function seedOcop(office: TestOffice, seed = 3): Promise<{ product: string; certificate: string }> {
  const at = '2026-03-01T08:00:00.000Z';
  const stored = await storeAttachment(office.app.context.db, dataPaths(office.dir).attachments, 'giay-phep.pdf', new TextEncoder().encode(`%PDF giấy phép ${seed}`), at);
  const sqlite = office.app.context.conn.sqlite;
  const insert = (table: string, row: Record<string, unknown>) => {
    const cols = Object.keys(row);
    sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(cols.map((c) => row[c]));
  };
  const owned = { office_code: office.officeCode, version: 1, updated_at: at, deleted: 0 };
  const [producer, product, event, evaluation, certificate, item, file] = [0, 1, 2, 3, 4, 5, 6].map((i) => testId(seed * 100, i));
  sqlite.transaction(() => {
    insert('ocop_producer', { id: producer, ...owned, kind: 'htx', name: 'HTX Chè Bình Lư', tax_code: '6200123456', legal_rep_name: 'Lò Văn Minh', legal_rep_title: 'Giám đốc', legal_rep_gender: 'nam', legal_rep_ethnicity: 'Thái', legal_rep_address: null, address: 'Bản Bình Lư', unit_code: '03390', phone: null, email: null, founded_on: '2015-04-01', note: null });
    insert('ocop_product', { id: product, ...owned, producer_id: producer, name: 'Chè Shan tuyết', unit_code: '03390', sheet_no: 3, catalog_version: 'qd26-2026', sequence: 1, code_year: 2026, product_code: 'LCU-2026-001', registration_kind: 'first', status: 'certified', status_since: '2026-02-01', commune_received_on: '2025-11-01', description: null, self_report_json: '{}', commune_report_json: '{"ok":true}' });
    insert('ocop_product_event', { id: event, ...owned, product_id: product, from_status: null, to_status: 'certified', on_date: '2026-02-01', note: null, staff_name: 'Nguyễn Thị Hoa' });
    insert('ocop_evaluation', { id: evaluation, ...owned, product_id: product, level: 'province', catalog_version: 'qd26-2026', sheet_no: 3, evaluated_on: '2026-01-20', members_json: '[]', disqualification_json: null, complete: 1, total: 78.5, stars: 4, result_json: '{"stars":4}', note: null, updated_by: null });
    insert('ocop_certificate', { id: certificate, ...owned, product_id: product, evaluation_id: evaluation, number: '12/2026', decision_no: '345/QĐ-UBND', issued_on: '2026-02-01', expires_on: '2029-02-01', stars: 4, issuer: 'UBND tỉnh Lai Châu', revoked_on: null, revoked_decision_no: null, revoked_reason: null });
    insert('ocop_dossier_item', { id: item, ...owned, product_id: product, item_id: 'giay_phep', state: 'checked', note: null, updated_by: null });
    insert('ocop_dossier_file', { id: file, ...owned, product_id: product, item_id: 'giay_phep', sha256: stored.sha256, file_name: 'Giấy phép.pdf', added_by: null });
  })();
  return { product, certificate };
}

/** Seeds many NTM values under one commune and assessment (for the crash test and the bench). */
export function seedManyValues(office: TestOffice, count: number, seed = 7): void {
  const sqlite = office.app.context.conn.sqlite;
  const at = '2026-03-01T08:00:00.000Z';
  const owned = [office.officeCode, 1, at, 0];
  const communeId = testId(seed, 0);
  const assessmentId = testId(seed, 1);
  sqlite.transaction(() => {
    sqlite
      .prepare(`INSERT INTO ntm_commune (id, office_code, version, updated_at, deleted, unit_id, region, commune_group, flags_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(communeId, ...owned, `nc:${COMMUNE_UNITS[0]}`, null, null, '{}');
    sqlite
      .prepare(
        `INSERT INTO ntm_assessment (id, office_code, version, updated_at, deleted, commune_id, period, catalog_id, catalog_revision, status, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(assessmentId, ...owned, communeId, '2026-Q1', 'qd51-2025-xa-ntm', 1, 'draft', null);
    const value = sqlite.prepare(
      `INSERT INTO ntm_value (id, office_code, version, updated_at, deleted, assessment_id, indicator_code, value_json, manual_met, evidence, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < count; i++) {
      value.run(testId(seed, i + 2), ...owned, assessmentId, `${(i % 19) + 1}.${i}`, JSON.stringify(i * 0.5), i % 2, 'Số liệu thống kê của xã năm 2025', 'Nguyễn Thị Hoa');
    }
  })();
}

/** Everything an import may change, as one comparable value: merged tables, accepted imports, stored files. */
export function dataSnapshot(office: TestOffice): string {
  const sqlite = office.app.context.conn.sqlite;
  const tables: Record<string, unknown[]> = {};
  for (const spec of RECORD_TYPES) tables[spec.table] = sqlite.prepare(`SELECT * FROM ${spec.table} ORDER BY 1`).all();
  tables.accepted = sqlite.prepare(`SELECT office_code, sequence FROM exchange_import_log WHERE status = 'imported' ORDER BY id`).all();
  return JSON.stringify({ tables, files: listFiles(dataPaths(office.dir).attachments) });
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Rows of one table owned by an office, without local-only differences (none today), for comparisons. */
export function ownedRows(office: TestOffice, table: string, officeCode: string): unknown[] {
  return office.app.context.conn.sqlite.prepare(`SELECT * FROM ${table} WHERE office_code = ? ORDER BY id`).all(officeCode);
}

/**
 * Writes an arbitrary bundle signed with an office's real key and encrypted to the province: for bad-input
 * tests that a well-behaved exporter would never produce.
 */
export async function craftBundle(
  signer: TestOffice,
  province: TestOffice,
  outputPath: string,
  content: {
    sequence: number;
    officeCode?: string;
    records: Record<string, BundleRecord[]>;
    attachments?: Record<string, string>;
    /** Data file order (default: by name); BUNDLE_DATA_ORDER is the exporter's. */
    dataOrder?: readonly string[];
  },
): Promise<string> {
  const key = await openSigningKey(signer.app.context, undefined);
  const recipient = (await province.call('exchange.keys.list', {})).own.find((k) => k.kind === 'encryption' && k.status === 'active')!;
  await exportBundle({
    outputPath,
    officeCode: content.officeCode ?? signer.officeCode,
    sequence: content.sequence,
    periods: ['2026-Q1'],
    records: content.records,
    ...(content.dataOrder === undefined ? {} : { dataOrder: content.dataOrder }),
    attachments: content.attachments,
    signingKey: key,
    recipients: [recipient.publicKey],
  });
  return outputPath;
}

/** Reads a bundle file as the contract's upload shape. */
export function fileInput(path: string, fileName = path.split('/').pop()!): { fileName: string; contentBase64: string } {
  return { fileName, contentBase64: readFileSync(path).toString('base64') };
}
