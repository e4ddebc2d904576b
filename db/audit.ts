import type { Kysely } from 'kysely';
import type { AuditEntry } from '../core/contract/domain';
import type { AuditLogTable, Database } from './schema';

export type AuditWrite = {
  at: string;
  staffId: string | null;
  staffName: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
};

/** Appends to the trail. Call it inside the same transaction as the change it records. */
export async function writeAudit(db: Kysely<Database>, entry: AuditWrite): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      staff_id: entry.staffId,
      staff_name: entry.staffName,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
    })
    .execute();
}

function rowToAudit(row: Omit<AuditLogTable, 'id'> & { id: number }): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    staffName: row.staff_name,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
  };
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { entity?: string; entityId?: string; limit: number },
): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
  const rows = await q.orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(rowToAudit);
}
