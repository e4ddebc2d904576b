import { AppError } from '../../core/errors';
import { getOfficeProfile, getStaff } from '../../db/office';
import { getSetting } from '../../db/settings';
import type { OfficeProfile } from '../../core/contract/index';
import type { ServiceContext } from '../context';

/** Who makes a change, for which office, and when: stamped on every OCOP row and audit entry. */
export type Actor = { at: string; today: string; staffId: string | null; staffName: string | null; office: OfficeProfile };

export async function actorOf(ctx: ServiceContext): Promise<Actor> {
  const office = await getOfficeProfile(ctx.db);
  if (!office) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  const staffId = await getSetting(ctx.db, 'current_staff_id');
  const staff = staffId ? await getStaff(ctx.db, staffId) : undefined;
  const now = ctx.now();
  return { at: now.toISOString(), today: todayOf(now), staffId: staff?.id ?? null, staffName: staff?.name ?? null, office };
}

/** The calendar date in Việt Nam (UTC+7, no daylight saving): deadlines are counted in local days. */
export function todayOf(now: Date): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}
