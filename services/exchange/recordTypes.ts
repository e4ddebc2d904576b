import { z } from 'zod';
import { isJson, markJsonText } from './fastCheck';
import { CATALOG_COLUMNS, CATALOG_RECORD_TYPE, catalogRecordSchema } from './catalogRecords';

/*
 * What a bundle carries: one record type per syncable table (ARCHITECTURE.md: records are owned by the office
 * that made them; UUIDv7 id, office_code, version, updated_at, `deleted` tombstone), plus the content-addressed
 * `attachment` rows whose bytes travel as bundle attachments named by their SHA-256.
 *
 * Not exported: admin_unit (shipped reference data, the same ids in every installation, so references to it
 * hold after a merge), office, staff, app_setting, audit_log (local), and the exchange_* tables themselves.
 * NTM catalogs travel as `reference` records, documents named by id and revision (catalogRecords.ts).
 *
 * A record is a table row with its SQL column names (snake_case) and SQLite values (text, integer, real,
 * null; 0 | 1 for booleans). Schemas are strict: an unknown column means a newer application wrote it, and
 * silently dropping it would lose data, so the bundle is refused instead.
 */

/** A foreign key to another syncable record: the parent must exist and belong to the same office. */
export type ParentRef = { column: string; recordType: string };

export type RecordTypeSpec = {
  /** The data file name in the bundle: data/<name>.ndjson. */
  name: string;
  table: string;
  /**
   * 'owned': syncable, merged by id and version per office. 'content': content-addressed, insert once.
   * 'reference': an immutable document named by id and revision (NTM catalogs, catalogRecords.ts).
   */
  ownership: 'owned' | 'content' | 'reference';
  schema: z.ZodType<Record<string, unknown>>;
  /** Column names in a fixed order (the schema's keys). */
  columns: readonly string[];
  /** Merge order: parents first, so foreign keys hold at every step of the one transaction. */
  mergeOrder: number;
  parents: readonly ParentRef[];
  /** Columns holding the SHA-256 of an attachment whose bytes must be in the bundle or already stored. */
  attachmentColumns: readonly string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const OFFICE_CODE_PATTERN = /^[HXT]\d{2,5}$/;

const id = z.string().regex(UUID, { message: 'id phải là UUID chữ thường' });
const required = (max = 2000) => z.string().min(1).max(max);
const nullableText = (max = 2000) => z.string().max(max).nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'ngày phải có dạng YYYY-MM-DD' });
const int = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max);
const flag = z.union([z.literal(0), z.literal(1)]);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256 phải là 64 ký tự hex chữ thường' });
/** A text column that holds JSON: it must parse, or the features reading it would fail later. */
const jsonText = (max = 1_000_000) =>
  markJsonText(
    z
      .string()
      .max(max)
      .refine((s) => isJson(s), { message: 'không phải JSON hợp lệ' }),
  );

const syncableColumns = {
  id,
  office_code: z.string().regex(OFFICE_CODE_PATTERN, { message: 'mã đơn vị không hợp lệ' }),
  version: int(1),
  updated_at: z.iso.datetime({ offset: true }),
  deleted: flag,
};

type Shape = Record<string, z.ZodType>;

function owned(
  name: string,
  mergeOrder: number,
  shape: Shape,
  extra: { parents?: ParentRef[]; attachmentColumns?: string[] } = {},
): RecordTypeSpec {
  const full = { ...syncableColumns, ...shape };
  return {
    name,
    table: name,
    ownership: 'owned',
    schema: z.strictObject(full) as unknown as z.ZodType<Record<string, unknown>>,
    columns: Object.keys(full),
    mergeOrder,
    parents: extra.parents ?? [],
    attachmentColumns: extra.attachmentColumns ?? [],
  };
}

const attachmentShape = {
  // The bundle format needs a string id per record; for a content-addressed row it is its hash.
  id: sha256,
  sha256,
  size: int(0),
  mime: required(200),
  created_at: z.iso.datetime({ offset: true }),
};

const attachment: RecordTypeSpec = {
  name: 'attachment',
  table: 'attachment',
  ownership: 'content',
  schema: z
    .strictObject(attachmentShape)
    .refine((r) => r.id === r.sha256, { message: 'id phải trùng sha256' }) as unknown as z.ZodType<Record<string, unknown>>,
  columns: Object.keys(attachmentShape),
  mergeOrder: 0,
  parents: [],
  attachmentColumns: ['sha256'],
};

