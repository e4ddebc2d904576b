import type { Generated } from 'kysely';

/**
 * Table types, honest about SQLite: snake_case, `T | null` for nullable columns, 0 | 1 booleans,
 * Generated<> for columns with defaults. (Kysely getting-started: "_types".)
 */
export type MigrationTable = { name: string; applied_at: string };

export type AppSettingTable = { key: string; value: string };

export type AdminUnitTable = {
  id: string;
  code: string;
  level: 'province' | 'district' | 'commune';
  era: 'before-2025-07' | 'current';
  name: string;
  full_name: string;
  unit_type: string;
  province_code: string;
  parent_code: string | null;
  region_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  search_key: string;
};

export type OfficeTable = {
  id: Generated<number>;
  kind: 'district' | 'commune' | 'province';
  province_code: string;
  unit_id: string;
  office_name: string;
  parent_body_name: string;
  created_at: string;
  updated_at: string;
};

export type StaffTable = { id: string; name: string; pin_hash: string | null; active: 0 | 1; created_at: string };

export type AuditLogTable = {
  id: Generated<number>;
  at: string;
  staff_id: string | null;
  staff_name: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
};

export type Database = {
  _migrations: MigrationTable;
  app_setting: AppSettingTable;
  admin_unit: AdminUnitTable;
  office: OfficeTable;
  staff: StaffTable;
  audit_log: AuditLogTable;
  lineage_clause: LineageClauseTable;
  unit_lineage: UnitLineageTable;
  province_lineage: ProvinceLineageTable;
  ntm_catalog: NtmCatalogTable;
  ntm_commune: NtmCommuneTable;
  ntm_assessment: NtmAssessmentTable;
  ntm_value: NtmValueTable;
  attachment: AttachmentTable;
  ntm_evidence_file: NtmEvidenceFileTable;
  ntm_recognition: NtmRecognitionTable;
  ocop_producer: OcopProducerTable;
  ocop_product: OcopProductTable;
  ocop_product_event: OcopProductEventTable;
  ocop_evaluation: OcopEvaluationTable;
  ocop_certificate: OcopCertificateTable;
  ocop_dossier_item: OcopDossierItemTable;
  ocop_dossier_file: OcopDossierFileTable;
  exchange_key: ExchangeKeyTable;
  exchange_peer: ExchangePeerTable;
  exchange_export: ExchangeExportTable;
  exchange_export_item: ExchangeExportItemTable;
  exchange_acked: ExchangeAckedTable;
  exchange_import_log: ExchangeImportLogTable;
  report: ReportTable;
  plan: PlanTable;
  plan_target: PlanTargetTable;
  plan_roadmap: PlanRoadmapTable;
  plan_round: PlanRoundTable;
  plan_round_team: PlanRoundTeamTable;
  plan_round_item: PlanRoundItemTable;
  plan_finding: PlanFindingTable;
  plan_finding_file: PlanFindingFileTable;
  plan_task: PlanTaskTable;
  plan_criterion_sector: PlanCriterionSectorTable;
  reform_queue: ReformQueueTable;
};

/** Columns every syncable record carries (UUIDv7 id, owner, version, tombstone). */
export type Syncable = { office_code: string; version: Generated<number>; updated_at: string; deleted: Generated<0 | 1> };

export type NtmCatalogTable = {
  id: string;
  revision: number;
  name: string;
  level: string;
  period_from: number;
  period_to: number;
  origin: 'shipped' | 'imported' | 'edited';
  document_json: string;
  imported_at: string;
};

export type NtmCommuneTable = Syncable & {
  id: string;
  unit_id: string;
  region: string | null;
  commune_group: number | null;
  flags_json: Generated<string>;
};

export type NtmAssessmentTable = Syncable & {
  id: string;
  commune_id: string;
  period: string;
  catalog_id: string;
  catalog_revision: number;
  status: 'draft' | 'submitted' | 'locked';
  updated_by: string | null;
};

export type NtmValueTable = Syncable & {
  id: string;
  assessment_id: string;
  indicator_code: string;
  value_json: string | null;
  manual_met: 0 | 1 | null;
  evidence: string | null;
  entered_by: string | null;
};

export type AttachmentTable = { sha256: string; size: number; mime: string; created_at: string };

export type NtmEvidenceFileTable = Syncable & {
  id: string;
  assessment_id: string;
  indicator_code: string;
  sha256: string;
  file_name: string;
  added_by: string | null;
};

export type NtmRecognitionTable = Syncable & {
  id: string;
  commune_id: string;
  level: 'xa_ntm' | 'xa_ntm_nang_cao' | 'xa_ntm_kieu_mau' | 'xa_ntm_hien_dai';
  decision_no: string;
  decided_on: string;
  issuer: string;
  catalog_id: string | null;
  revoked_decision_no: string | null;
  revoked_on: string | null;
  note: string | null;
};

