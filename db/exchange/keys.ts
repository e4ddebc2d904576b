import type { Kysely, Selectable } from 'kysely';
import type { Database, ExchangeKeyTable, ExchangePeerTable } from '../schema';

/** This office's own key pairs (private halves sealed) and the other side's registered public keys. */

export type ExchangeKeyRow = Selectable<ExchangeKeyTable>;
export type ExchangePeerRow = Selectable<ExchangePeerTable>;

export async function listOwnKeys(db: Kysely<Database>): Promise<ExchangeKeyRow[]> {
  return db.selectFrom('exchange_key').selectAll().orderBy('status').orderBy('created_at', 'desc').execute();
}

export async function getActiveOwnKey(db: Kysely<Database>, kind: ExchangeKeyTable['kind']): Promise<ExchangeKeyRow | undefined> {
  return db.selectFrom('exchange_key').selectAll().where('kind', '=', kind).where('status', '=', 'active').executeTakeFirst();
}

/** Active first, then retired ones newest first: a retired encryption key still opens older bundles. */
export async function listOwnKeysOfKind(db: Kysely<Database>, kind: ExchangeKeyTable['kind']): Promise<ExchangeKeyRow[]> {
  return db
    .selectFrom('exchange_key')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('status')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertOwnKey(db: Kysely<Database>, row: ExchangeKeyTable): Promise<void> {
  await db.insertInto('exchange_key').values(row).execute();
}

export async function retireOwnKey(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('exchange_key').set({ status: 'retired', retired_at: at }).where('id', '=', id).execute();
}

export async function listPeers(db: Kysely<Database>): Promise<ExchangePeerRow[]> {
  return db.selectFrom('exchange_peer').selectAll().orderBy('status').orderBy('office_code').orderBy('added_at', 'desc').execute();
}

export async function listActivePeers(db: Kysely<Database>, kind: ExchangePeerTable['kind']): Promise<ExchangePeerRow[]> {
  return db.selectFrom('exchange_peer').selectAll().where('kind', '=', kind).where('status', '=', 'active').orderBy('office_code').execute();
}

export async function getPeer(db: Kysely<Database>, id: string): Promise<ExchangePeerRow | undefined> {
  return db.selectFrom('exchange_peer').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActivePeerByKey(db: Kysely<Database>, publicKey: string): Promise<ExchangePeerRow | undefined> {
  return db.selectFrom('exchange_peer').selectAll().where('public_key', '=', publicKey).where('status', '=', 'active').executeTakeFirst();
}

export async function findActivePeerOfOffice(
  db: Kysely<Database>,
  kind: ExchangePeerTable['kind'],
  officeCode: string,
): Promise<ExchangePeerRow | undefined> {
  return db
    .selectFrom('exchange_peer')
    .selectAll()
    .where('kind', '=', kind)
    .where('office_code', '=', officeCode)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function insertPeer(db: Kysely<Database>, row: ExchangePeerTable): Promise<void> {
  await db.insertInto('exchange_peer').values(row).execute();
}

export async function retirePeer(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('exchange_peer').set({ status: 'retired', retired_at: at }).where('id', '=', id).execute();
}
