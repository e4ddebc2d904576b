import { AppError } from '../errors';
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION, catalogDocumentSchema } from './catalogSchema';
import type { CatalogSheetDocument } from './catalogSchema';
import type { MinStars, OcopCatalog, OcopCriterion, OcopSheet, OcopVersion } from './catalogModel';
import { OcopErrorCode } from './ocopErrors';
import { toTenths } from './points';

/**
 * Validates a catalog document and builds the in-memory model. A document written by a newer version of the app
 * is refused with a message the user can act on, before schema validation (its shape may have changed).
 */
export function loadCatalog(doc: unknown): OcopCatalog {
  const header = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : {};
  if (header.format !== CATALOG_FORMAT) {
    throw new AppError(OcopErrorCode.catalogInvalid, 'Tệp danh mục bộ tiêu chí OCOP không đúng định dạng.', {
      expectedFormat: CATALOG_FORMAT,
      found: header.format ?? null,
    });
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > CATALOG_FORMAT_VERSION) {
    throw new AppError(
      OcopErrorCode.catalogFormatTooNew,
      `Danh mục bộ tiêu chí OCOP có phiên bản định dạng ${header.formatVersion}, mới hơn phiên bản ${CATALOG_FORMAT_VERSION} mà ứng dụng này đọc được. Vui lòng cập nhật NTM Desk.`,
      { formatVersion: header.formatVersion, supported: CATALOG_FORMAT_VERSION },
    );
  }
  const parsed = catalogDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    throw new AppError(OcopErrorCode.catalogInvalid, 'Tệp danh mục bộ tiêu chí OCOP không hợp lệ.', {
      issues: parsed.error.issues.slice(0, 10).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const versions: OcopVersion[] = parsed.data.versions.map((v) => ({
    id: v.id,
    decision: v.decision,
    status: v.status,
    reliability: v.reliability,
    complete: v.complete,
    minimumsKnown: v.minimumsKnown,
    weights: v.weights,
    starBands: [...v.starBands].sort((a, b) => b.stars - a.stars),
    certificateValidityMonths: v.certificateValidityMonths,
    corrections: v.corrections,
    gaps: v.gaps,
    sheets: v.sheets.map((s) => buildSheet(v.id, s)),
  }));
  return { formatVersion: parsed.data.formatVersion, currentVersion: parsed.data.currentVersion, versions };
}

function buildSheet(versionId: string, s: CatalogSheetDocument): OcopSheet {
  const criteria: OcopCriterion[] = [];
  const parts = s.parts.map((p) => ({
    code: p.code,
    title: p.title,
    max: p.max,
    maxTenths: toTenths(p.max),
    groups: p.groups.map((g) => ({
      code: g.code,
      title: g.title,
      max: g.max,
      criteria: g.criteria.map((c) => {
        const criterion: OcopCriterion = {
          code: c.code,
          title: c.title,
          max: c.max,
          maxTenths: toTenths(c.max),
          kind: c.options.length === 0 ? 'yesno' : 'options',
          options: c.options.map((o, i) => ({
            number: i + 1,
            label: o.label,
            points: o.points,
            tenths: o.points === null ? null : toTenths(o.points),
            minStars: o.minStars as MinStars | null,
          })),
          notes: c.notes,
          aliases: c.aliases,
          parent: c.parent,
          partCode: p.code,
          groupCode: g.code,
          groupTitle: g.title,
        };
        criteria.push(criterion);
        return criterion;
      }),
    })),
  }));
  const seen = new Set<string>();
  for (const key of criteria.flatMap((c) => [c.code, ...c.aliases])) {
    if (seen.has(key)) {
      throw new AppError(OcopErrorCode.catalogInvalid, `Bộ tiêu chí số ${s.no} (${versionId}) có mã tiêu chí trùng: ${key}.`, {
        version: versionId,
        sheet: s.no,
        code: key,
      });
    }
    seen.add(key);
  }
  return {
    versionId,
    no: s.no,
    name: s.name,
    classification: s.classification,
    disqualification: s.disqualification,
    verified: s.verified,
    warnings: s.warnings,
    parts,
    criteria,
    maxTenths: parts.reduce((sum, p) => sum + p.maxTenths, 0),
  };
}

export function findVersion(catalog: OcopCatalog, versionId?: string): OcopVersion {
  const id = versionId ?? catalog.currentVersion;
  const version = catalog.versions.find((v) => v.id === id);
  if (!version) {
    throw new AppError(OcopErrorCode.unknownVersion, `Không có bộ tiêu chí OCOP phiên bản "${id}".`, {
      version: id,
      known: catalog.versions.map((v) => v.id),
    });
  }
  return version;
}

export function findSheet(version: OcopVersion, sheetNo: number): OcopSheet {
  const sheet = version.sheets.find((s) => s.no === sheetNo);
  if (!sheet) {
    throw new AppError(OcopErrorCode.unknownSheet, `Không có bộ tiêu chí số ${sheetNo} trong ${version.id}.`, {
      version: version.id,
      sheet: sheetNo,
      known: version.sheets.map((s) => s.no),
    });
  }
  return sheet;
}
