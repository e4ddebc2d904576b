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
  /** The same insert, doing nothing if the id exists: `changes` tells a new record from an existing one. */
  insertNew: BetterSqlite3.Statement;
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
    insertNew: sqlite.prepare(
      `INSERT INTO ${spec.table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT(id) DO NOTHING`,
    ),
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
  const owned = new OwnedIds();
  for (const spec of RECORD_TYPES) {
    const list = records[spec.name];
    if (list === undefined) continue;
    counts[spec.name] = mergeTypeBatch(sqlite, spec, officeCode, list, owned);
  }
  return counts;
}

/**
 * Merges one run of records of one owned or content type (a streamed import calls it per batch, in merge order,
 * with one OwnedIds for the whole bundle). Must run inside a transaction.
 */
export function mergeTypeBatch(
  sqlite: BetterSqlite3.Database,
  spec: RecordTypeSpec,
  officeCode: string,
  list: readonly BundleRecord[],
  owned: OwnedIds,
): ExchangeTypeCounts {
  return withImportErrors(spec.name, () =>
    spec.ownership === 'owned'
      ? mergeOwnedRows(sqlite, spec, officeCode, list.map((r) => recordToRow(spec, r)), owned)
      : mergeContent(sqlite, spec, list),
  );
}

/** mergeTypeBatch for an owned type's records given as rows (the reader thread sends the bulk so). */
export function mergeRowsBatch(
  sqlite: BetterSqlite3.Database,
  spec: RecordTypeSpec,
  officeCode: string,
  rows: readonly RecordRow[],
  owned: OwnedIds,
): ExchangeTypeCounts {
  return withImportErrors(spec.name, () => mergeOwnedRows(sqlite, spec, officeCode, rows, owned));
}

function withImportErrors<T>(recordType: string, merge: () => T): T {
  try {
    return merge();
  } catch (e) {
    throw mapSqliteError(e, recordType);
  }
}

/**
 * Parent rows seen to belong to the importing office during this merge, per record type: thousands of values
 * point at one assessment, which is looked up once. It stays true for the rest of the merge: nothing is deleted,
 * and a row whose office changes is forgotten (see mergeOwned).
 */
export class OwnedIds {
  private readonly byType = new Map<string, Set<string>>();

  of(recordType: string): Set<string> {
    let ids = this.byType.get(recordType);
    if (ids === undefined) {
      ids = new Set();
      this.byType.set(recordType, ids);
    }
    return ids;
  }
}

/** A record as the values of its type's columns, in spec.columns order (cols[0] is always id). */
export type RecordRow = unknown[];

export function recordToRow(spec: RecordTypeSpec, record: BundleRecord): RecordRow {
  return spec.columns.map((c) => record[c]);
}

/**
 * Merges one run of owned records given as rows (RecordRow). Must run inside a transaction; SQLite's constraint
 * errors are thrown as they are (mergeTypeBatch maps them).
 */
function mergeOwnedRows(
  sqlite: BetterSqlite3.Database,
  spec: RecordTypeSpec,
  officeCode: string,
  rows: readonly RecordRow[],
  owned: OwnedIds,
): ExchangeTypeCounts {
  const s = ownedStatements(sqlite, spec);
  const cols = spec.columns;
  const n = cols.length;
  const versionAt = cols.indexOf('version');
  const officeAt = cols.indexOf('office_code');
  const updateValues = new Array<unknown>(n);
  const parents = s.parents.map((p) => ({ ...p, at: cols.indexOf(p.column), owned: owned.of(p.recordType) }));
  const ownedHere = owned.of(spec.name);
  const counts: ExchangeTypeCounts = { received: rows.length, inserted: 0, updated: 0, unchanged: 0 };

  /** The rules, given the row with the record's id (if any). */
  const apply = (row: RecordRow, existing: [string, number] | undefined) => {
    if (existing !== undefined) {
      if (existing[0] !== officeCode) {
        throw exchangeError('BUNDLE_RECORD_OWNER_CONFLICT', { recordType: spec.name, id: row[0], owner: existing[0] });
      }
      if ((row[versionAt] as number) <= existing[1]) {
        counts.unchanged += 1;
        return;
      }
    }
    for (const p of parents) {
      const ref = row[p.at];
      if (ref === null || ref === undefined) continue;
      if (p.owned.has(ref as string)) continue;
      const owner = p.select.get(ref) as string | undefined;
      if (owner !== officeCode) {
        throw exchangeError('BUNDLE_REFERENCE_INVALID', {
          recordType: spec.name,
          id: row[0],
          column: p.column,
          value: ref,
          reason: owner === undefined ? 'missing' : 'another office',
        });
      }
      p.owned.add(ref as string);
    }
    if (existing === undefined) {
      s.insert.run(row);
      counts.inserted += 1;
    } else {
      // Columns except id, then the id for the WHERE clause.
      for (let i = 1; i < n; i++) updateValues[i - 1] = row[i];
      updateValues[n - 1] = row[0];
      s.update.run(updateValues);
      counts.updated += 1;
    }
  };

  for (const row of rows) {
    if (parentsKnown(row, parents)) {
      // Every parent is known to be the office's, so a new id would be inserted exactly as apply() inserts it:
      // insert first and skip the lookup. If the id exists (nothing inserted) or SQLite refuses the row, the
      // record goes through the rules with its existing row, as if looked up first (a refusal stands when there
      // is no such row: apply() would have run the same insert).
      let inserted = false;
      let refused = false;
      let refusal: unknown;
      try {
        inserted = s.insertNew.run(row).changes === 1;
      } catch (e) {
        refused = true;
        refusal = e;
      }
      if (inserted) counts.inserted += 1;
      else {
        const existing = s.select.get(row[0]) as [string, number] | undefined;
        if (existing === undefined && refused) throw refusal;
        apply(row, existing);
      }
    } else {
      apply(row, s.select.get(row[0]) as [string, number] | undefined);
    }
    // The row may now belong to another office (the importer refuses such records before the merge; this keeps
    // the cache right without relying on it).
    if (row[officeAt] !== officeCode) ownedHere.delete(row[0] as string);
  }
  return counts;
}

function parentsKnown(row: RecordRow, parents: readonly { at: number; owned: Set<string> }[]): boolean {
  for (const p of parents) {
    const ref = row[p.at];
    if (ref !== null && ref !== undefined && !p.owned.has(ref as string)) return false;
  }
  return true;
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
