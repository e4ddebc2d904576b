import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openConnection } from '../db/connection';
import { storeAttachment } from '../services/attachments';
import { LAI_CHAU, openOffice, pairedOffices, seedManyValues, SIN_SUOI_HO, testId, type TestOffice } from '../services/exchange/exchangeTestKit';
import { exportOfficeBundle, exportsDir } from '../services/exchange/exportService';
import { importBundleFiles } from '../services/exchange/importService';
import { openIdentities } from '../services/exchange/keyService';
import { dataPaths } from '../services/paths';
import type { Bench, BenchResult } from './bench';

/*
 * Exchange throughput, each against a baseline measured in the same run:
 *
 * 1. Import at the province (decrypt, verify, hash, parse, validate every record with zod, merge in one
 *    transaction) of a bundle of N records, against a plain prepared-statement INSERT of the same rows into
 *    a copy of the same empty database, in one transaction. Goal: import throughput ≥ 0.5 × the plain insert.
 * 2. Export at an office of a bundle carrying M MB of attachments, against `tar -cf - FILES | age -r
 *    RECIPIENT` over the same files (Debian's age, native Go). Goal: ≤ 2 × the time of tar | age.
 *
 * Size: NTM_BENCH_RECORDS (default 20000) and NTM_BENCH_ATTACHMENT_MB (default 20), small enough to run in
 * under a minute. The size to report: NTM_BENCH_RECORDS=200000 NTM_BENCH_ATTACHMENT_MB=200
 *   npx tsx bench/exchange-import.bench.ts        (or: npm run bench -- exchange)
 */

const RECORDS = Number(process.env.NTM_BENCH_RECORDS ?? '20000');
const ATTACHMENT_MB = Number(process.env.NTM_BENCH_ATTACHMENT_MB ?? '20');
const FILE_MB = 4;

type Row = Record<string, unknown>;

function plainInsert(dir: string, rows: Record<string, Row[]>): number {
  const conn = openConnection(dataPaths(dir).database);
  try {
    const start = performance.now();
    conn.sqlite.transaction(() => {
      for (const table of ['ntm_commune', 'ntm_assessment', 'ntm_value']) {
        const list = rows[table] ?? [];
        if (list.length === 0) continue;
        const cols = Object.keys(list[0]!);
        const stmt = conn.sqlite.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
        for (const row of list) stmt.run(cols.map((c) => row[c]));
      }
    })();
    return performance.now() - start;
  } finally {
    conn.close();
  }
}

async function importBench(work: string, province: TestOffice, office: TestOffice): Promise<BenchResult> {
  seedManyValues(office, RECORDS);
  const exp = await exportOfficeBundle(office.app.context, { mode: 'full', periods: [] });
  const bundle = join(exportsDir(office.dir), exp.fileName);
  const sqlite = office.app.context.conn.sqlite;
  const rows: Record<string, Row[]> = {};
  for (const table of ['ntm_commune', 'ntm_assessment', 'ntm_value']) {
    rows[table] = sqlite.prepare(`SELECT * FROM ${table} WHERE office_code = ?`).all(office.officeCode) as Row[];
  }
  const total = Object.values(rows).reduce((n, r) => n + r.length, 0);

  province.close();
  const template = join(work, 'province-template');
  cpSync(province.dir, template, { recursive: true });
  // Best of three on fresh copies of the same empty province database: the machine may be shared.
  const RUNS = 3;
  let baselineMs = Infinity;
  let subjectMs = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const baselineDir = join(work, `baseline-${run}`);
    cpSync(template, baselineDir, { recursive: true });
    baselineMs = Math.min(baselineMs, plainInsert(baselineDir, rows));
    rmSync(baselineDir, { recursive: true, force: true });

    const importDir = join(work, `import-${run}`);
    cpSync(template, importDir, { recursive: true });
    const target = await openOffice(LAI_CHAU, { dir: importDir });
    try {
      const start = performance.now();
      const [result] = await importBundleFiles(target.app.context, [{ fileName: exp.fileName, path: bundle }]);
      subjectMs = Math.min(subjectMs, performance.now() - start);
      if (result!.status !== 'imported') throw new Error(`import failed: ${result!.error?.code}`);
    } finally {
      target.close();
      rmSync(importDir, { recursive: true, force: true });
    }
  }
  return {
    name: `exchange import of ${total} records (${(exp.bytes / 1024 / 1024).toFixed(1)} MB bundle) vs plain INSERT`,
    baselineMs,
    subjectMs,
    note: `import throughput ratio ${(baselineMs / subjectMs).toFixed(2)} (goal ≥ 0.5); ${Math.round((total / subjectMs) * 1000)} records/s`,
  };
}

