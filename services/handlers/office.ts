import { AppError } from '../../core/errors';
import type { AppInfo, OfficeProfile, OfficeSetupInput, OfficeKind, UnitEra, UnitLevel } from '../../core/contract/index';
import { writeAudit } from '../../db/audit';
import { getOfficeProfile, getOfficeRow, getStaff, insertOffice, insertStaff, updateOffice } from '../../db/office';
import { getSetting, setSetting } from '../../db/settings';
import { getUnitRow } from '../../db/units';
import type { AdminUnitTable } from '../../db/schema';
import type { ServiceContext } from '../context';
import { appInfo } from './app';

/**
 * Which unit an office of each kind is attached to. A district office works on the pre-reform map (the
 * district tier ended on 1 July 2025); commune and province offices work on the current two-tier map.
 */
export function unitSlotFor(kind: OfficeKind): { level: UnitLevel; era: UnitEra } {
  switch (kind) {
    case 'district':
      return { level: 'district', era: 'before-2025-07' };
    case 'commune':
      return { level: 'commune', era: 'current' };
    case 'province':
      return { level: 'province', era: 'current' };
    default: {
      const never: never = kind;
      throw new Error(`unknown office kind ${String(never)}`);
    }
  }
}

async function resolveUnit(ctx: ServiceContext, kind: OfficeKind, provinceCode: string, unitCode: string): Promise<AdminUnitTable> {
  const slot = unitSlotFor(kind);
  const province = await getUnitRow(ctx.db, 'province', slot.era, provinceCode);
  if (!province) {
    throw new AppError('UNIT_NOT_FOUND', `Không có tỉnh/thành phố mã "${provinceCode}" trong danh mục đơn vị hành chính.`, { provinceCode });
  }
  const unit = await getUnitRow(ctx.db, slot.level, slot.era, unitCode);
  if (!unit) {
    const what = slot.level === 'district' ? 'huyện (trước 01/7/2025)' : slot.level === 'commune' ? 'xã/phường' : 'tỉnh/thành phố';
    throw new AppError('UNIT_NOT_FOUND', `Không có ${what} mã "${unitCode}" trong danh mục đơn vị hành chính.`, { unitCode, level: slot.level });
  }
  if (unit.province_code !== provinceCode) {
    throw new AppError('UNIT_NOT_IN_PROVINCE', `Đơn vị "${unit.full_name}" không thuộc tỉnh/thành phố mã "${provinceCode}".`, { unitCode, provinceCode });
  }
  return unit;
}

export async function completeSetup(ctx: ServiceContext, input: OfficeSetupInput): Promise<AppInfo> {
  if (await getOfficeRow(ctx.db)) {
    throw new AppError('SETUP_ALREADY_DONE', 'Văn phòng đã được thiết lập. Hãy sửa thông tin trong mục Cài đặt.');
  }
  const unit = await resolveUnit(ctx, input.kind, input.provinceCode, input.unitCode);
  const at = ctx.now().toISOString();
  const staffId = ctx.newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertStaff(trx, { id: staffId, name: input.staffName, pin_hash: null, active: 1, created_at: at });
    await insertOffice(trx, {
      kind: input.kind,
      province_code: input.provinceCode,
      unit_id: unit.id,
      office_name: input.officeName,
      parent_body_name: input.parentBodyName,
      created_at: at,
      updated_at: at,
    });
    await setSetting(trx, 'current_staff_id', staffId);
    await writeAudit(trx, {
      at, staffId, staffName: input.staffName, entity: 'office', entityId: '1', action: 'setup',
      before: null,
      after: { kind: input.kind, provinceCode: input.provinceCode, unitCode: input.unitCode, officeName: input.officeName, parentBodyName: input.parentBodyName },
    });
  });
  ctx.emit('office.changed', null);
  return appInfo(ctx);
}

export async function updateOfficeProfile(
  ctx: ServiceContext,
  input: Omit<OfficeSetupInput, 'staffName'>,
): Promise<OfficeProfile> {
  const before = await getOfficeProfile(ctx.db);
  if (!before) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  const unit = await resolveUnit(ctx, input.kind, input.provinceCode, input.unitCode);
  const at = ctx.now().toISOString();
  const staffId = await getSetting(ctx.db, 'current_staff_id');
  const staff = staffId ? await getStaff(ctx.db, staffId) : undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await updateOffice(trx, {
      kind: input.kind,
      province_code: input.provinceCode,
      unit_id: unit.id,
      office_name: input.officeName,
      parent_body_name: input.parentBodyName,
      updated_at: at,
    });
    await writeAudit(trx, {
      at, staffId: staff?.id ?? null, staffName: staff?.name ?? null, entity: 'office', entityId: '1', action: 'update',
      before: { kind: before.kind, provinceCode: before.provinceCode, unitCode: before.unitCode, officeName: before.officeName, parentBodyName: before.parentBodyName },
      after: { kind: input.kind, provinceCode: input.provinceCode, unitCode: input.unitCode, officeName: input.officeName, parentBodyName: input.parentBodyName },
    });
  });
  ctx.emit('office.changed', null);
  const after = await getOfficeProfile(ctx.db);
  if (!after) throw new AppError('INTERNAL', 'Không đọc lại được hồ sơ văn phòng.');
  return after;
}
