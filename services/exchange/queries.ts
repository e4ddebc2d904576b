import type {
  ExchangeImportLogEntry,
  ExchangeOffice,
  ExchangeStatus,
  ExchangeTypeCounts,
  ExchangeWarning,
} from '../../core/contract/index';
import { lastAcknowledgedSequence, listExports } from '../../db/exchange/exports';
import { importSummaryByOffice, listImportLog } from '../../db/exchange/importLog';
import { listActivePeers, listOwnKeys, listPeers } from '../../db/exchange/keys';
import type { ServiceContext } from '../context';
import { rowToExport } from './exportService';
import { activeProvinceRecipient, isProvince, keyKindsFor, osKeyStoreAvailable, requireOffice, rowToOwnKey, rowToPeer } from './keyService';
import { OWNED_RECORD_TYPES } from './recordTypes';

/** Read-only views of the exchange for the page, the CLI and the NTM/OCOP features. */

export async function exchangeStatus(ctx: ServiceContext): Promise<ExchangeStatus> {
  const office = await requireOffice(ctx);
  const keys = (await listOwnKeys(ctx.db)).filter((k) => k.status === 'active');
  const recipient = await activeProvinceRecipient(ctx);
  const [lastExport] = await listExports(ctx.db, 1);
  return {
    mode: isProvince(office) ? 'province' : 'office',
    officeCode: office.officeCode,
    osKeyStoreAvailable: osKeyStoreAvailable(ctx),
    keys: keys.map(rowToOwnKey),
    missingKeys: keyKindsFor(office).filter((kind) => !keys.some((k) => k.kind === kind)),
    needsPassphrase: keys.some((k) => k.protection === 'passphrase'),
    provinceRecipient: recipient === undefined ? null : rowToPeer(recipient),
    lastExport: lastExport === undefined ? null : rowToExport(lastExport),
    lastAcknowledged: await lastAcknowledgedSequence(ctx.db),
  };
}

export async function listKeys(ctx: ServiceContext) {
  return { own: (await listOwnKeys(ctx.db)).map(rowToOwnKey), peers: (await listPeers(ctx.db)).map(rowToPeer) };
}

export async function listImports(ctx: ServiceContext, filter: { officeCode?: string; limit: number }): Promise<ExchangeImportLogEntry[]> {
  const names = new Map((await listPeers(ctx.db)).map((p) => [p.office_code, p.name]));
  return (await listImportLog(ctx.db, filter)).map((r) => ({
    id: r.id,
    at: r.at,
    status: r.status,
    officeCode: r.office_code,
    officeName: r.office_code === null ? null : (names.get(r.office_code) ?? null),
    sequence: r.sequence,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    fileBytes: r.file_bytes,
    bundleCreatedAt: r.bundle_created_at,
    signerFingerprint: r.signer_fingerprint,
    counts: JSON.parse(r.counts_json) as Record<string, ExchangeTypeCounts>,
    warnings: JSON.parse(r.warnings_json) as ExchangeWarning[],
    errorCode: r.error_code,
    message: r.message,
    staffName: r.staff_name,
  }));
}

/**
 * The offices a province holds data for: every registered office, plus any office seen in the import log
 * (e.g. after its key was retired), with the live records held per type. Aggregated NTM/OCOP views read the
 * merged tables themselves, across office_code.
 */
export async function listOffices(ctx: ServiceContext): Promise<ExchangeOffice[]> {
  const peers = await listActivePeers(ctx.db, 'office_signing');
  const summary = new Map((await importSummaryByOffice(ctx.db)).map((s) => [s.office_code, s]));
  const records = new Map<string, Record<string, number>>();
  for (const spec of OWNED_RECORD_TYPES) {
    const rows = ctx.conn.sqlite
      .prepare(`SELECT office_code, count(*) AS n FROM ${spec.table} WHERE deleted = 0 GROUP BY office_code`)
      .all() as { office_code: string; n: number }[];
    for (const row of rows) {
      const forOffice = records.get(row.office_code) ?? {};
      forOffice[spec.name] = row.n;
      records.set(row.office_code, forOffice);
    }
  }
  const office = await requireOffice(ctx);
  const codes = new Set<string>([...peers.map((p) => p.office_code), ...summary.keys()]);
  const allPeers = await listPeers(ctx.db);
  return [...codes].sort().map((code) => {
    const peer = peers.find((p) => p.office_code === code);
    const anyPeer = peer ?? allPeers.find((p) => p.office_code === code && p.kind === 'office_signing');
    const s = summary.get(code);
    return {
      officeCode: code,
      name: anyPeer?.name ?? code,
      fingerprint: peer?.fingerprint ?? null,
      keyId: peer?.key_id ?? null,
      registeredAt: peer?.added_at ?? null,
      lastSequence: s?.last_sequence ?? null,
      lastImportAt: s?.last_at ?? null,
      importCount: s?.imports ?? 0,
      records: code === office.officeCode ? {} : (records.get(code) ?? {}),
    };
  });
}