export type OcopProducerTable = Syncable & {
  id: string;
  kind: string;
  name: string;
  tax_code: string | null;
  legal_rep_name: string;
  legal_rep_title: string | null;
  legal_rep_gender: 'nam' | 'nu' | null;
  legal_rep_ethnicity: string | null;
  legal_rep_address: string | null;
  address: string;
  unit_code: string;
  phone: string | null;
  email: string | null;
  founded_on: string | null;
  note: string | null;
};

export type OcopProductTable = Syncable & {
  id: string;
  producer_id: string;
  name: string;
  unit_code: string;
  sheet_no: number;
  catalog_version: string;
  sequence: number;
  code_year: number;
  product_code: string;
  registration_kind: 'first' | 'upgrade' | 're_evaluation';
  status: string;
  status_since: string;
  commune_received_on: string | null;
  description: string | null;
  self_report_json: Generated<string>;
  commune_report_json: Generated<string>;
  /** Migration 0008: the new-format code gained on re-evaluation after the reform; product_code stays as certified. */
  new_product_code: string | null;
};

export type OcopProductEventTable = Syncable & {
  id: string;
  product_id: string;
  from_status: string | null;
  to_status: string;
  on_date: string;
  note: string | null;
  staff_name: string | null;
};

export type OcopEvaluationTable = Syncable & {
  id: string;
  product_id: string;
  level: 'self' | 'commune' | 'province' | 'central';
  catalog_version: string;
  sheet_no: number;
  evaluated_on: string;
  members_json: string;
  disqualification_json: string | null;
  complete: 0 | 1;
  total: number | null;
  stars: number | null;
  result_json: string | null;
  note: string | null;
  updated_by: string | null;
};

export type OcopCertificateTable = Syncable & {
  id: string;
  product_id: string;
  evaluation_id: string | null;
  number: string;
  decision_no: string;
  issued_on: string;
  expires_on: string;
  stars: number;
  issuer: string;
  revoked_on: string | null;
  revoked_decision_no: string | null;
  revoked_reason: string | null;
};

export type OcopDossierItemTable = Syncable & {
  id: string;
  product_id: string;
  item_id: string;
  state: 'missing' | 'received' | 'checked';
  note: string | null;
  updated_by: string | null;
};

export type OcopDossierFileTable = Syncable & {
  id: string;
  product_id: string;
  item_id: string;
  sha256: string;
  file_name: string;
  added_by: string | null;
};

export type ExchangeKeyTable = {
  id: string;
  kind: 'signing' | 'encryption';
  status: 'active' | 'retired';
  /** minisign: the base64 public key line; age: the "age1…" recipient. */
  public_key: string;
  /** minisign key id as minisign prints it; null for age keys. */
  key_id: string | null;
  fingerprint: string;
  protection: 'passphrase' | 'os';
  /** The private key file's text sealed by services/bundle/keys.ts sealSecret; never stored in the clear. */
  sealed_secret: Uint8Array;
  created_at: string;
  retired_at: string | null;
};

export type ExchangePeerTable = {
  id: string;
  kind: 'office_signing' | 'province_recipient';
  status: 'active' | 'retired';
  office_code: string;
  name: string;
  public_key: string;
  key_id: string | null;
  fingerprint: string;
  added_at: string;
  retired_at: string | null;
};

export type ExchangeExportTable = {
  sequence: number;
  mode: 'full' | 'incremental';
  office_code: string;
  created_at: string;
  file_name: string;
  bytes: number;
  sha256: string;
  counts_json: string;
  periods_json: string;
  attachment_count: number;
  /** The acknowledged export an incremental one builds on; null for full exports and the first one. */
  base_sequence: number | null;
  recipient_fingerprint: string;
  acknowledged_at: string | null;
  staff_name: string | null;
};

export type ExchangeExportItemTable = { sequence: number; record_type: string; record_id: string; version: number };

export type ExchangeAckedTable = { record_type: string; record_id: string; version: number };

export type ExchangeImportLogTable = {
  id: Generated<number>;
  at: string;
  status: 'imported' | 'rejected';
  office_code: string | null;
  sequence: number | null;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  bundle_created_at: string | null;
  signer_fingerprint: string | null;
  counts_json: string;
  warnings_json: string;
  error_code: string | null;
  message: string | null;
  staff_name: string | null;
};

export type LineageClauseTable = { id: string; resolution: string; title: string; text: string };

export type UnitLineageTable = {
  old_code: string;
  new_code: string;
  province_code: string;
  share: 'full' | 'partial';
  clause_id: string;
  confidence: string | null;
  old_known: 0 | 1;
};

export type ProvinceLineageTable = { new_code: string; old_code: string };

