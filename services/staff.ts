import type { Kysely } from 'kysely';
import { writeAudit } from '../db/audit';
import { getStaff } from '../db/office';
import type { Database } from '../db/schema';
import { getSetting } from '../db/settings';
import type { ServiceContext } from './context';

export type Actor = { id: string | null; name: string | null };

/** The person at the keyboard, recorded on every change. */
export async function currentActor(ctx: ServiceContext): Promise<Actor> {
  const id = await getSetting(ctx.db, 'current_staff_id');
  const row = id ? await getStaff(ctx.db, id) : undefined;
  return { id: row?.id ?? null, name: row?.name ?? null };
}

/** Appends an audit entry inside the caller's transaction. */
export async function audit(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  actor: Actor,
  entry: { entity: string; entityId: string; action: string; before: unknown; after: unknown },
): Promise<void> {
  await writeAudit(trx, { at: ctx.now().toISOString(), staffId: actor.id, staffName: actor.name, ...entry });
}
