import type { Kysely } from 'kysely';
import { officeCodeOf, type OfficeProfile, type StaffMember } from '../core/contract/domain';
import type { Selectable } from 'kysely';
import type { Database, OfficeTable, StaffTable } from './schema';

export async function getOfficeRow(db: Kysely<Database>): Promise<Selectable<OfficeTable> | undefined> {
  return db.selectFrom('office').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** The office profile with its unit's and province's names, or null before the first-run setup. */
export async function getOfficeProfile(db: Kysely<Database>): Promise<OfficeProfile | null> {
  const row = await db
    .selectFrom('office')
    .innerJoin('admin_unit as u', 'u.id', 'office.unit_id')
    .select([
      'office.kind', 'office.province_code', 'office.office_name', 'office.parent_body_name', 'office.updated_at',
      'u.code as unit_code', 'u.level as unit_level', 'u.era as unit_era', 'u.full_name as unit_name',
    ])
    .where('office.id', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  const province = await db
    .selectFrom('admin_unit')
    .select('full_name')
    .where('level', '=', 'province')
    .where('era', '=', row.unit_era)
    .where('code', '=', row.province_code)
    .executeTakeFirst();
  return {
    officeCode: officeCodeOf(row.kind, row.unit_code),
    kind: row.kind,
    provinceCode: row.province_code,
    unitCode: row.unit_code,
    unitLevel: row.unit_level,
    unitEra: row.unit_era,
    unitName: row.unit_name,
    provinceName: province?.full_name ?? '',
    officeName: row.office_name,
    parentBodyName: row.parent_body_name,
    updatedAt: row.updated_at,
  };
}

export async function insertOffice(db: Kysely<Database>, row: Omit<OfficeTable, 'id'>): Promise<void> {
  await db.insertInto('office').values({ id: 1, ...row }).execute();
}

export async function updateOffice(db: Kysely<Database>, patch: Partial<Omit<OfficeTable, 'id' | 'created_at'>>): Promise<void> {
  await db.updateTable('office').set(patch).where('id', '=', 1).execute();
}

export function rowToStaff(row: StaffTable): StaffMember {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

export async function insertStaff(db: Kysely<Database>, row: StaffTable): Promise<void> {
  await db.insertInto('staff').values(row).execute();
}

export async function getStaff(db: Kysely<Database>, id: string): Promise<StaffTable | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStaff(db: Kysely<Database>): Promise<StaffTable[]> {
  return db.selectFrom('staff').selectAll().where('active', '=', 1).orderBy('created_at').execute();
}
