// `npm test`: typecheck, lint, unit and integration tests (vitest), renderer build, end-to-end tests
// (Playwright in Chromium). Ends with one plain line `tests: N passed, N failed, N skipped` built from the
// runners' JSON reports, and exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemDeps } from './system-deps.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, cmd, args) {
  if (step(name, cmd, args)) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

if (!ensureSystemDeps()) {
  failed += 1;
  failures.push('system packages');
}

check('typecheck (node)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
check('typecheck (web)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
check('typecheck (tests)', bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']);
check('lint', bin('eslint'), ['.', '--max-warnings=0']);

const vitestJson = join(results, 'vitest.json');
rmSync(vitestJson, { force: true });
const unitOk = step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + v.numTodoTests;
  if (v.numFailedTests > 0 || !unitOk) failures.push('vitest');
  if (!unitOk && v.numFailedTests === 0) failed += 1; // a suite that failed to load counts as a failure
} else {
  failed += 1;
  failures.push('vitest (no report)');
}

if (!step('renderer build', bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) {
  failed += 1;
  failures.push('renderer build');
} else {
  const e2eJson = join(results, 'e2e.json');
  rmSync(e2eJson, { force: true });
  const e2eOk = step('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test']);
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
    if (s.unexpected > 0 || !e2eOk) failures.push('e2e');
    if (!e2eOk && s.unexpected === 0) failed += 1;
  } else {
    failed += 1;
    failures.push('e2e (no report)');
  }
}

console.log('');
if (failures.length > 0) console.log(`Failed: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
