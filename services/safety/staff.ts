import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../core/errors';
import type { StaffView } from '../../core/contract/safety';
import { getStaff, insertStaff, listStaff } from '../../db/office';
import type { StaffTable } from '../../db/schema';
import { getSetting, setSetting } from '../../db/settings';
import type { ServiceContext } from '../context';
import { audit, currentActor } from '../staff';

/** PINs are stored as salted scrypt hashes (RFC 7914): "scrypt$<salt>$<hash>", never in clear. */
export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(pin, salt, 32).toString('base64')}`;
}

export function checkPin(pin: string, stored: string): boolean {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(expected, actual);
}

function view(row: StaffTable, currentId: string | null): StaffView {
  return { id: row.id, name: row.name, createdAt: row.created_at, hasPin: row.pin_hash !== null, current: row.id === currentId };
}

export async function staffList(ctx: ServiceContext): Promise<StaffView[]> {
  const current = await getSetting(ctx.db, 'current_staff_id');
  return (await listStaff(ctx.db)).map((r) => view(r, current));
}

export async function staffAdd(ctx: ServiceContext, input: { name: string; pin?: string }): Promise<StaffView> {
  const existing = await listStaff(ctx.db);
  if (existing.some((s) => s.name.toLocaleLowerCase('vi') === input.name.toLocaleLowerCase('vi'))) {
    throw new AppError('STAFF_EXISTS', `Đã có người dùng tên "${input.name}".`);
  }
  const actor = await currentActor(ctx);
  const row: StaffTable = { id: ctx.newId(), name: input.name, pin_hash: input.pin ? hashPin(input.pin) : null, active: 1, created_at: ctx.now().toISOString() };
  await ctx.db.transaction().execute(async (trx) => {
    await insertStaff(trx, row);
    await audit(trx, ctx, actor, { entity: 'staff', entityId: row.id, action: 'create', before: null, after: { name: row.name, hasPin: row.pin_hash !== null } });
  });
  return view(row, await getSetting(ctx.db, 'current_staff_id'));
}

export async function staffSelect(ctx: ServiceContext, input: { id: string; pin?: string }): Promise<StaffView> {
  const row = await getStaff(ctx.db, input.id);
  if (!row || row.active !== 1) throw new AppError('STAFF_NOT_FOUND', 'Không có người dùng này.');
  if (row.pin_hash !== null && !(input.pin !== undefined && checkPin(input.pin, row.pin_hash))) {
    throw new AppError('STAFF_PIN_WRONG', 'Mã PIN không đúng.');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await setSetting(trx, 'current_staff_id', row.id);
    await audit(trx, ctx, { id: row.id, name: row.name }, { entity: 'staff', entityId: row.id, action: 'sign_in', before: null, after: { name: row.name } });
  });
  return view(row, row.id);
}
