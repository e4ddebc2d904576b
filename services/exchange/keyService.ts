import type { ExchangeKeyKind, ExchangeOwnKey, ExchangePeer, OfficeProfile } from '../../core/contract/index';
import { isAppError } from '../../core/errors';
import {
  findActivePeerByKey,
  findActivePeerOfOffice,
  getActiveOwnKey,
  getPeer,
  insertOwnKey,
  insertPeer,
  listActivePeers,
  listOwnKeysOfKind,
  retireOwnKey,
  retirePeer,
  type ExchangeKeyRow,
  type ExchangePeerRow,
} from '../../db/exchange/keys';
import { getOfficeProfile } from '../../db/office';
import type { ExchangeKeyTable } from '../../db/schema';
import { getUnitRow } from '../../db/units';
import {
  encodePublicKey,
  formatAgeIdentityFile,
  formatPublicKeyFile,
  formatRecipientFile,
  formatSecretKeyFile,
  generateAgeKeyPair,
  generateMinisignKeyPair,
  keyIdHex,
  openSecret,
  parseAgeIdentityFile,
  parsePublicKey,
  parseRecipientFile,
  parseSecretKeyFile,
  publicKeyFingerprint,
  recipientFingerprint,
  sealSecret,
  type AgeKeyPair,
  type MinisignSecretKey,
  type OsKeyStore,
  type SecretProtection,
} from '../bundle/index';
import type { ServiceContext } from '../context';
import { audit, currentActor } from '../staff';
import { exchangeError } from './errors';
import { OFFICE_CODE_PATTERN } from './recordTypes';

/*
 * Keys of the exchange (core/bundle/FORMAT.md "Keys"). Private halves are sealed before they reach the
 * database: by the OS key store when the host provides one (ctx.host.osKeyStore, Electron's safeStorage),
 * otherwise by a passphrase (an age scrypt file). They are opened only in memory, for one export or import.
 */

export async function requireOffice(ctx: ServiceContext): Promise<OfficeProfile> {
  const office = await getOfficeProfile(ctx.db);
  if (office === null) throw exchangeError('EXCHANGE_SETUP_REQUIRED');
  return office;
}

export function isProvince(office: OfficeProfile): boolean {
  return office.kind === 'province';
}

/** An office signs what it sends and can reopen its own bundles; a province only opens what it receives. */
export function keyKindsFor(office: OfficeProfile): ExchangeKeyKind[] {
  return isProvince(office) ? ['encryption'] : ['signing', 'encryption'];
}

/**
 * The seam for the OS key store: a host that has one (Electron: safeStorage) passes it as `osKeyStore` on its
 * HostContext (core/contract/host.ts). Hosts without one (web, CLI, tests by default) get passphrase-protected keys.
 */
export type HostWithKeyStore = ServiceContext['host'];

export function hostKeyStore(ctx: ServiceContext): OsKeyStore | undefined {
  return ctx.host.osKeyStore;
}

export function osKeyStoreAvailable(ctx: ServiceContext): boolean {
  try {
    return hostKeyStore(ctx)?.isEncryptionAvailable() === true;
  } catch {
    return false;
  }
}

export function protectionForNewKey(ctx: ServiceContext, passphrase: string | undefined): { protection: SecretProtection; kind: 'passphrase' | 'os' } {
  if (passphrase !== undefined) return { protection: { passphrase }, kind: 'passphrase' };
  const store = hostKeyStore(ctx);
  if (store !== undefined && osKeyStoreAvailable(ctx)) return { protection: { osKeyStore: store }, kind: 'os' };
  throw exchangeError('EXCHANGE_PASSPHRASE_REQUIRED');
}

export function protectionToOpen(ctx: ServiceContext, row: ExchangeKeyRow, passphrase: string | undefined): SecretProtection {
  if (row.protection === 'os') {
    const store = hostKeyStore(ctx);
    if (store === undefined) throw exchangeError('EXCHANGE_KEY_STORE_REQUIRED');
    return { osKeyStore: store };
  }
  if (passphrase === undefined) throw exchangeError('EXCHANGE_PASSPHRASE_NEEDED');
  return { passphrase };
}

export function rowToOwnKey(row: ExchangeKeyRow): ExchangeOwnKey {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fingerprint: row.fingerprint,
    keyId: row.key_id,
    publicKey: row.public_key,
    protection: row.protection,
    createdAt: row.created_at,
    retiredAt: row.retired_at,
  };
}

