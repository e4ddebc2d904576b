import { resolve } from 'node:path';
import type { AdminUnit, AppInfo, DbCheck, UnitLineage } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { openApp, type AppHandle } from '../../services/app';
import type { CliCommand, CliContext } from '../types';

/** Runs one contract method against the data folder, the same way the other hosts do. */
export async function withApp<T>(ctx: CliContext, fn: (app: AppHandle) => Promise<T>): Promise<T> {
  const app = await openApp({ dataDir: resolve(ctx.cwd, ctx.dataDir), host: { kind: 'cli' } });
  try {
    return await fn(app);
  } finally {
    app.close();
  }
}

export async function callOrThrow<T>(app: AppHandle, method: string, input: unknown): Promise<T> {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
  return r.value as T;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const initCommand: CliCommand = {
  path: ['init'],
  summary: 'Tạo cơ sở dữ liệu của văn phòng (và thiết lập ban đầu nếu có đủ thông tin)',
  usage: 'init [--kind district|commune|province --province CODE --unit CODE --office-name TEN --parent-body TEN --staff TEN]',
  options: {
    kind: { type: 'string', description: 'Loại văn phòng: district (huyện, trước 01/7/2025), commune (xã), province (tỉnh)' },
    province: { type: 'string', description: 'Mã tỉnh (2 chữ số)' },
    unit: { type: 'string', description: 'Mã đơn vị: huyện (3 số, trước cải cách), xã (5 số) hoặc tỉnh' },
    'office-name': { type: 'string', description: 'Tên văn phòng như trên văn bản' },
    'parent-body': { type: 'string', description: 'Cơ quan chủ quản (dòng trên tên văn phòng), ví dụ "UBND XÃ NA NGOI"' },
    staff: { type: 'string', description: 'Người dùng máy tính này' },
  },
  run: (ctx, { values }) =>
    withApp(ctx, async (app) => {
      if (values.kind === undefined) return callOrThrow<AppInfo>(app, 'app.info', {});
      return callOrThrow<AppInfo>(app, 'setup.complete', {
        kind: values.kind,
        provinceCode: str(values.province) ?? '',
        unitCode: str(values.unit) ?? '',
        officeName: str(values['office-name']) ?? '',
        parentBodyName: str(values['parent-body']) ?? '',
        staffName: str(values.staff) ?? '',
      });
    }),
  format: (v) => {
    const info = v as AppInfo;
    return [
      `Cơ sở dữ liệu: ${info.databasePath} (lược đồ phiên bản ${info.schemaVersion})`,
      info.office ? `Văn phòng: ${info.office.officeName} — ${info.office.unitName}, ${info.office.provinceName}` : 'Chưa thiết lập văn phòng (chạy lại với --kind ... hoặc mở ứng dụng).',
    ].join('\n');
  },
};

export const unitsSearchCommand: CliCommand = {
  path: ['units', 'search'],
  summary: 'Tìm đơn vị hành chính theo tên hoặc mã (không phân biệt dấu, hoa thường)',
  usage: 'units search QUERY [--level province|district|commune] [--era current|before-2025-07] [--province CODE] [--limit N]',
  options: {
    level: { type: 'string', description: 'Cấp: province, district, commune' },
    era: { type: 'string', description: 'current (sau 01/7/2025) hoặc before-2025-07' },
    province: { type: 'string', description: 'Chỉ trong tỉnh có mã này' },
    limit: { type: 'string', description: 'Số kết quả tối đa (mặc định 20)' },
  },
  run: (ctx, { values, positionals }) =>
    withApp(ctx, (app) =>
      callOrThrow<AdminUnit[]>(app, 'units.search', {
        query: positionals.join(' '),
        level: values.level,
        era: values.era,
        provinceCode: values.province,
        limit: values.limit === undefined ? 20 : Number(values.limit),
      }),
    ),
  format: (v) => {
    const units = v as AdminUnit[];
    if (units.length === 0) return 'Không tìm thấy đơn vị nào.';
    return units
      .map((u) => `${u.code.padEnd(6)} ${u.fullName}${u.era === 'current' ? '' : ' (trước 01/7/2025)'} — tỉnh ${u.provinceCode}`)
      .join('\n');
  },
};

export const dbCheckCommand: CliCommand = {
  path: ['db', 'check'],
  summary: 'Kiểm tra toàn vẹn cơ sở dữ liệu và trạng thái nâng cấp lược đồ',
  usage: 'db check',
  options: {},
  run: async (ctx) => {
    const result = await withApp(ctx, (app) => callOrThrow<DbCheck>(app, 'db.check', {}));
    if (result.integrity !== 'ok') {
      throw new AppError('DB_INTEGRITY_FAILED', 'Cơ sở dữ liệu không toàn vẹn. Hãy khôi phục từ bản sao lưu.', result);
    }
    return result;
  },
  format: (v) => {
    const r = v as DbCheck;
    return [
      `Toàn vẹn: ${r.integrity === 'ok' ? 'tốt' : 'LỖI'}`,
      `Lược đồ: phiên bản ${r.schemaVersion}; đã áp dụng ${r.appliedMigrations.length}, chờ ${r.pendingMigrations.length}`,
    ].join('\n');
  },
};

export const unitsLineageCommand: CliCommand = {
  path: ['units', 'lineage'],
  summary: 'Đơn vị trước và sau sắp xếp 01/7/2025 (cả hai chiều), kèm điều khoản nghị quyết',
  usage: 'units lineage CODE [--era current|before-2025-07]',
  options: { era: { type: 'string', description: 'Khi mã trùng giữa hai thời kỳ: current hoặc before-2025-07' } },
  run: (ctx, { values, positionals }) =>
    withApp(ctx, (app) => callOrThrow<UnitLineage>(app, 'units.lineage', { code: positionals[0] ?? '', era: values.era })),
  format: (v) => {
    const l = v as UnitLineage;
    const head = `${l.unit.fullName} (${l.unit.code})${l.unit.era === 'current' ? '' : ' — trước 01/7/2025'}`;
    const share = (s: 'full' | 'partial') => (s === 'full' ? 'toàn bộ' : 'một phần');
    const lines = [head];
    if (l.predecessors.length) {
      lines.push('Hình thành từ:');
      for (const p of l.predecessors) lines.push(`  ${p.unit.fullName} (${p.unit.code}), ${share(p.share)} — ${p.resolution}: ${p.clauseText}`);
    }
    if (l.successors.length) {
      lines.push('Nay thuộc:');
      for (const s of l.successors) lines.push(`  ${s.unit.fullName} (${s.unit.code}), ${share(s.share)} — ${s.resolution}: ${s.clauseText}`);
    }
    if (l.provinces.length) lines.push(`Tỉnh liên quan: ${l.provinces.map((p) => `${p.name} (${p.code})`).join(', ')}`);
    if (lines.length === 1) lines.push('Không có thông tin phả hệ.');
    return lines.join('\n');
  },
};
