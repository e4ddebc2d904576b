import { REFORM_ENTITY_LABELS, type ReformQueueItem, type ReformRepointResult } from '../../core/contract/index';
import type { CliCommand } from '../types';
import { callOrThrow, withApp } from './foundation';

const oldLabel = (r: { oldCode: string; oldName: string | null }) => `${r.oldName ?? 'đơn vị'} (${r.oldCode})`;

export const reformRepointCommand: CliCommand = {
  path: ['reform', 'repoint'],
  summary: 'Chuyển chủ thể, sản phẩm OCOP ghi theo xã cũ sang xã mới (sắp xếp 01/7/2025): tự động khi sáp nhập toàn bộ, chờ xác nhận khi bị chia',
  usage: 'reform repoint [--dry-run]',
  options: { 'dry-run': { type: 'boolean', description: 'Chỉ báo cáo sẽ làm gì, không thay đổi dữ liệu' } },
  run: (ctx, { values }) => withApp(ctx, (app) => callOrThrow<ReformRepointResult>(app, 'reform.repoint', { dryRun: values['dry-run'] === true })),
  format: (v) => {
    const r = v as ReformRepointResult;
    const lines = [r.dryRun ? 'Chạy thử (chưa thay đổi gì):' : 'Đã thực hiện:'];
    lines.push(`${r.dryRun ? 'Sẽ chuyển' : 'Đã chuyển'} tự động: ${r.repointed.length}`);
    for (const x of r.repointed) lines.push(`  ${REFORM_ENTITY_LABELS[x.entity]} ${x.label}: ${oldLabel(x)} → ${x.newName} (${x.newCode}), ${x.resolution}`);
    lines.push(`Chờ xác nhận (xã cũ bị chia): ${r.queued.length}`);
    for (const x of r.queued) lines.push(`  ${REFORM_ENTITY_LABELS[x.entity]} ${x.label}: ${oldLabel(x)} → ${x.candidates.map((c) => `${c.unit.fullName} (${c.unit.code})`).join(' | ')}`);
    if (r.otherOffice.length) lines.push(`Của văn phòng khác (văn phòng đó tự chuyển): ${r.otherOffice.length}`);
    if (r.unknown.length) {
      lines.push(`Mã không có trong danh mục, không đổi: ${r.unknown.length}`);
      for (const x of r.unknown) lines.push(`  ${REFORM_ENTITY_LABELS[x.entity]} ${x.label}: mã ${x.oldCode}`);
    }
    return lines.join('\n');
  },
};

export const reformQueueCommand: CliCommand = {
  path: ['reform', 'queue'],
  summary: 'Danh sách hồ sơ chờ xác nhận xã mới; --resolve ID --unit MÃ (hoặc --later) để xác nhận',
  usage: 'reform queue [--status open|pending|later|resolved|all] [--resolve ID (--unit CODE | --later)]',
  options: {
    status: { type: 'string', description: 'open (mặc định: chờ và để sau), pending, later, resolved, all' },
    resolve: { type: 'string', description: 'Mã mục cần xác nhận' },
    unit: { type: 'string', description: 'Mã xã mới, phải là một trong các xã được đề xuất' },
    later: { type: 'boolean', description: 'Để sau' },
  },
  run: (ctx, { values }) =>
    withApp(ctx, async (app) => {
      if (typeof values.resolve === 'string') {
        const item = await callOrThrow<ReformQueueItem>(app, 'reform.queue.resolve', { id: values.resolve, newUnitCode: values.later === true ? 'later' : values.unit });
        return [item];
      }
      return callOrThrow<ReformQueueItem[]>(app, 'reform.queue.list', { status: values.status });
    }),
  format: (v) => {
    const items = v as ReformQueueItem[];
    if (items.length === 0) return 'Không có hồ sơ nào chờ xác nhận.';
    const status = { pending: 'chờ', later: 'để sau', resolved: 'đã xác nhận' } as const;
    return items
      .map((i) =>
        [
          `${i.queueId}  [${status[i.status]}] ${REFORM_ENTITY_LABELS[i.entity]} ${i.label}, ${oldLabel(i)}${i.resolvedCode ? ` → ${i.resolvedCode}` : ''}`,
          ...i.candidates.map((c) => `    ${c.unit.code}  ${c.unit.fullName} (${c.share === 'full' ? 'toàn bộ' : 'một phần'}) — ${c.resolution}`),
        ].join('\n'),
      )
      .join('\n');
  },
};

export const REFORM_COMMANDS: CliCommand[] = [reformRepointCommand, reformQueueCommand];