async function exportBench(work: string, province: TestOffice, office: TestOffice): Promise<BenchResult> {
  const at = '2026-03-01T08:00:00.000Z';
  const store = dataPaths(office.dir).attachments;
  const sqlite = office.app.context.conn.sqlite;
  const communeId = testId(41, 0);
  const assessmentId = testId(41, 1);
  sqlite
    .prepare(`INSERT INTO ntm_commune (id, office_code, version, updated_at, deleted, unit_id, region, commune_group, flags_json) VALUES (?, ?, 1, ?, 0, 'nc:03394', NULL, NULL, '{}')`)
    .run(communeId, office.officeCode, at);
  sqlite
    .prepare(`INSERT INTO ntm_assessment (id, office_code, version, updated_at, deleted, commune_id, period, catalog_id, catalog_revision, status, updated_by) VALUES (?, ?, 1, ?, 0, ?, '2026-Q1', 'qd51-2025-xa-ntm', 1, 'draft', NULL)`)
    .run(assessmentId, office.officeCode, at, communeId);
  const files: string[] = [];
  const count = Math.max(1, Math.ceil(ATTACHMENT_MB / FILE_MB));
  for (let i = 0; i < count; i++) {
    // Random bytes: scanned evidence is already compressed, and neither side compresses.
    const stored = await storeAttachment(office.app.context.db, store, `minh-chung-${i}.pdf`, randomBytes(FILE_MB * 1024 * 1024), at);
    sqlite
      .prepare(`INSERT INTO ntm_evidence_file (id, office_code, version, updated_at, deleted, assessment_id, indicator_code, sha256, file_name, added_by) VALUES (?, ?, 1, ?, 0, ?, '1.1', ?, ?, NULL)`)
      .run(testId(41, i + 2), office.officeCode, at, assessmentId, stored.sha256, `minh-chung-${i}.pdf`);
    files.push(`${stored.sha256.slice(0, 2)}/${stored.sha256}`);
  }
  const recipientLine = (await province.call('exchange.keys.list', {})).own.find((k) => k.kind === 'encryption')!.publicKey;

  const tarAge = () => {
    const start = performance.now();
    const out = join(work, `baseline-${randomBytes(4).toString('hex')}.tar.age`);
    const r = spawnSync('sh', ['-c', `tar -cf - "$@" | /usr/bin/age -r ${recipientLine} > ${out}`, 'sh', ...files], { cwd: store });
    if (r.status !== 0) throw new Error(`tar | age failed: ${r.stderr.toString()}`);
    rmSync(out);
    return performance.now() - start;
  };
  const ours = async () => {
    const outputPath = join(work, `ours-${randomBytes(4).toString('hex')}.ntmb`);
    const start = performance.now();
    const exp = await exportOfficeBundle(office.app.context, { mode: 'full', periods: [], outputPath });
    const ms = performance.now() - start;
    rmSync(outputPath);
    return { ms, bytes: exp.bytes };
  };
  tarAge(); // warm the page cache for both
  const baselineMs = Math.min(tarAge(), tarAge(), tarAge());
  const a = await ours();
  const b = await ours();
  const c = await ours();
  const subjectMs = Math.min(a.ms, b.ms, c.ms);
  return {
    name: `exchange export of ${count * FILE_MB} MB of attachments vs tar | age -r`,
    baselineMs,
    subjectMs,
    note: `time ratio ${(subjectMs / baselineMs).toFixed(2)} (goal ≤ 2); ${((a.bytes / 1024 / 1024) / (subjectMs / 1000)).toFixed(0)} MB/s`,
  };
}

export const bench: Bench = {
  run: async () => {
    const work = mkdtempSync(join(tmpdir(), 'ntm-bench-exchange-'));
    const { province, offices, cleanup } = await pairedOffices([SIN_SUOI_HO]);
    try {
      // The province's identity is opened once here so both benches run against a warmed key store.
      await openIdentities(province.app.context, undefined);
      const exportResult = await exportBench(work, province, offices[1]!);
      const importResult = await importBench(work, province, offices[0]!);
      return [importResult, exportResult];
    } finally {
      cleanup();
      rmSync(work, { recursive: true, force: true });
    }
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  execFileSync('/usr/bin/age', ['--version']);
  for (const r of await bench.run(1)) {
    console.log(`${r.name}: baseline ${r.baselineMs.toFixed(0)} ms, subject ${r.subjectMs.toFixed(0)} ms — ${r.note}`);
  }
}
