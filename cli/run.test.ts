import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliForTest } from './testKit';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const cli = (...argv: string[]) => runCliForTest(argv);
function temp() {
  const d = mkdtempSync(join(tmpdir(), 'ntm-cli-'));
  dirs.push(d);
  return d;
}

describe('cli', () => {
  it('lists its commands with --help', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of ['init', 'units search', 'db check']) expect(r.out).toContain(c);
  });

  it('init creates and sets up an office database; db check reports it sound', async () => {
    const dir = temp();
    const init = await cli('init', '--data-dir', dir, '--kind', 'commune', '--province', '40', '--unit', '16870', '--office-name', 'UBND xã Na Ngoi', '--parent-body', 'UBND HUYỆN', '--staff', 'Lò Văn Bình', '--json');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toMatchObject({ ok: true, value: { setupDone: true, office: { unitName: 'Xã Na Ngoi' } } });
    const check = await cli('db', 'check', '--data-dir', dir, '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out)).toMatchObject({ ok: true, value: { integrity: 'ok', pendingMigrations: [] } });
  });

  it('units search ignores diacritics and prints JSON', async () => {
    const r = await cli('units', 'search', 'ha', 'tinh', '--level', 'province', '--era', 'current', '--data-dir', temp(), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).value[0]).toMatchObject({ code: '42', fullName: 'Tỉnh Hà Tĩnh' });
  });

  it('exits non-zero with a stable code on bad input', async () => {
    const bad = await cli('init', '--data-dir', temp(), '--kind', 'commune', '--province', '40', '--unit', '99999', '--office-name', 'x', '--parent-body', 'y', '--staff', 'z', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).error.code).toBe('UNIT_NOT_FOUND');
    const unknown = await cli('frobnicate', '--json');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out).error.code).toBe('CLI_UNKNOWN_COMMAND');
    const badOpt = await cli('db', 'check', '--nope');
    expect(badOpt.code).toBe(1);
    expect(badOpt.err).toContain('CLI_BAD_ARGUMENTS');
  });
});
