import type { ExchangeKeyKind, ExchangeOwnKey } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { getActiveOwnKey, listOwnKeysOfKind, type ExchangeKeyRow } from '../../db/exchange/keys';
import type { ExchangeKeyTable } from '../../db/schema';
import { openSecret, parseAgeIdentityFile, parseSecretKeyFile } from '../bundle/index';
import type { ServiceContext } from '../context';
import { audit, currentActor } from '../staff';
import { exchangeError } from './errors';
import {
  decodeBase64File,
  encryptionKeyRow,
  installOwnKeys,
  keyKindsFor,
  protectionForNewKey,
  protectionToOpen,
  requireOffice,
  signingKeyRow,
} from './keyService';

/*
 * Keys made with the reference tools, and the province's identity for them (issue 6: "`age -d -i province.key`
 * decrypts it and `minisign -V` verifies the manifest with the office's public key").
 * - importPrivateKey: an office that already has keys from `minisign -G` or `age-keygen` (or moves to a new
 *   computer with them) takes them in; they are sealed like generated ones (OS key store or passphrase).
 * - exportIdentity: the province's age identity as an age-keygen file, for reading a bundle with `age -d -i`.
 *   Only the encryption identity (reading what offices sent the province); a signing key never leaves, since
 *   whoever holds it can sign as the office. The file is the user's to keep safe: the CLI writes it 0600.
 */

function kindOfKeyText(text: string): ExchangeKeyKind {
  if (/^\s*AGE-SECRET-KEY-1/m.test(text)) return 'encryption';
  if (/^untrusted comment:/.test(text.trimStart())) return 'signing';
  throw new AppError('EXCHANGE_KEY_FILE_UNKNOWN', 'Tệp không phải khoá bí mật của age (age-keygen) hay của minisign (minisign -G).');
}

export async function importPrivateKey(
  ctx: ServiceContext,
  input: { fileName: string; contentBase64: string; keyPassword?: string; passphrase?: string; replace: boolean },
): Promise<ExchangeOwnKey> {
  const office = await requireOffice(ctx);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(decodeBase64File(input.contentBase64));
  const kind = kindOfKeyText(text);
  if (!keyKindsFor(office).includes(kind)) {
    throw new AppError(
      'EXCHANGE_KEY_KIND_UNUSED',
      kind === 'signing' ? 'Văn phòng cấp tỉnh không ký gói dữ liệu: không cần khoá ký.' : 'Văn phòng này không nhận gói dữ liệu: không cần khoá nhận.',
      { kind },
    );
  }
  const existing = await getActiveOwnKey(ctx.db, kind);
  if (existing !== undefined && !input.replace) throw exchangeError('EXCHANGE_KEY_EXISTS', { kind, fingerprint: existing.fingerprint });
  const sealing = protectionForNewKey(ctx, input.passphrase);
  let row: ExchangeKeyTable;
  if (kind === 'signing') {
    const key = await parseSecretKeyFile(text, input.keyPassword);
    row = await signingKeyRow(ctx, office, key, sealing);
    key.seed.fill(0);
  } else {
    row = await encryptionKeyRow(ctx, await parseAgeIdentityFile(text), sealing);
  }
  const taken = await listOwnKeysOfKind(ctx.db, kind);
  if (taken.some((k) => k.public_key === row.public_key && k.status === 'active')) {
    throw new AppError('EXCHANGE_KEY_SAME', 'Khoá này đang là khoá của văn phòng; không cần nhập lại.', { fingerprint: row.fingerprint });
  }
  const [own] = await installOwnKeys(ctx, [row], new Map(existing === undefined ? [] : [[kind, existing as ExchangeKeyRow]]), 'import');
  return own!;
}

export async function exportIdentity(ctx: ServiceContext, input: { passphrase?: string }): Promise<{ fileName: string; contentBase64: string; fingerprint: string }> {
  const office = await requireOffice(ctx);
  const row = await getActiveOwnKey(ctx.db, 'encryption');
  if (row === undefined) throw exchangeError('EXCHANGE_KEY_MISSING', { kind: 'encryption' });
  const keys = await parseAgeIdentityFile(await openSecret(row.sealed_secret, protectionToOpen(ctx, row, input.passphrase)));
  const actor = await currentActor(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await audit(trx, ctx, actor, { entity: 'exchange_key', entityId: row.id, action: 'export_identity', before: null, after: { kind: 'encryption', fingerprint: row.fingerprint } });
  });
  const text = `# NTM Desk ${office.officeCode}: khoá bí mật nhận gói dữ liệu (age). Giữ kín; ai có tệp này đọc được mọi gói gửi tới văn phòng.\n# public key: ${keys.recipient}\n${keys.identity}\n`;
  return { fileName: `${office.officeCode}-khoa-bi-mat.key`, contentBase64: Buffer.from(text, 'utf8').toString('base64'), fingerprint: row.fingerprint };
}
