import type BetterSqlite3 from 'better-sqlite3';
import type { ExchangeTypeCounts } from '../../core/contract/index';
import { bundleError } from '../../core/bundle/errors';
import { isAppError } from '../../core/errors';
import type { BundleRecord } from '../bundle/index';
import { exchangeError } from './errors';
import { RECORD_TYPES, type RecordTypeSpec } from './recordTypes';

/*
 * The merge of one verified bundle's records, on the raw better-sqlite3 handle inside the caller's transaction
 * (prepared statements: a bundle may hold hundreds of thousands of rows; Kysely is not used inside it).
 *
 * Rules (ARCHITECTURE.md: records are owned by the office that made them):
 * - by id and version: a new id is inserted; a higher version replaces the row; the same or a lower version
 *   changes nothing. Importing the same data twice, or an older copy after a newer one, is a no-op.
 * - a row may only replace a row of the same office, and may only point at parents of the same office.
 * - content-addressed attachment rows are inserted once.
 * Any violation throws, and the caller's transaction rolls everything back.
 */

type OwnedStatements = {
  select: BetterSqlite3.Statement;
  insert: BetterSqlite3.Statement;
  update: BetterSqlite3.Statement;
  parents: { column: string; recordType: string; select: BetterSqlite3.Statement }[];
};

const statementCache = new WeakMap<BetterSqlite3.Database, Map<string, OwnedStatements | BetterSqlite3.Statement>>();

function cacheFor(sqlite: BetterSqlite3.Database): Map<string, OwnedStatements | BetterSqlite3.Statement> {
  let cache = statementCache.get(sqlite);
  if (cache === undefined) {
    cache = new Map();
    statementCache.set(sqlite, cache);
  }
  return cache;
}

function ownedStatements(sqlite: BetterSqlite3.Database, spec: RecordTypeSpec): OwnedStatements {
  const cache = cacheFor(sqlite);
  const cached = cache.get(spec.name);
  if (cached !== undefined) return cached as OwnedStatements;
  const cols = spec.columns;
  const rest = cols.filter((c) => c !== 'id');
  const statements: OwnedStatements = {
    select: sqlite.prepare(`SELECT office_code, version FROM ${spec.table} WHERE id = ?`).raw(),
    insert: sqlite.prepare(`INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`),
    update: sqlite.prepare(`UPDATE ${spec.table} SET ${rest.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
    parents: spec.parents.map((p) => {
      const parent = RECORD_TYPES.find((t) => t.name === p.recordType)!;
      return { ...p, select: sqlite.prepare(`SELECT office_code FROM ${parent.table} WHERE id = ?`).pluck() };
    }),
  };
  cache.set(spec.name, statements);
  return statements;
}

function contentInsert(sqlite: BetterSqlite3.Database, spec: RecordTypeSpec): BetterSqlite3.Statement {
  const cache = cacheFor(sqlite);
  const key = `content:${spec.name}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached as BetterSqlite3.Statement;
  const cols = spec.columns.filter((c) => c !== 'id');
  const stmt = sqlite.prepare(
    `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`,
  );
  cache.set(key, stmt);
  return stmt;
}

/** Merges every record type of one bundle, parents first. Must run inside a transaction. */
export function mergeRecords(
  sqlite: BetterSqlite3.Database,
  officeCode: string,
  records: Readonly<Record<string, readonly BundleRecord[]>>,
): Record<string, ExchangeTypeCounts> {
  const counts: Record<string, ExchangeTypeCounts> = {};
  for (const spec of RECORD_TYPES) {
    const list = records[spec.name];
    if (list === undefined) continue;
    try {
      counts[spec.name] = spec.ownership === 'owned' ? mergeOwned(sqlite, spec, officeCode, list) : mergeContent(sqlite, spec, list);
    } catch (e) {
      throw mapSqliteError(e, spec.name);
    }
  }
  return counts;
}

function mergeOwned(
  sqlite: BetterSqlite3.Database,
  spec: RecordTypeSpec,
  officeCode: string,
  list: readonly BundleRecord[],
): ExchangeTypeCounts {
  const s = ownedStatements(sqlite, spec);
  const cols = spec.columns;
  const n = cols.length;
  const values = new Array<unknown>(n);
  const updateValues = new Array<unknown>(n);
  const counts: ExchangeTypeCounts = { received: list.length, inserted: 0, updated: 0, unchanged: 0 };
  for (const record of list) {
    const existing = s.select.get(record.id) as [string, number] | undefined;
    if (existing !== undefined) {
      if (existing[0] !== officeCode) {
        throw exchangeError('BUNDLE_RECORD_OWNER_CONFLICT', { recordType: spec.name, id: record.id, owner: existing[0] });
      }
      if ((record.version as number) <= existing[1]) {
        counts.unchanged += 1;
        continue;
      }
    }
    for (const p of s.parents) {
      const ref = record[p.column];
      if (ref === null || ref === undefined) continue;
      const owner = p.select.get(ref) as string | undefined;
      if (owner !== officeCode) {
        throw exchangeError('BUNDLE_REFERENCE_INVALID', {
          recordType: spec.name,
          id: record.id,
          column: p.column,
          value: ref,
          reason: owner === undefined ? 'missing' : 'another office',
        });
      }
    }
    if (existing === undefined) {
      for (let i = 0; i < n; i++) values[i] = record[cols[i]];
      s.insert.run(values);
      counts.inserted += 1;
    } else {
      // Columns except id, then the id for the WHERE clause (cols[0] is always id).
      for (let i = 1; i < n; i++) updateValues[i - 1] = record[cols[i]];
      updateValues[n - 1] = record.id;
      s.update.run(updateValues);
      counts.updated += 1;
    }
  }
  return counts;
}

function mergeContent(sqlite: BetterSqlite3.Database, spec: RecordTypeSpec, list: readonly BundleRecord[]): ExchangeTypeCounts {
  const insert = contentInsert(sqlite, spec);
  const cols = spec.columns.filter((c) => c !== 'id');
  const counts: ExchangeTypeCounts = { received: list.length, inserted: 0, updated: 0, unchanged: 0 };
  for (const record of list) {
    const changes = insert.run(cols.map((c) => record[c])).changes;
    if (changes > 0) counts.inserted += 1;
    else counts.unchanged += 1;
  }
  return counts;
}

/** SQLite's constraint errors, as the import's own codes (https://www.sqlite.org/rescode.html#constraint). */
function mapSqliteError(e: unknown, recordType: string): unknown {
  if (isAppError(e)) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return exchangeError('BUNDLE_REFERENCE_INVALID', { recordType, reason: message });
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return exchangeError('BUNDLE_RECORD_CONFLICT', { recordType, reason: message });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    // CHECK, NOT NULL: the schema let through a value the table refuses.
    return bundleError('BUNDLE_RECORD_INVALID', { recordType, reason: message, constraint: code });
  }
  return e;
}
