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
  ntm_catalog: NtmCatalogTable;
  ntm_commune: NtmCommuneTable;
  ntm_assessment: NtmAssessmentTable;
  ntm_value: NtmValueTable;
  attachment: AttachmentTable;
  ntm_evidence_file: NtmEvidenceFileTable;
  ntm_recognition: NtmRecognitionTable;
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
