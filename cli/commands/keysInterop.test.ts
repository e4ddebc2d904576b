import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BINH_LU, openOffice, seedNtm } from '../../services/exchange/exchangeTestKit';
import { runCliForTest } from '../testKit';

/*
 * The interoperability, end to end through the CLI with Debian's tools: keys made by `age-keygen` and
 * `minisign -G` are taken in with `keys import-private`; the office's bundle then opens with
 * `age -d -i province.key`, and its manifest verifies with `minisign -V -p office.pub`. The province can also
 * write its own identity out (`keys export --kind encryption --private`) for the same `age -d -i`.
 */

const root = mkdtempSync(join(tmpdir(), 'ntm-cli-interop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cli = (env: Record<string, string | undefined>, ...argv: string[]) => runCliForTest(argv, { cwd: root, env });

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

describe('keys from the reference tools, bundles read by them', () => {
  it('age-keygen and minisign -G keys imported; age -d -i and minisign -V read the bundle', async () => {
    const province = join(root, 'province');
    const office = join(root, 'office');
    const env = { NTM_DESK_PASSPHRASE: 'mật khẩu dài đủ 8 ký tự' };
    const P = (...a: string[]) => cli(env, ...a, '--data-dir', province);
    const O = (...a: string[]) => cli(env, ...a, '--data-dir', office);
    expect((await P('init', '--kind', 'province', '--province', '12', '--unit', '12', '--office-name', 'VP NTM tỉnh Lai Châu', '--parent-body', 'UBND TỈNH', '--staff', 'Trần Văn Nam')).code).toBe(0);
    expect((await O('init', '--kind', 'commune', '--province', '12', '--unit', '03390', '--office-name', 'UBND xã Bình Lư', '--parent-body', 'UBND XÃ', '--staff', 'Lò Thị Mai')).code).toBe(0);

    run('age-keygen', ['-o', 'province.key']);
    run('minisign', ['-G', '-W', '-p', 'office.pub', '-s', 'office.key']);

    // The province signs nothing: a minisign key is refused there.
    expect((await P('keys', 'import-private', 'office.key', '--json')).json().error.code).toBe('EXCHANGE_KEY_KIND_UNUSED');
    writeFileSync(join(root, 'junk.key'), 'không phải khoá');
    expect((await P('keys', 'import-private', 'junk.key', '--json')).json().error.code).toBe('EXCHANGE_KEY_FILE_UNKNOWN');

    const pk = await P('keys', 'import-private', 'province.key', '--json');
    expect(pk.code, pk.out).toBe(0);
    expect(pk.json().value).toMatchObject({ kind: 'encryption', protection: 'passphrase' });
    const ok = await O('keys', 'import-private', 'office.key', '--json');
    expect(ok.code, ok.out).toBe(0);
    expect(ok.json().value).toMatchObject({ kind: 'signing' });
    // The same key twice is refused without --replace.
    expect((await O('keys', 'import-private', 'office.key', '--json')).json().error.code).toBe('EXCHANGE_KEY_EXISTS');

    expect((await P('keys', 'export', '--kind', 'encryption', '--out', 'tinh.txt')).code).toBe(0);
    expect((await O('keys', 'import', 'tinh.txt')).code).toBe(0);
    // The province registers the office's key as minisign wrote it.
    const reg = await P('keys', 'import', 'office.pub', '--office', 'X03390', '--name', 'UBND xã Bình Lư', '--json');
    expect(reg.code, reg.out).toBe(0);

    const seeded = await openOffice(BINH_LU, { dir: office, keyStore: false });
    await seedNtm(seeded, { communes: 1, evidence: 1 });
    seeded.close();
    const exp = await O('bundle', 'export', '--mode', 'full', '--out', 'b1.ntmb', '--json');
    expect(exp.code, exp.out).toBe(0);

    run('age', ['-d', '-i', 'province.key', '-o', 'b1.tar', 'b1.ntmb']);
    const unpacked = join(root, 'unpacked');
    mkdirSync(unpacked);
    run('tar', ['-x', '-f', 'b1.tar', '-C', unpacked]);
    expect(readdirSync(unpacked).sort()).toEqual(['attachments', 'data', 'manifest.json', 'manifest.json.minisig']);
    expect(run('minisign', ['-V', '-p', 'office.pub', '-m', join(unpacked, 'manifest.json')])).toContain('Signature and comment signature verified');

    const imported = await P('bundle', 'import', 'b1.ntmb', '--json');
    expect(imported.code, imported.out).toBe(0);
    expect(imported.json().value[0]).toMatchObject({ status: 'imported', officeCode: 'X03390' });

    // The province's identity written out opens the same bundle; never over an existing file; owner-only.
    const out = await P('keys', 'export', '--kind', 'encryption', '--private', '--out', 'exported.key', '--json');
    expect(out.code, out.out).toBe(0);
    expect(statSync(join(root, 'exported.key')).mode & 0o777).toBe(0o600);
    run('age', ['-d', '-i', 'exported.key', '-o', 'b1-again.tar', 'b1.ntmb']);
    expect((await P('keys', 'export', '--kind', 'encryption', '--private', '--out', 'exported.key', '--json')).json().error.code).toBe('CLI_FILE_UNWRITABLE');
    expect((await O('keys', 'export', '--kind', 'signing', '--private', '--out', 'x.key', '--json')).json().error.code).toBe('CLI_BAD_ARGUMENTS');
  });
});
