import type BetterSqlite3 from 'better-sqlite3';
import { z } from 'zod';
import type { ExchangeTypeCounts } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import { parseCatalog, validateCatalog } from '../../core/ntm/index';
import type { BundleRecord } from '../bundle/index';
import { rowOf } from '../ntm/catalogs';

/*
 * NTM criteria catalogs in a bundle (record type `ntm_catalog`). A catalog is not owned by an office: it is a
 * document identified by id and revision, immutable once stored (services/ntm/catalogs.ts). An office that
 * imported or edited a catalog assesses its communes against it, and the province needs the same document to
 * read those assessments, so a bundle carries every catalog the office added and every catalog its exported
 * assessments name.
 *
 * Record: { id: "<catalog id>@<revision>", catalog_id, revision, document_json } — the bundle format needs one
 * string id per record. The document is checked with the same validation as an import in Settings, and its id
 * and revision must be the record's.
 * Merge: a catalog the province lacks is inserted (origin "imported"); the same document again changes nothing;
 * a different document under an id and revision the province already has refuses the bundle
 * (BUNDLE_CATALOG_CONFLICT): two documents must never share a name.
 */

export const CATALOG_RECORD_TYPE = 'ntm_catalog';

const catalogShape = {
  id: z.string().min(3).max(200),
  catalog_id: z.string().min(1).max(100),
  revision: z.number().int().min(1).max(1_000_000),
  document_json: z.string().max(5_000_000),
};

export const catalogRecordSchema = z.strictObject(catalogShape).superRefine((r, ctx) => {
  if (r.id !== `${r.catalog_id}@${r.revision}`) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: 'id phải có dạng <mã bộ tiêu chí>@<lần sửa>' });
    return;
  }
  let document: unknown;
  try {
    document = JSON.parse(r.document_json);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['document_json'], message: 'không phải JSON hợp lệ' });
    return;
  }
  const validation = validateCatalog(document);
  if (!validation.ok) {
    for (const issue of validation.issues.slice(0, 5)) ctx.addIssue({ code: 'custom', path: ['document_json', issue.path], message: issue.message });
    return;
  }
  if (validation.catalog.id !== r.catalog_id || validation.catalog.revision !== r.revision) {
    ctx.addIssue({ code: 'custom', path: ['document_json'], message: 'mã hoặc lần sửa trong tài liệu khác với bản ghi' });
  }
});

export const CATALOG_COLUMNS = Object.keys(catalogShape);

/**
 * The catalogs a bundle carries: every catalog this office imported or edited, and every catalog (shipped ones
 * too: the province may run an older version) named by an assessment in the bundle. Runs inside the export's
 * read transaction.
 */
export function collectCatalogs(sqlite: BetterSqlite3.Database, records: Readonly<Record<string, readonly BundleRecord[]>>): BundleRecord[] {
  const wanted = new Set<string>();
  for (const a of records.ntm_assessment ?? []) wanted.add(`${String(a.catalog_id)}@${String(a.catalog_revision)}`);
  const rows = sqlite.prepare(`SELECT id, revision, origin, document_json FROM ntm_catalog ORDER BY id, revision`).all() as {
    id: string;
    revision: number;
    origin: string;
    document_json: string;
  }[];
  return rows
    .filter((r) => r.origin !== 'shipped' || wanted.has(`${r.id}@${r.revision}`))
    .map((r) => ({ id: `${r.id}@${r.revision}`, catalog_id: r.id, revision: r.revision, document_json: r.document_json }));
}

/** Inside the import's transaction: stores the catalogs the province lacks (see the rules above). */
export function mergeCatalogs(sqlite: BetterSqlite3.Database, list: readonly BundleRecord[], at: string): ExchangeTypeCounts {
  const counts: ExchangeTypeCounts = { received: list.length, inserted: 0, updated: 0, unchanged: 0 };
  const select = sqlite.prepare(`SELECT document_json FROM ntm_catalog WHERE id = ? AND revision = ?`).pluck();
  const insert = sqlite.prepare(
    `INSERT INTO ntm_catalog (id, revision, name, level, period_from, period_to, origin, document_json, imported_at)
     VALUES (@id, @revision, @name, @level, @period_from, @period_to, @origin, @document_json, @imported_at)`,
  );
  for (const record of list) {
    const catalog = parseCatalog(JSON.parse(String(record.document_json)));
    const row = rowOf(catalog, 'imported', at);
    const existing = select.get(catalog.id, catalog.revision) as string | undefined;
    if (existing === undefined) {
      insert.run(row);
      counts.inserted += 1;
      continue;
    }
    // Stored documents are canonical (JSON.stringify of the parsed catalog); compare the same form.
    if (existing === row.document_json || JSON.stringify(parseCatalog(JSON.parse(existing))) === row.document_json) {
      counts.unchanged += 1;
      continue;
    }
    throw new AppError(
      'BUNDLE_CATALOG_CONFLICT',
      `Gói dữ liệu mang bộ tiêu chí "${catalog.name}" (mã ${catalog.id}, lần sửa ${catalog.revision}) khác với bộ cùng mã và lần sửa đã có ở đây. Gói bị từ chối: đề nghị đơn vị gửi tăng số lần sửa (revision) của bộ tiêu chí đã chỉnh rồi xuất lại.`,
      { id: catalog.id, revision: catalog.revision },
    );
  }
  return counts;
}