/** A periodic report (migration 0005): narrative and header as JSON; snapshot_json is the figures of a final one. */
export type ReportTable = Syncable & {
  id: string;
  period: string;
  period_kind: 'quarter' | 'half' | 'year';
  revision: number;
  status: 'draft' | 'final';
  narrative_json: string;
  header_json: string;
  snapshot_json: string | null;
  created_at: string;
  created_by: string | null;
  finalized_at: string | null;
  finalized_by: string | null;
};

/** Migration 0008: a record addressed to a split old unit, waiting for a person to pick its new unit. */
export type ReformQueueTable = {
  id: string;
  entity: 'ocop_producer' | 'ocop_product';
  entity_id: string;
  old_code: string;
  /** JSON: the new unit codes the old one went into (its lineage links), each with share and clause id. */
  candidates_json: string;
  status: 'pending' | 'later' | 'resolved';
  resolved_code: string | null;
  created_at: string;
  updated_at: string;
  resolved_by: string | null;
};

/** Plans and verification (migration 0007): targets are data the office enters from its directive. */
export type PlanTable = Syncable & {
  id: string;
  title: string;
  document_no: string;
  document_date: string;
  issuer: string;
  year_from: number;
  year_to: number;
  note: string | null;
  created_by: string | null;
};

export type PlanTargetTable = Syncable & {
  id: string;
  plan_id: string;
  sort_order: number;
  metric: string;
  mode: 'new' | 'cumulative' | 'percent' | 'level';
  target_value: number;
  target_office_code: string | null;
  achieved_manual: number | null;
  note: string | null;
};

export type PlanRoadmapTable = Syncable & {
  id: string;
  commune_id: string;
  level: 'xa_ntm' | 'xa_ntm_nang_cao' | 'xa_ntm_kieu_mau' | 'xa_ntm_hien_dai';
  target_year: number;
  plan_id: string | null;
  note: string | null;
};

export type PlanRoundTable = Syncable & {
  id: string;
  title: string;
  document_no: string;
  document_date: string;
  issuer: string;
  catalog_id: string | null;
  scope_json: string;
  members_due: string | null;
  teams_due: string | null;
  review_due: string | null;
  report_due: string | null;
  reported_on: string | null;
  conclusion: string | null;
  note: string | null;
};

export type PlanRoundTeamTable = Syncable & {
  id: string;
  round_id: string;
  name: string;
  leader: string | null;
  members_json: Generated<string>;
  created_at: string;
};

export type PlanRoundItemTable = Syncable & {
  id: string;
  round_id: string;
  subject_kind: 'commune' | 'ocop_product';
  subject_id: string;
  reason: string;
  catalog_id: string | null;
  team_id: string | null;
  result: Generated<'pending' | 'confirmed' | 'not_confirmed'>;
  result_note: string | null;
  checked_on: string | null;
  /** Migration 0009: the round's outcome for the commune or product, with its reason. */
  outcome: 'maintained' | 'remedy' | 'revoke_proposed' | 'upgrade' | 'downgrade' | 'revoke' | null;
  outcome_reason: string | null;
  remedy_due: string | null;
  remedied_on: string | null;
  /** The recognition decision at stake (communes); a later revocation shows beside the outcome. */
  recognition_id: string | null;
  /** The OCOP re-scoring on the sheet in force (products). */
  evaluation_id: string | null;
};

/** Migration 0009: the office's own responsible sector for a criterion of a catalog, over the catalog's default. */
export type PlanCriterionSectorTable = Syncable & {
  id: string;
  catalog_id: string;
  criterion_no: number;
  sector: string;
  note: string | null;
};

/** A team's (đoàn thẩm định) or a sector's finding for one indicator; the self-assessment stays in ntm_value. */
export type PlanFindingTable = Syncable & {
  id: string;
  round_id: string;
  commune_id: string;
  catalog_id: string;
  source: 'doan_tham_dinh' | 'nganh';
  sector: Generated<string>;
  indicator_code: string;
  value_json: string | null;
  manual_met: 0 | 1 | null;
  evidence: string | null;
  entered_by: string | null;
};

export type PlanFindingFileTable = Syncable & {
  id: string;
  finding_id: string;
  sha256: string;
  file_name: string;
  added_by: string | null;
};

/** Rebuilt by migration 0009: assigned to a sector or a staff member, linked to any of commune, criterion, product, round. */
export type PlanTaskTable = Syncable & {
  id: string;
  commune_id: string | null;
  catalog_id: string | null;
  criterion_no: number | null;
  criterion_name: string | null;
  product_id: string | null;
  sector: string | null;
  staff_id: string | null;
  staff_name: string | null;
  title: string;
  due_on: string;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  origin: 'round' | 'roadmap' | 'manual';
  round_id: string | null;
  done_on: string | null;
  note: string | null;
  created_by: string | null;
  /** The document that assigned the task (number, date, issuer). */
  doc_no: string | null;
  doc_date: string | null;
  doc_issuer: string | null;
};
