import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../connection';
import { migrate } from '../migrator';
import { MIGRATIONS } from './index';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const now = () => new Date('2026-11-23T08:00:00Z');

describe('migration 0009: plans outcomes', () => {
  it('rebuilds plan_task keeping every row, relaxes its links and adds the outcome columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-mig9-'));
    dirs.push(dir);
    const conn = openConnection(join(dir, 'a.sqlite'));
    const upTo8 = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === '2026_11_23_0009_plans_outcomes'));
    await migrate(conn, { backupDir: join(dir, 'b'), now, migrations: upTo8 });
    const unit = conn.sqlite.prepare("SELECT id FROM admin_unit WHERE level = 'commune' LIMIT 1").get() as { id: string } | undefined;
    conn.sqlite.pragma('foreign_keys = OFF');
    conn.sqlite.exec(`INSERT INTO ntm_commune (id, office_code, unit_id, updated_at) VALUES ('c1', 'H417', '${unit?.id ?? 'u1'}', '2025-01-01T00:00:00Z')`);
    conn.sqlite.exec(`INSERT INTO plan_task (id, office_code, version, updated_at, deleted, commune_id, catalog_id, criterion_no, criterion_name, sector, title, due_on, status, origin, round_id, done_on, note, created_by)
      VALUES ('t1', 'H417', 3, '2025-05-01T00:00:00Z', 0, 'c1', 'QD318-2022-XA-NTM', 17, 'Môi trường', 'Bộ TN&MT', 'Khắc phục tiêu chí 17', '2025-06-30', 'open', 'roadmap', NULL, NULL, 'ghi chú', 'Lô Thị Mai')`);
    conn.sqlite.pragma('foreign_keys = ON');
    await migrate(conn, { backupDir: join(dir, 'b'), now });

    expect(conn.sqlite.prepare('SELECT * FROM plan_task').all()).toEqual([
      expect.objectContaining({ id: 't1', version: 3, commune_id: 'c1', criterion_no: 17, sector: 'Bộ TN&MT', note: 'ghi chú', product_id: null, staff_id: null, doc_no: null }),
    ]);
    const indexes = (conn.sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'plan_task' AND sql IS NOT NULL").all() as { name: string }[]).map((r) => r.name).sort();
    expect(indexes).toEqual(['plan_task_commune', 'plan_task_due', 'plan_task_product', 'plan_task_round']);
    // A task for a staff member only, about a round only: allowed now; a task for no one is refused by the table too.
    conn.sqlite.exec(`INSERT INTO plan_task (id, office_code, updated_at, staff_id, staff_name, title, due_on, status, origin) VALUES ('t2', 'H417', '2025-05-01T00:00:00Z', 's1', 'Lô Thị Mai', 'Tổng hợp báo cáo', '2025-06-30', 'open', 'manual')`);
    expect(() => conn.sqlite.exec(`INSERT INTO plan_task (id, office_code, updated_at, title, due_on, status, origin) VALUES ('t3', 'H417', '2025-05-01T00:00:00Z', 'x', '2025-06-30', 'open', 'manual')`)).toThrow(/CHECK/);
    const itemColumns = (conn.sqlite.prepare('PRAGMA table_info(plan_round_item)').all() as { name: string }[]).map((c) => c.name);
    expect(itemColumns).toEqual(expect.arrayContaining(['outcome', 'outcome_reason', 'remedy_due', 'remedied_on', 'recognition_id', 'evaluation_id']));
    expect(conn.sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'plan_criterion_sector'").get()).toEqual({ n: 1 });
    expect(conn.sqlite.pragma('foreign_key_check(plan_task)')).toEqual([]);
    conn.close();
  });
});
