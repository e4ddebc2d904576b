import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInput, openOffice, LAI_CHAU, pairedOffices, seedManyValues } from './exchangeTestKit';
import { exportsDir } from './exportService';

/*
 * Kill -9 during an import, several times at random points: each time the database passes integrity_check,
 * holds all of the bundle or none of it, and the next import succeeds. SQLite's atomic commit (WAL,
 * synchronous=FULL: https://www.sqlite.org/atomiccommit.html) and the single merge transaction are what
 * make this hold; the test proves we did not split the merge or write outside it.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, '__fixtures__', 'crashImportChild.ts');
const VALUES = 10_000;
const RUNS = 8;

let work: string;
let template: string;
let bundle1: string;
let bundle2: string;
let cleanupPair: () => void;

function runChild(dataDir: string, bundle: string, killAfterMs: number | null): Promise<{ output: string; killed: boolean; importMs: number }> {
  return new Promise((done, fail) => {
    // The tsx loader inside this very process (not the tsx CLI, which runs the script in a grandchild that a
    // SIGKILL of its parent would leave running).
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, bundle], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let readyAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (readyAt === 0 && output.includes('ready')) {
        readyAt = Date.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      done({ output, killed: signal === 'SIGKILL', importMs: Date.now() - readyAt });
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'ntm-crash-'));
  const { province, offices, cleanup } = await pairedOffices();
  cleanupPair = cleanup;
  const [office] = offices;
  seedManyValues(office, VALUES);
  const e1 = await office.call('exchange.bundle.export', { mode: 'full', periods: [] });
  office.app.context.conn.sqlite.prepare('UPDATE ntm_value SET version = version + 1, value_json = ? WHERE rowid % 10 = 0').run('1');
  const e2 = await office.call('exchange.bundle.export', { mode: 'incremental', periods: [] });
  bundle1 = join(work, 'b1.ntmb');
  bundle2 = join(work, 'b2.ntmb');
  cpSync(join(exportsDir(office.dir), e1.fileName), bundle1);
  cpSync(join(exportsDir(office.dir), e2.fileName), bundle2);
  province.close();
  template = join(work, 'template');
  cpSync(province.dir, template, { recursive: true });
}, 120_000);

afterAll(() => {
  cleanupPair();
  rmSync(work, { recursive: true, force: true });
});

describe('crash during import', () => {
  it(`SIGKILL at ${RUNS} random points: integrity ok, all or nothing, the next import succeeds`, async () => {
    // One undisturbed run measures how long an import takes, so kill points spread over its whole length.
    const calibrate = join(work, 'calibrate');
    cpSync(template, calibrate, { recursive: true });
    const clean = await runChild(calibrate, bundle1, null);
    expect(clean.output).toContain('done imported');
    const outcomes: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const dir = join(work, `run-${run}`);
      cpSync(template, dir, { recursive: true });
      // Stratified: run k lands somewhere in the k-th eighth of 1.2× the import's length, so the kill points
      // cover reading, merging and the commit, and some land after it.
      const delay = Math.floor(((run + Math.random()) / RUNS) * clean.importMs * 1.2);
      const child = await runChild(dir, bundle1, delay);

      const province = await openOffice(LAI_CHAU, { dir });
      try {
        const check = await province.call('db.check', {});
        expect(check.integrity, `run ${run}`).toBe('ok');
        const sqlite = province.app.context.conn.sqlite;
        const rows = (sqlite.prepare(`SELECT count(*) AS n FROM ntm_value WHERE office_code = 'X03390'`).get() as { n: number }).n;
        const accepted = (sqlite.prepare(`SELECT count(*) AS n FROM exchange_import_log WHERE status = 'imported'`).get() as { n: number }).n;
        expect([0, VALUES], `run ${run}: ${rows} rows after kill at ${delay} ms`).toContain(rows);
        expect(accepted).toBe(rows === 0 ? 0 : 1);
        outcomes.push(`${delay}ms:${child.killed ? 'killed' : 'finished'}:${rows === 0 ? 'none' : 'all'}`);

        const next = rows === 0 ? bundle1 : bundle2;
        const [result] = await province.call('exchange.bundle.import', { files: [fileInput(next)] });
        expect(result.status, JSON.stringify(result.error)).toBe('imported');
        expect((sqlite.prepare(`SELECT count(*) AS n FROM ntm_value WHERE office_code = 'X03390'`).get() as { n: number }).n).toBe(VALUES);
      } finally {
        province.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    console.log(`crash runs (import ≈ ${clean.importMs} ms): ${outcomes.join(', ')}`);
  }, 240_000);
});
