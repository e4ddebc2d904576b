import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BINH_LU, openOffice, seedNtm } from '../../services/exchange/exchangeTestKit';
import { runCliForTest } from '../testKit';

const root = mkdtempSync(join(tmpdir(), 'ntm-cli-exchange-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = (env: Record<string, string | undefined>, ...argv: string[]) => runCliForTest(argv, { cwd: root, env });

describe('cli keys and bundle', () => {
  it('keys generate|export|import|list and bundle export|inspect|verify|import|acknowledge, with passphrases from a file or the environment', async () => {
    const province = join(root, 'province');
    const office = join(root, 'office');
    const passFile = join(root, 'pass.txt');
    writeFileSync(passFile, 'mật khẩu của tỉnh\n', { mode: 0o600 });
    const officeEnv = { NTM_DESK_PASSPHRASE: 'mật khẩu của xã' };
    const P = (...a: string[]) => cli({}, ...a, '--data-dir', province);
    const O = (...a: string[]) => cli(officeEnv, ...a, '--data-dir', office);

    expect((await P('init', '--kind', 'province', '--province', '12', '--unit', '12', '--office-name', 'VP NTM tỉnh Lai Châu', '--parent-body', 'UBND TỈNH', '--staff', 'Trần Văn Nam')).code).toBe(0);
    expect((await O('init', '--kind', 'commune', '--province', '12', '--unit', '03390', '--office-name', 'UBND xã Bình Lư', '--parent-body', 'UBND XÃ', '--staff', 'Lò Thị Mai')).code).toBe(0);

    const noPass = await P('keys', 'generate', '--json');
    expect(noPass.code).toBe(1);
    expect(noPass.json().error.code).toBe('EXCHANGE_PASSPHRASE_REQUIRED');
    const gen = await P('keys', 'generate', '--passphrase-file', passFile, '--json');
    expect(gen.code, gen.out).toBe(0);
    expect(gen.json().value[0]).toMatchObject({ kind: 'encryption', protection: 'passphrase' });
    expect((await P('keys', 'export', '--kind', 'encryption', '--out', 'tinh.txt')).out).toMatch(/Dấu vân tay: \d{4} /);

    expect((await O('keys', 'generate')).code).toBe(0);
    const reg = await O('keys', 'import', 'tinh.txt', '--json');
    expect(reg.json().value).toMatchObject({ kind: 'province_recipient', officeCode: 'T12' });
    expect((await O('keys', 'export', '--kind', 'signing', '--out', 'xa.pub')).code).toBe(0);
    const officeReg = await P('keys', 'import', 'xa.pub', '--json');
    expect(officeReg.json().value).toMatchObject({ kind: 'office_signing', officeCode: 'X03390' });
    const list = await P('keys', 'list');
    expect(list.out).toContain('X03390');

    const seeded = await openOffice(BINH_LU, { dir: office, keyStore: false });
    await seedNtm(seeded);
    seeded.close();

    const missing = await cli({}, 'bundle', 'export', '--data-dir', office, '--json');
    expect(missing.json().error.code).toBe('EXCHANGE_PASSPHRASE_NEEDED');
    const exp = await O('bundle', 'export', '--mode', 'full', '--out', 'b1.ntmb', '--period', '2026-Q1', '--json');
    expect(exp.code, exp.out).toBe(0);
    expect(exp.json().value).toMatchObject({ sequence: 1, mode: 'full', counts: { ntm_value: 10 } });
    expect(exp.err).toContain('Đang xuất: 100%');

    const inspect = await P('bundle', 'inspect', 'b1.ntmb', '--passphrase-file', passFile);
    expect(inspect.code, inspect.out + inspect.err).toBe(0);
    expect(inspect.out).toContain('Đơn vị gửi: X03390, gói số 1');
    const verify = await P('bundle', 'verify', 'b1.ntmb', '--passphrase-file', passFile, '--json');
    expect(verify.json().value).toMatchObject({ officeCode: 'X03390', sequence: 1, replay: false });

    const imported = await P('bundle', 'import', 'b1.ntmb', '--passphrase-file', passFile, '--json');
    expect(imported.code, imported.out).toBe(0);
    expect(imported.json().value[0]).toMatchObject({ status: 'imported', counts: { ntm_value: { inserted: 10 } } });
    const again = await P('bundle', 'import', 'b1.ntmb', '--passphrase-file', passFile, '--json');
    expect(again.code).toBe(1);
    expect(again.json().error).toMatchObject({ code: 'BUNDLE_IMPORT_REJECTED' });
    expect(again.json().error.details.results[0].error.code).toBe('BUNDLE_REPLAY');
    const reverify = await P('bundle', 'verify', 'b1.ntmb', '--passphrase-file', passFile);
    expect(reverify.code).toBe(1);
    expect(reverify.err).toContain('BUNDLE_REPLAY');

    expect((await O('bundle', 'acknowledge', '1')).out).toContain('gói số 1');
    const delta = await O('bundle', 'export', '--out', 'b2.ntmb', '--json');
    expect(delta.json().value).toMatchObject({ sequence: 2, mode: 'incremental', counts: {}, baseSequence: 1 });
  }, 120_000);
});