export function rowToPeer(row: ExchangePeerRow): ExchangePeer {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    officeCode: row.office_code,
    name: row.name,
    fingerprint: row.fingerprint,
    keyId: row.key_id,
    addedAt: row.added_at,
    retiredAt: row.retired_at,
  };
}

export async function generateKeys(
  ctx: ServiceContext,
  input: { kinds?: ExchangeKeyKind[]; passphrase?: string; replace: boolean },
): Promise<ExchangeOwnKey[]> {
  const office = await requireOffice(ctx);
  const kinds = [...new Set(input.kinds ?? keyKindsFor(office))];
  const existing = new Map<ExchangeKeyKind, ExchangeKeyRow>();
  for (const kind of kinds) {
    const row = await getActiveOwnKey(ctx.db, kind);
    if (row !== undefined) {
      if (!input.replace) throw exchangeError('EXCHANGE_KEY_EXISTS', { kind, fingerprint: row.fingerprint });
      existing.set(kind, row);
    }
  }
  const sealing = protectionForNewKey(ctx, input.passphrase);
  // Sealing (scrypt for a passphrase) happens before the transaction, so the database is not held meanwhile.
  const rows: ExchangeKeyTable[] = [];
  for (const kind of kinds) {
    rows.push(
      kind === 'signing'
        ? await signingKeyRow(ctx, office, generateMinisignKeyPair(), sealing)
        : await encryptionKeyRow(ctx, await generateAgeKeyPair(), sealing),
    );
  }
  return installOwnKeys(ctx, rows, existing, 'generate');
}

type Sealing = ReturnType<typeof protectionForNewKey>;

/** An own signing key's row: the secret as an unencrypted minisign file, sealed (OS key store or passphrase). */
export async function signingKeyRow(ctx: ServiceContext, office: OfficeProfile, key: MinisignSecretKey, sealing: Sealing): Promise<ExchangeKeyTable> {
  const secretText = await formatSecretKeyFile(key, { unencrypted: true }, `NTM Desk ${office.officeCode} signing key`);
  return {
    id: ctx.newId(),
    kind: 'signing',
    status: 'active',
    public_key: encodePublicKey(key),
    key_id: keyIdHex(key.keyId),
    fingerprint: publicKeyFingerprint(key),
    protection: sealing.kind,
    sealed_secret: await sealSecret(secretText, sealing.protection),
    created_at: ctx.now().toISOString(),
    retired_at: null,
  };
}

/** An own age identity's row: the identity as an age-keygen file, sealed. */
export async function encryptionKeyRow(ctx: ServiceContext, keys: AgeKeyPair, sealing: Sealing): Promise<ExchangeKeyTable> {
  return {
    id: ctx.newId(),
    kind: 'encryption',
    status: 'active',
    public_key: keys.recipient,
    key_id: null,
    fingerprint: recipientFingerprint(keys.recipient),
    protection: sealing.kind,
    sealed_secret: await sealSecret(formatAgeIdentityFile(keys, ctx.now()), sealing.protection),
    created_at: ctx.now().toISOString(),
    retired_at: null,
  };
}

/** Stores sealed own keys in one transaction, retiring the ones they replace; audited. */
export async function installOwnKeys(
  ctx: ServiceContext,
  rows: readonly ExchangeKeyTable[],
  existing: ReadonlyMap<ExchangeKeyKind, ExchangeKeyRow>,
  action: 'generate' | 'import',
): Promise<ExchangeOwnKey[]> {
  const actor = await currentActor(ctx);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const old = existing.get(row.kind);
      if (old !== undefined) await retireOwnKey(trx, old.id, at);
      await insertOwnKey(trx, row);
      await audit(trx, ctx, actor, {
        entity: 'exchange_key',
        entityId: row.id,
        action: old === undefined ? action : action === 'generate' ? 'replace' : 'import_replace',
        before: old === undefined ? null : { kind: old.kind, fingerprint: old.fingerprint },
        after: { kind: row.kind, fingerprint: row.fingerprint, keyId: row.key_id, protection: row.protection },
      });
    }
  });
  ctx.emit('exchange.changed', null);
  return rows.map((r) => rowToOwnKey({ ...r }));
}

