import { z } from 'zod';
import { AppError } from '../errors';
import { CATALOG_FORMAT, CATALOG_FORMAT_VERSION } from './catalogFormat';
import { formatPath, type CatalogIssue } from './catalogIssue';
import { catalogSchema, type Catalog } from './catalogSchema';
import { checkCatalogSemantics } from './catalogSemantics';

export type CatalogValidation = { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] };

const vietnameseErrors = z.locales.vi().localeError;

/** The format version a document claims, or null when it does not look like a catalog at all. */
function claimedFormatVersion(input: unknown): number | null {
  if (typeof input !== 'object' || input === null) return null;
  const doc = input as { format?: unknown; formatVersion?: unknown };
  return doc.format === CATALOG_FORMAT && typeof doc.formatVersion === 'number' ? doc.formatVersion : null;
}

function tooNewError(version: number): AppError {
  return new AppError(
    'CATALOG_FORMAT_TOO_NEW',
    `Bộ tiêu chí được tạo bằng phiên bản NTM Desk mới hơn (định dạng phiên bản ${version}); phiên bản này chỉ đọc được đến định dạng ${CATALOG_FORMAT_VERSION}. Hãy cập nhật NTM Desk rồi nhập lại.`,
    { formatVersion: version, supported: CATALOG_FORMAT_VERSION },
  );
}

/**
 * Checks a catalog document and returns every problem with its path (for the catalog editor and import
 * report). Version 1 is the first released format, so there is nothing to migrate yet; a newer version is
 * reported, never guessed at.
 */
export function validateCatalog(input: unknown): CatalogValidation {
  const version = claimedFormatVersion(input);
  if (version !== null && version > CATALOG_FORMAT_VERSION) {
    return { ok: false, issues: [{ path: 'formatVersion', message: tooNewError(version).message }] };
  }
  const parsed = catalogSchema.safeParse(input, { error: vietnameseErrors });
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const issues = checkCatalogSemantics(parsed.data);
  return issues.length === 0 ? { ok: true, catalog: parsed.data } : { ok: false, issues };
}

/** Parses a catalog or throws AppError CATALOG_FORMAT_TOO_NEW / CATALOG_INVALID (details.issues lists all). */
export function parseCatalog(input: unknown): Catalog {
  const version = claimedFormatVersion(input);
  if (version !== null && version > CATALOG_FORMAT_VERSION) throw tooNewError(version);
  const result = validateCatalog(input);
  if (!result.ok) {
    throw new AppError(
      'CATALOG_INVALID',
      `Bộ tiêu chí không hợp lệ: có ${result.issues.length} lỗi. Xem chi tiết từng vị trí để sửa.`,
      { issues: result.issues },
    );
  }
  return result.catalog;
}
