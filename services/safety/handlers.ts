import { AppError } from '../../core/errors';
import type { safetyContract } from '../../core/contract/safety';
import { foldVietnamese } from '../../core/text/vietnamese';
import { listAudit } from '../../db/audit';
import { createBackup, listBackups, backupPathByName, restoreBackup } from '../backup/service';
import type { HandlersFor } from '../handlers/types';
import { staffAdd, staffList, staffSelect } from './staff';

export const safetyHandlers = {
  'backup.list': (ctx) => listBackups(ctx),
  'backup.create': async (ctx, input) => {
    if (input.where === 'data-folder') return createBackup(ctx, { reason: 'manual' });
    if (!ctx.host.pickFolder) {
      throw new AppError('HOST_CANNOT_PICK', 'Chỉ ứng dụng máy tính mới chọn được thư mục. Trên trình duyệt, bản sao lưu được lưu trong thư mục dữ liệu.');
    }
    const folder = await ctx.host.pickFolder({ title: 'Chọn thư mục lưu bản sao lưu (ví dụ USB)' });
    return folder === null ? null : createBackup(ctx, { reason: 'manual', folder });
  },
  'backup.restore': (ctx, input) => restoreBackup(ctx, backupPathByName(ctx, input.fileName)),
  'backup.restoreFromFile': async (ctx) => {
    if (!ctx.host.pickOpenFile) {
      throw new AppError('HOST_CANNOT_PICK', 'Chỉ ứng dụng máy tính mới chọn được tệp. Hãy chép tệp sao lưu vào thư mục "backups" trong thư mục dữ liệu rồi chọn từ danh sách.');
    }
    const path = await ctx.host.pickOpenFile({ title: 'Chọn tệp sao lưu NTM Desk', filters: [{ name: 'Sao lưu NTM Desk', extensions: ['ntmbak'] }] });
    return path === null ? null : restoreBackup(ctx, path);
  },
  'staff.list': (ctx) => staffList(ctx),
  'staff.add': (ctx, input) => staffAdd(ctx, input),
  'staff.select': (ctx, input) => staffSelect(ctx, input),
  'audit.search': async (ctx, input) => {
    const rows = await listAudit(ctx.db, { entity: input.entity, limit: 5000 });
    const needle = input.query ? foldVietnamese(input.query) : '';
    return rows
      .filter((r) => (!input.from || r.at.slice(0, 10) >= input.from) && (!input.to || r.at.slice(0, 10) <= input.to))
      .filter((r) => needle === '' || foldVietnamese(`${r.staffName ?? ''} ${r.entity} ${r.entityId} ${r.action} ${JSON.stringify(r.before)} ${JSON.stringify(r.after)}`).includes(needle))
      .slice(0, input.limit);
  },
} satisfies HandlersFor<keyof typeof safetyContract>;