/** The office's signing key, opened in memory for one export. */
export async function openSigningKey(ctx: ServiceContext, passphrase: string | undefined): Promise<MinisignSecretKey> {
  const row = await getActiveOwnKey(ctx.db, 'signing');
  if (row === undefined) throw exchangeError('EXCHANGE_KEY_MISSING', { kind: 'signing' });
  const text = await openSecret(row.sealed_secret, protectionToOpen(ctx, row, passphrase));
  return parseSecretKeyFile(text);
}

/**
 * Every age identity this office holds: the active one must open; retired ones are tried too (bundles sent
 * to an older recipient still open) and skipped if their protection differs.
 */
export async function openIdentities(ctx: ServiceContext, passphrase: string | undefined): Promise<string[]> {
  const rows = await listOwnKeysOfKind(ctx.db, 'encryption');
  const active = rows.find((r) => r.status === 'active');
  if (active === undefined) throw exchangeError('EXCHANGE_KEY_MISSING', { kind: 'encryption' });
  const identities: string[] = [];
  for (const row of rows) {
    try {
      const text = await openSecret(row.sealed_secret, protectionToOpen(ctx, row, passphrase));
      identities.push((await parseAgeIdentityFile(text)).identity);
    } catch (e) {
      if (row === active || !isAppError(e)) throw e;
    }
  }
  return identities;
}

