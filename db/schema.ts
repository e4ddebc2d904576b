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
};
