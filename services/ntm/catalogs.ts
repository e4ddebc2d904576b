import { AppError } from '../../core/errors';
import type { NtmCatalogSummary } from '../../core/contract/ntm';
import { compileCatalog, parseCatalog, validateCatalog, type Catalog, type CompiledCatalog } from '../../core/ntm/index';
import { SHIPPED_NTM_CATALOG_DOCUMENTS } from '../../db/reference/ntm/index';
import type { NtmCatalogTable } from '../../db/schema';
import type { ServiceContext } from '../context';

export function summaryOf(catalog: Catalog, origin: NtmCatalogTable['origin']): NtmCatalogSummary {
  const indicators = catalog.criteria.flatMap((c) => c.indicators);
  return {
    id: catalog.id,
    revision: catalog.revision,
    name: catalog.name,
    level: catalog.level,
    periodFrom: catalog.period.fromYear,
    periodTo: catalog.period.toYear,
    origin,
    decision: catalog.legalBasis.decision,
    completeness: catalog.completeness,
    criteriaCount: catalog.criteria.length,
    indicatorCount: indicators.length,
    manualIndicatorCount: indicators.filter((i) => i.judgement === 'manual').length,
    gaps: catalog.gaps,
  };
}

/** Puts the shipped catalogs into the database once (a catalog row is immutable per id and revision). */
export async function ensureShippedCatalogs(ctx: ServiceContext): Promise<void> {
  const existing = new Set(
    (await ctx.db.selectFrom('ntm_catalog').select(['id', 'revision']).where('origin', '=', 'shipped').execute()).map(
      (r) => `${r.id}@${r.revision}`,
    ),
  );
  const missing = SHIPPED_NTM_CATALOG_DOCUMENTS.map((d) => parseCatalog(d.document)).filter(
    (c) => !existing.has(`${c.id}@${c.revision}`),
  );
  if (missing.length === 0) return;
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of missing) {
      await trx
        .insertInto('ntm_catalog')
        .values(rowOf(c, 'shipped', at))
        .onConflict((oc) => oc.columns(['id', 'revision']).doNothing())
        .execute();
    }
  });
}

export function rowOf(c: Catalog, origin: NtmCatalogTable['origin'], at: string): NtmCatalogTable {
  return {
    id: c.id,
    revision: c.revision,
    name: c.name,
    level: c.level,
    period_from: c.period.fromYear,
    period_to: c.period.toYear,
    origin,
    document_json: JSON.stringify(c),
    imported_at: at,
  };
}

export async function listCatalogs(ctx: ServiceContext): Promise<NtmCatalogSummary[]> {
  await ensureShippedCatalogs(ctx);
  const rows = await ctx.db.selectFrom('ntm_catalog').selectAll().orderBy('period_from', 'desc').orderBy('id').orderBy('revision', 'desc').execute();
  return rows.map((r) => summaryOf(parseCatalog(JSON.parse(r.document_json)), r.origin));
}

export type LoadedCatalog = { summary: NtmCatalogSummary; catalog: Catalog; compiled: CompiledCatalog };

/**
 * The catalog to use: the given id (latest revision unless one is named), or the xã NTM catalog in force for
 * the year (a province's own imported set is preferred over the national one it details).
 */
export async function loadCatalog(ctx: ServiceContext, id: string | undefined, year: number, revision?: number): Promise<LoadedCatalog> {
  await ensureShippedCatalogs(ctx);
  let q = ctx.db.selectFrom('ntm_catalog').selectAll();
  if (id) {
    q = q.where('id', '=', id);
    if (revision !== undefined) q = q.where('revision', '=', revision);
    q = q.orderBy('revision', 'desc');
  } else {
    q = q
      .where('level', '=', 'xa_ntm')
      .where('period_from', '<=', year)
      .where('period_to', '>=', year)
      .orderBy((eb) => eb.case().when('origin', '=', 'shipped').then(1).else(0).end())
      .orderBy('imported_at', 'desc')
      .orderBy('revision', 'desc');
  }
  const row = await q.executeTakeFirst();
  if (!row) {
    throw id
      ? new AppError('CATALOG_NOT_FOUND', `Không có bộ tiêu chí "${id}"${revision ? ` (lần sửa ${revision})` : ''}.`, { id, revision })
      : new AppError('CATALOG_NOT_FOUND', `Không có bộ tiêu chí xã NTM nào áp dụng cho năm ${year}. Hãy nhập bộ tiêu chí trong Cài đặt.`, { year });
  }
  const catalog = parseCatalog(JSON.parse(row.document_json));
  return { summary: summaryOf(catalog, row.origin), catalog, compiled: compileCatalog(catalog) };
}

/** Imports a catalog document; refuses it whole, listing every problem, when anything is wrong. */
export async function importCatalog(ctx: ServiceContext, document: unknown): Promise<NtmCatalogSummary> {
  const validation = validateCatalog(document);
  if (!validation.ok) {
    const tooNew = validation.issues.find((i) => i.path === 'formatVersion' && /mới hơn/.test(i.message));
    if (tooNew) throw new AppError('CATALOG_FORMAT_TOO_NEW', tooNew.message, { issues: validation.issues });
    throw new AppError(
      'CATALOG_INVALID',
      `Bộ tiêu chí không hợp lệ (${validation.issues.length} lỗi): ${validation.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}${validation.issues.length > 5 ? '; …' : ''}`,
      { issues: validation.issues },
    );
  }
  const catalog = validation.catalog;
  await ensureShippedCatalogs(ctx);
  const existing = await ctx.db
    .selectFrom('ntm_catalog')
    .select(['document_json', 'origin'])
    .where('id', '=', catalog.id)
    .where('revision', '=', catalog.revision)
    .executeTakeFirst();
  if (existing) {
    if (existing.document_json === JSON.stringify(catalog)) return summaryOf(catalog, existing.origin);
    throw new AppError(
      'CATALOG_REVISION_EXISTS',
      `Đã có bộ tiêu chí "${catalog.id}" lần sửa ${catalog.revision} với nội dung khác. Hãy tăng số lần sửa (revision) trước khi nhập.`,
      { id: catalog.id, revision: catalog.revision },
    );
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('ntm_catalog').values(rowOf(catalog, 'imported', at)).execute();
  });
  return summaryOf(catalog, 'imported');
}

export async function getCatalogDocument(ctx: ServiceContext, id: string, revision?: number) {
  const loaded = await loadCatalog(ctx, id, 0, revision);
  return { summary: loaded.summary, document: loaded.catalog as unknown };
}