export async function exportPublicKey(
  ctx: ServiceContext,
  kind: ExchangeKeyKind,
): Promise<{ fileName: string; contentBase64: string; fingerprint: string }> {
  const office = await requireOffice(ctx);
  const row = await getActiveOwnKey(ctx.db, kind);
  if (row === undefined) throw exchangeError('EXCHANGE_KEY_MISSING', { kind });
  const label = `NTM Desk ${office.officeCode} ${office.officeName}`;
  const text =
    kind === 'signing'
      ? formatPublicKeyFile(parsePublicKey(row.public_key), `${label} - khoá ký`)
      : formatRecipientFile(row.public_key, `${label} - khoá nhận gói dữ liệu`);
  const fileName = kind === 'signing' ? `${office.officeCode}.pub` : `${office.officeCode}-khoa-nhan.txt`;
  return { fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64'), fingerprint: row.fingerprint };
}

export function decodeBase64File(contentBase64: string): Uint8Array {
  const clean = contentBase64.replace(/\s+/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw exchangeError('EXCHANGE_FILE_INVALID');
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    throw exchangeError('EXCHANGE_FILE_INVALID', { reason: 'not UTF-8' });
  }
}

/** "NTM Desk X12345 Phòng Kinh tế ... - khoá ký" → { code, name }. */
function labelFromComment(text: string): { officeCode?: string; name?: string } {
  const m = /NTM Desk ([HXT]\d{2,5})(?: ([^\n]*?))?(?: - khoá (?:ký|nhận gói dữ liệu))?\s*$/m.exec(text);
  if (m === null) return {};
  return { officeCode: m[1], name: m[2]?.trim() || undefined };
}

async function unitNameOf(ctx: ServiceContext, officeCode: string): Promise<string | null> {
  const letter = officeCode[0];
  const code = officeCode.slice(1);
  const slot =
    letter === 'H'
      ? ({ level: 'district', era: 'before-2025-07' } as const)
      : letter === 'X'
        ? ({ level: 'commune', era: 'current' } as const)
        : ({ level: 'province', era: 'current' } as const);
  const unit = await getUnitRow(ctx.db, slot.level, slot.era, code);
  return unit?.full_name ?? null;
}

/**
 * Registers the other side's public key. At a province: an office's minisign .pub, bound to its office
 * code (a bundle signed by it must carry that code). At an office: the province's age recipient.
 * Registering a new key for the same office retires the old one; the same key twice is a no-op.
 */
export async function importPeerKey(
  ctx: ServiceContext,
  input: { fileName: string; contentBase64: string; officeCode?: string; name?: string },
): Promise<ExchangePeer> {
  const office = await requireOffice(ctx);
  const text = decodeText(decodeBase64File(input.contentBase64));
  const label = labelFromComment(text);
  const isRecipient = /^age1/m.test(text);
  let kind: ExchangePeerRow['kind'];
  let publicKey: string;
  let keyId: string | null = null;
  let fingerprint: string;
  let officeCode: string;
  if (isRecipient) {
    if (isProvince(office)) throw exchangeError('EXCHANGE_PEER_KIND_WRONG', { expected: 'minisign public key of an office' });
    publicKey = parseRecipientFile(text);
    fingerprint = recipientFingerprint(publicKey);
    kind = 'province_recipient';
    officeCode = input.officeCode ?? label.officeCode ?? `T${office.provinceCode}`;
  } else {
    if (!isProvince(office)) throw exchangeError('EXCHANGE_PEER_KIND_WRONG', { expected: 'age recipient of the province' });
    const key = parsePublicKey(text);
    publicKey = encodePublicKey(key);
    keyId = keyIdHex(key.keyId);
    fingerprint = publicKeyFingerprint(key);
    kind = 'office_signing';
    const code = input.officeCode ?? label.officeCode;
    if (code === undefined) throw exchangeError('EXCHANGE_PEER_OFFICE_INVALID', { reason: 'office code missing' });
    officeCode = code;
  }
  if (!OFFICE_CODE_PATTERN.test(officeCode)) throw exchangeError('EXCHANGE_PEER_OFFICE_INVALID', { officeCode });
  if (kind === 'office_signing' && officeCode === office.officeCode) {
    throw exchangeError('EXCHANGE_PEER_OFFICE_INVALID', { officeCode, reason: 'own office' });
  }
  const unitName = await unitNameOf(ctx, officeCode);
  if (unitName === null) throw exchangeError('EXCHANGE_PEER_OFFICE_INVALID', { officeCode, reason: 'unit not found' });
  const name = input.name ?? label.name ?? unitName;

  const taken = await findActivePeerByKey(ctx.db, publicKey);
  if (taken !== undefined) {
    if (taken.office_code === officeCode && taken.kind === kind) return rowToPeer(taken);
    throw exchangeError('EXCHANGE_PEER_KEY_TAKEN', { officeCode: taken.office_code });
  }
  if (keyId !== null) {
    // verifyMinisign picks the trusted key by its 8-byte id, which the key's owner chooses: two offices with
    // the same id would let one office's key shadow the other's, so an id may be registered only once.
    const sameId = (await listActivePeers(ctx.db, 'office_signing')).find((p) => p.key_id === keyId && p.office_code !== officeCode);
    if (sameId !== undefined) throw exchangeError('EXCHANGE_PEER_KEY_TAKEN', { officeCode: sameId.office_code, keyId });
  }
  const previous =
    kind === 'province_recipient'
      ? (await listActiveRecipients(ctx))[0]
      : await findActivePeerOfOffice(ctx.db, kind, officeCode);
  const at = ctx.now().toISOString();
  const row: ExchangePeerRow = {
    id: ctx.newId(),
    kind,
    status: 'active',
    office_code: officeCode,
    name,
    public_key: publicKey,
    key_id: keyId,
    fingerprint,
    added_at: at,
    retired_at: null,
  };
  const actor = await currentActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (previous !== undefined) await retirePeer(trx, previous.id, at);
    await insertPeer(trx, row);
    await audit(trx, ctx, actor, {
      entity: 'exchange_peer',
      entityId: row.id,
      action: previous === undefined ? 'register' : 'replace',
      before: previous === undefined ? null : { officeCode: previous.office_code, fingerprint: previous.fingerprint },
      after: { kind, officeCode, name, fingerprint, keyId },
    });
  });
  ctx.emit('exchange.changed', null);
  return rowToPeer(row);
}

async function listActiveRecipients(ctx: ServiceContext): Promise<ExchangePeerRow[]> {
  return ctx.db.selectFrom('exchange_peer').selectAll().where('kind', '=', 'province_recipient').where('status', '=', 'active').execute();
}

export async function activeProvinceRecipient(ctx: ServiceContext): Promise<ExchangePeerRow | undefined> {
  return (await listActiveRecipients(ctx))[0];
}

export async function retirePeerKey(ctx: ServiceContext, id: string): Promise<ExchangePeer> {
  const row = await getPeer(ctx.db, id);
  if (row === undefined) throw exchangeError('EXCHANGE_PEER_NOT_FOUND', { id });
  if (row.status === 'retired') return rowToPeer(row);
  const at = ctx.now().toISOString();
  const actor = await currentActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await retirePeer(trx, id, at);
    await audit(trx, ctx, actor, {
      entity: 'exchange_peer',
      entityId: id,
      action: 'retire',
      before: { officeCode: row.office_code, fingerprint: row.fingerprint },
      after: null,
    });
  });
  ctx.emit('exchange.changed', null);
  return rowToPeer({ ...row, status: 'retired', retired_at: at });
}
