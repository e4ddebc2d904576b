import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../paths';
import { BINH_LU, LAI_CHAU, openOffice, pairedOffices, seedNtm, SIN_SUOI_HO, type TestOffice } from './exchangeTestKit';
import { exportsDir } from './exportService';
import { openIdentities } from './keyService';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

async function office(spec = BINH_LU, keyStore = true): Promise<TestOffice> {
  const o = await openOffice(spec, { keyStore });
  cleanups.push(() => {
    o.close();
    rmSync(o.dir, { recursive: true, force: true });
  });
  return o;
}

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-keys-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('exchange keys', () => {
  it('an office gets a signing and an encryption key, a province only an encryption key; status shows what is trusted', async () => {
    const o = await office();
    const p = await office(LAI_CHAU);
    expect((await o.call('exchange.status', {})).missingKeys).toEqual(['signing', 'encryption']);
    const keys = await o.call('exchange.keys.generate', { replace: false });
    expect(keys.map((k) => [k.kind, k.protection])).toEqual([
      ['signing', 'os'],
      ['encryption', 'os'],
    ]);
    expect(keys[0].keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(keys[0].fingerprint).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
    const pk = await p.call('exchange.keys.generate', { replace: false });
    expect(pk.map((k) => k.kind)).toEqual(['encryption']);
    const status = await p.call('exchange.status', {});
    expect(status).toMatchObject({ mode: 'province', officeCode: 'T12', missingKeys: [], needsPassphrase: false, osKeyStoreAvailable: true });
    const officeStatus = await o.call('exchange.status', {});
    expect(officeStatus).toMatchObject({ mode: 'office', provinceRecipient: null });

    const recipient = await p.call('exchange.keys.exportPublic', { kind: 'encryption' });
    const peer = await o.call('exchange.keys.importPeer', recipient);
    expect(peer).toMatchObject({ kind: 'province_recipient', officeCode: 'T12', fingerprint: pk[0].fingerprint, name: 'Văn phòng Điều phối NTM tỉnh Lai Châu' });
    expect((await o.call('exchange.status', {})).provinceRecipient?.fingerprint).toBe(pk[0].fingerprint);

    const pub = await o.call('exchange.keys.exportPublic', { kind: 'signing' });
    expect(pub.fileName).toBe('X03390.pub');
    const registered = await p.call('exchange.keys.importPeer', pub);
    expect(registered).toMatchObject({ kind: 'office_signing', officeCode: 'X03390', name: 'UBND xã Bình Lư', fingerprint: keys[0].fingerprint, keyId: keys[0].keyId });
    // The same file twice is the same registration.
    expect((await p.call('exchange.keys.importPeer', pub)).id).toBe(registered.id);
    const audit = await p.call('audit.list', { entity: 'exchange_peer', limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(['register']);
    // Private keys never cross the contract.
    expect(JSON.stringify(await o.call('exchange.keys.list', {}))).not.toMatch(/SECRET|sealed/i);
  });

  it('refuses keys where they do not belong, keys taken by another office, unknown office codes', async () => {
    const o = await office();
    const o2 = await office(SIN_SUOI_HO);
    const p = await office(LAI_CHAU);
    await o.call('exchange.keys.generate', { replace: false });
    await o2.call('exchange.keys.generate', { replace: false });
    await p.call('exchange.keys.generate', { replace: false });
    const pub = await o.call('exchange.keys.exportPublic', { kind: 'signing' });
    const recipient = await p.call('exchange.keys.exportPublic', { kind: 'encryption' });
    expect(await o.app.dispatch('exchange.keys.importPeer', pub)).toMatchObject({ ok: false, error: { code: 'EXCHANGE_PEER_KIND_WRONG' } });
    expect(await p.app.dispatch('exchange.keys.importPeer', recipient)).toMatchObject({ ok: false, error: { code: 'EXCHANGE_PEER_KIND_WRONG' } });
    await p.call('exchange.keys.importPeer', pub);
    expect(await p.app.dispatch('exchange.keys.importPeer', { ...pub, officeCode: 'X03394' })).toMatchObject({
      ok: false,
      error: { code: 'EXCHANGE_PEER_KEY_TAKEN' },
    });
    expect(await p.app.dispatch('exchange.keys.importPeer', { ...pub, officeCode: 'X99999' })).toMatchObject({
      ok: false,
      error: { code: 'EXCHANGE_PEER_OFFICE_INVALID' },
    });
    expect(await p.app.dispatch('exchange.keys.importPeer', { fileName: 'x.pub', contentBase64: b64('untrusted comment: x\nnot a key\n') })).toMatchObject({
      ok: false,
      error: { code: 'KEY_INVALID' },
    });
    // A new key for an office replaces its old one (rotation), with the audit trail.
    const pub2 = await o2.call('exchange.keys.exportPublic', { kind: 'signing' });
    const rotated = await p.call('exchange.keys.importPeer', { ...pub2, officeCode: 'X03390', name: 'UBND xã Bình Lư' });
    const peers = (await p.call('exchange.keys.list', {})).peers;
    expect(peers.filter((x) => x.officeCode === 'X03390').map((x) => x.status).sort()).toEqual(['active', 'retired']);
    expect(rotated.status).toBe('active');
    expect((await p.call('audit.list', { entity: 'exchange_peer', limit: 10 }))[0].action).toBe('replace');
  });

  it('generate twice needs replace; replace retires the old key and an old bundle still opens', async () => {
    const { province, offices, cleanup } = await pairedOffices();
    cleanups.push(cleanup);
    const [o] = offices;
    await seedNtm(o);
    const old = await o.call('exchange.bundle.export', { mode: 'full', periods: [] });
    expect(await province.app.dispatch('exchange.keys.generate', {})).toMatchObject({ ok: false, error: { code: 'EXCHANGE_KEY_EXISTS' } });
    const [fresh] = await province.call('exchange.keys.generate', { replace: true });
    const own = (await province.call('exchange.keys.list', {})).own;
    expect(own.map((k) => k.status).sort()).toEqual(['active', 'retired']);
    expect(own.find((k) => k.status === 'active')!.fingerprint).toBe(fresh.fingerprint);
    const [r] = await province.call('exchange.bundle.import', {
      files: [{ fileName: old.fileName, contentBase64: readFileSync(join(exportsDir(o.dir), old.fileName)).toString('base64') }],
    });
    expect(r.status).toBe('imported');
    expect((await province.call('audit.list', { entity: 'exchange_key', limit: 5 }))[0].action).toBe('replace');
  });

  it('without an OS key store a passphrase is required, the database holds no private key in the clear, and a wrong passphrase is refused', async () => {
    const o = await office(BINH_LU, false);
    expect((await o.call('exchange.status', {})).osKeyStoreAvailable).toBe(false);
    expect(await o.app.dispatch('exchange.keys.generate', {})).toMatchObject({ ok: false, error: { code: 'EXCHANGE_PASSPHRASE_REQUIRED' } });
    expect(await o.app.dispatch('exchange.keys.generate', { passphrase: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const keys = await o.call('exchange.keys.generate', { kinds: ['encryption'], passphrase: 'mật khẩu rất dài' });
    expect(keys[0].protection).toBe('passphrase');
    expect((await o.call('exchange.status', {})).needsPassphrase).toBe(true);

    const identities = await openIdentities(o.app.context, 'mật khẩu rất dài');
    expect(identities[0]).toMatch(/^AGE-SECRET-KEY-1/);
    o.app.context.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const dbBytes = readFileSync(dataPaths(o.dir).database);
    expect(dbBytes.includes(Buffer.from(identities[0]))).toBe(false);
    expect(dbBytes.includes(Buffer.from('AGE-SECRET-KEY'))).toBe(false);
    await expect(openIdentities(o.app.context, 'sai mật khẩu!')).rejects.toMatchObject({ code: 'KEY_WRONG_PASSPHRASE' });
    await expect(openIdentities(o.app.context, undefined)).rejects.toMatchObject({ code: 'EXCHANGE_PASSPHRASE_NEEDED' });
  }, 30_000);

  it('interop: the public key files work with /usr/bin/minisign and /usr/bin/age', async () => {
    const { province, offices, cleanup } = await pairedOffices();
    cleanups.push(cleanup);
    const [o] = offices;
    await seedNtm(o);
    const dir = temp();
    const exp = await o.call('exchange.bundle.export', { mode: 'full', periods: ['2026-Q1'] });
    const pub = await o.call('exchange.keys.exportPublic', { kind: 'signing' });
    const recipient = await province.call('exchange.keys.exportPublic', { kind: 'encryption' });
    writeFileSync(join(dir, 'office.pub'), Buffer.from(pub.contentBase64, 'base64'));
    writeFileSync(join(dir, 'province.txt'), Buffer.from(recipient.contentBase64, 'base64'));
    // The province's identity, written out only inside this test to drive the reference tools.
    const [identity] = await openIdentities(province.app.context, undefined);
    writeFileSync(join(dir, 'province.key'), `${identity}\n`, { mode: 0o600 });

    const tar = execFileSync('/usr/bin/age', ['-d', '-i', join(dir, 'province.key'), join(exportsDir(o.dir), exp.fileName)]);
    writeFileSync(join(dir, 'bundle.tar'), tar);
    execFileSync('tar', ['-xf', 'bundle.tar'], { cwd: dir });
    const verified = execFileSync('/usr/bin/minisign', ['-V', '-p', join(dir, 'office.pub'), '-m', join(dir, 'manifest.json')]).toString();
    expect(verified).toContain('office:X03390');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { officeCode: string; counts: Record<string, number> };
    expect(manifest).toMatchObject({ officeCode: 'X03390', counts: exp.counts });

    const sealed = execFileSync('/usr/bin/age', ['-R', join(dir, 'province.txt')], { input: 'xin chào tỉnh' });
    writeFileSync(join(dir, 'msg.age'), sealed);
    expect(execFileSync('/usr/bin/age', ['-d', '-i', join(dir, 'province.key'), join(dir, 'msg.age')]).toString()).toBe('xin chào tỉnh');
  });
});