const ntmCatalog: RecordTypeSpec = {
  name: CATALOG_RECORD_TYPE,
  table: 'ntm_catalog',
  ownership: 'reference',
  schema: catalogRecordSchema as unknown as z.ZodType<Record<string, unknown>>,
  columns: CATALOG_COLUMNS,
  mergeOrder: 0,
  parents: [],
  attachmentColumns: [],
};

/** Every record type, in merge order. */
export const RECORD_TYPES: readonly RecordTypeSpec[] = [
  attachment,
  ntmCatalog,
  // NTM (db/migrations/2026_11_23_0002_ntm.ts)
  owned('ntm_commune', 10, {
    unit_id: required(40),
    region: nullableText(20),
    commune_group: int(1, 3).nullable(),
    flags_json: jsonText(100_000),
  }),
  owned(
    'ntm_assessment',
    20,
    {
      commune_id: id,
      period: z.string().regex(/^\d{4}-Q[1-4]$/),
      catalog_id: required(100),
      catalog_revision: int(1),
      status: z.enum(['draft', 'submitted', 'locked']),
      updated_by: nullableText(200),
    },
    { parents: [{ column: 'commune_id', recordType: 'ntm_commune' }] },
  ),
  owned(
    'ntm_value',
    30,
    {
      assessment_id: id,
      indicator_code: required(50),
      value_json: jsonText(100_000).nullable(),
      manual_met: flag.nullable(),
      evidence: nullableText(4000),
      entered_by: nullableText(200),
    },
    { parents: [{ column: 'assessment_id', recordType: 'ntm_assessment' }] },
  ),
  owned(
    'ntm_evidence_file',
    30,
    {
      assessment_id: id,
      indicator_code: required(50),
      sha256,
      file_name: required(255),
      added_by: nullableText(200),
    },
    { parents: [{ column: 'assessment_id', recordType: 'ntm_assessment' }], attachmentColumns: ['sha256'] },
  ),
  owned(
    'ntm_recognition',
    20,
    {
      commune_id: id,
      level: z.enum(['xa_ntm', 'xa_ntm_nang_cao', 'xa_ntm_kieu_mau', 'xa_ntm_hien_dai']),
      decision_no: required(100),
      decided_on: date,
      issuer: required(200),
      catalog_id: nullableText(100),
      revoked_decision_no: nullableText(100),
      revoked_on: date.nullable(),
      note: nullableText(2000),
    },
    { parents: [{ column: 'commune_id', recordType: 'ntm_commune' }] },
  ),
  // OCOP (db/migrations/2026_11_23_0003_ocop.ts)
  owned('ocop_producer', 40, {
    kind: required(50),
    name: required(300),
    tax_code: nullableText(50),
    legal_rep_name: required(200),
    legal_rep_title: nullableText(200),
    legal_rep_gender: z.enum(['nam', 'nu']).nullable(),
    legal_rep_ethnicity: nullableText(100),
    legal_rep_address: nullableText(500),
    address: required(500),
    unit_code: required(10),
    phone: nullableText(50),
    email: nullableText(200),
    founded_on: date.nullable(),
    note: nullableText(2000),
  }),
  owned(
    'ocop_product',
    50,
    {
      producer_id: id,
      name: required(300),
      unit_code: required(10),
      sheet_no: int(1, 26),
      catalog_version: required(100),
      sequence: int(0),
      code_year: int(1900, 9999),
      product_code: required(100),
      registration_kind: z.enum(['first', 'upgrade', 're_evaluation']),
      status: required(50),
      status_since: required(40),
      commune_received_on: nullableText(40),
      description: nullableText(10_000),
      self_report_json: jsonText(),
      commune_report_json: jsonText(),
      // Migration 0008 (the new-format code gained on re-evaluation after the 2025 reform); absent from older bundles.
      new_product_code: nullableText(100).default(null),
    },
    { parents: [{ column: 'producer_id', recordType: 'ocop_producer' }] },
  ),
  owned(
    'ocop_product_event',
    60,
    {
      product_id: id,
      from_status: nullableText(50),
      to_status: required(50),
      on_date: required(40),
      note: nullableText(2000),
      staff_name: nullableText(200),
    },
    { parents: [{ column: 'product_id', recordType: 'ocop_product' }] },
  ),
  owned(
    'ocop_evaluation',
    60,
    {
      product_id: id,
      level: z.enum(['self', 'commune', 'province', 'central']),
      catalog_version: required(100),
      sheet_no: int(1, 26),
      evaluated_on: required(40),
      members_json: jsonText(),
      disqualification_json: jsonText().nullable(),
      complete: flag,
      total: z.number().finite().nullable(),
      stars: int(0, 5).nullable(),
      result_json: jsonText().nullable(),
      note: nullableText(4000),
      updated_by: nullableText(200),
    },
    { parents: [{ column: 'product_id', recordType: 'ocop_product' }] },
  ),
  owned(
    'ocop_certificate',
    70,
    {
      product_id: id,
      evaluation_id: id.nullable(),
      number: required(100),
      decision_no: required(100),
      issued_on: required(40),
      expires_on: required(40),
      stars: int(3, 5),
      issuer: required(200),
      revoked_on: nullableText(40),
      revoked_decision_no: nullableText(100),
      revoked_reason: nullableText(2000),
    },
    {
      parents: [
        { column: 'product_id', recordType: 'ocop_product' },
        { column: 'evaluation_id', recordType: 'ocop_evaluation' },
      ],
    },
  ),
  owned(
    'ocop_dossier_item',
    60,
    {
      product_id: id,
      item_id: required(100),
      state: z.enum(['missing', 'received', 'checked']),
      note: nullableText(2000),
      updated_by: nullableText(200),
    },
    { parents: [{ column: 'product_id', recordType: 'ocop_product' }] },
  ),
  owned(
    'ocop_dossier_file',
    60,
    {
      product_id: id,
      item_id: required(100),
      sha256,
      file_name: required(255),
      added_by: nullableText(200),
    },
    { parents: [{ column: 'product_id', recordType: 'ocop_product' }], attachmentColumns: ['sha256'] },
  ),
  // Periodic reports (db/migrations/2026_11_23_0005_reports.ts): a final one carries its figures' snapshot.
  owned('report', 80, {
    period: z.string().regex(/^\d{4}(-Q[1-4]|-H[12])?$/),
    period_kind: z.enum(['quarter', 'half', 'year']),
    revision: int(1),
    status: z.enum(['draft', 'final']),
    narrative_json: jsonText(),
    header_json: jsonText(),
    snapshot_json: jsonText(20_000_000).nullable(),
    created_at: z.iso.datetime({ offset: true }),
    created_by: nullableText(200),
    finalized_at: z.iso.datetime({ offset: true }).nullable(),
    finalized_by: nullableText(200),
  }),
  // Plans and verification (db/migrations/2026_11_23_0007_plans.ts): targets, roadmaps, rounds, team and
  // sector findings (kept apart from the commune's self-assessment in ntm_value), sector tasks.
  owned('plan', 10, {
    title: required(500),
    document_no: required(100),
    document_date: date,
    issuer: required(300),
    year_from: int(2000, 2100),
    year_to: int(2000, 2100),
    note: nullableText(4000),
    created_by: nullableText(200),
  }),
  owned(
    'plan_target',
    20,
    {
      plan_id: id,
      sort_order: int(0),
      metric: required(100),
      mode: z.enum(['new', 'cumulative', 'percent', 'level']),
      target_value: z.number().finite(),
      target_office_code: z.string().regex(OFFICE_CODE_PATTERN).nullable(),
      achieved_manual: z.number().finite().nullable(),
      note: nullableText(4000),
    },
    { parents: [{ column: 'plan_id', recordType: 'plan' }] },
  ),
  owned(
    'plan_roadmap',
    20,
    {
      commune_id: id,
      level: z.enum(['xa_ntm', 'xa_ntm_nang_cao', 'xa_ntm_kieu_mau', 'xa_ntm_hien_dai']),
      target_year: int(2000, 2100),
      plan_id: id.nullable(),
      note: nullableText(4000),
    },
    { parents: [{ column: 'commune_id', recordType: 'ntm_commune' }] },
  ),
  owned('plan_round', 10, {
    title: required(500),
    document_no: required(100),
    document_date: date,
    issuer: required(300),
    catalog_id: nullableText(100),
    scope_json: jsonText(),
    members_due: date.nullable(),
    teams_due: date.nullable(),
    review_due: date.nullable(),
    report_due: date.nullable(),
    reported_on: date.nullable(),
    conclusion: nullableText(20_000),
    note: nullableText(4000),
  }),
  owned(
    'plan_round_team',
    20,
    {
      round_id: id,
      name: required(300),
      leader: nullableText(200),
      members_json: jsonText(100_000),
      created_at: z.iso.datetime({ offset: true }),
    },
    { parents: [{ column: 'round_id', recordType: 'plan_round' }] },
  ),
  owned(
    'plan_round_item',
    // After ocop_evaluation (60): an item names the re-scoring of its product.
    65,
    {
      round_id: id,
      subject_kind: z.enum(['commune', 'ocop_product']),
      subject_id: id,
      reason: required(2000),
      catalog_id: nullableText(100),
      team_id: id.nullable(),
      result: z.enum(['pending', 'confirmed', 'not_confirmed']),
      result_note: nullableText(4000),
      checked_on: date.nullable(),
      // Migration 0009 (the round's outcome); absent from older bundles.
      outcome: z.enum(['maintained', 'remedy', 'revoke_proposed', 'upgrade', 'downgrade', 'revoke']).nullable().default(null),
      outcome_reason: nullableText(4000).default(null),
      remedy_due: date.nullable().default(null),
      remedied_on: date.nullable().default(null),
      recognition_id: id.nullable().default(null),
      evaluation_id: id.nullable().default(null),
    },
    {
      parents: [
        { column: 'round_id', recordType: 'plan_round' },
        { column: 'recognition_id', recordType: 'ntm_recognition' },
        { column: 'evaluation_id', recordType: 'ocop_evaluation' },
      ],
    },
  ),
  // Migration 0009: the office's own responsible sector for a criterion, over the catalog's default.
  owned('plan_criterion_sector', 10, {
    catalog_id: required(100),
    criterion_no: int(1, 100),
    sector: required(300),
    note: nullableText(2000),
  }),
  owned(
    'plan_finding',
    30,
    {
      round_id: id,
      commune_id: id,
      catalog_id: required(100),
      source: z.enum(['doan_tham_dinh', 'nganh']),
      sector: z.string().max(300),
      indicator_code: required(50),
      value_json: jsonText(100_000).nullable(),
      manual_met: flag.nullable(),
      evidence: nullableText(4000),
      entered_by: nullableText(200),
    },
    {
      parents: [
        { column: 'round_id', recordType: 'plan_round' },
        { column: 'commune_id', recordType: 'ntm_commune' },
      ],
    },
  ),
  owned(
    'plan_finding_file',
    40,
    { finding_id: id, sha256, file_name: required(255), added_by: nullableText(200) },
    { parents: [{ column: 'finding_id', recordType: 'plan_finding' }], attachmentColumns: ['sha256'] },
  ),
  owned(
    'plan_task',
    // After ocop_product (50): a task may name a product.
    65,
    {
      // Migration 0009 rebuilt the table: commune, criterion and sector optional; older bundles always carry them.
      commune_id: id.nullable(),
      catalog_id: nullableText(100),
      criterion_no: int(1, 100).nullable(),
      criterion_name: nullableText(300),
      sector: nullableText(300),
      title: required(1000),
      due_on: date,
      status: z.enum(['open', 'in_progress', 'done', 'cancelled']),
      origin: z.enum(['round', 'roadmap', 'manual']),
      round_id: id.nullable(),
      done_on: date.nullable(),
      note: nullableText(4000),
      created_by: nullableText(200),
      // Migration 0009; absent from older bundles.
      product_id: id.nullable().default(null),
      staff_id: id.nullable().default(null),
      staff_name: nullableText(200).default(null),
      doc_no: nullableText(100).default(null),
      doc_date: date.nullable().default(null),
      doc_issuer: nullableText(300).default(null),
    },
    {
      parents: [
        { column: 'commune_id', recordType: 'ntm_commune' },
        { column: 'product_id', recordType: 'ocop_product' },
      ],
    },
  ),
].sort((a, b) => a.mergeOrder - b.mergeOrder || a.name.localeCompare(b.name));

const BY_NAME = new Map(RECORD_TYPES.map((t) => [t.name, t]));

export function recordTypeSpec(name: string): RecordTypeSpec | undefined {
  return BY_NAME.get(name);
}

export const OWNED_RECORD_TYPES: readonly RecordTypeSpec[] = RECORD_TYPES.filter((t) => t.ownership === 'owned');

/**
 * Record types an importer checks as a whole before merging (services/exchange/unitCodes.ts: NTM quarters against
 * their commune's era, OCOP addresses through the 2025 lineage).
 */
export const WHOLE_BUNDLE_TYPES: readonly string[] = ['ntm_commune', 'ntm_assessment', 'ntm_recognition', 'ocop_producer', 'ocop_product'];

/**
 * The order of data files an office writes: the whole-bundle types first, then every type in merge order, so the
 * province can merge the bulk while it is still being read (importService.ts). Readers accept any order.
 */
export const BUNDLE_DATA_ORDER: readonly string[] = [
  ...RECORD_TYPES.filter((t) => WHOLE_BUNDLE_TYPES.includes(t.name)).map((t) => t.name),
  ...RECORD_TYPES.filter((t) => !WHOLE_BUNDLE_TYPES.includes(t.name)).map((t) => t.name),
];
