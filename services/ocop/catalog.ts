import type { OcopCatalog, OcopSheet, OcopVersion } from '../../core/ocop';
import { findSheet, findVersion, loadCatalog } from '../../core/ocop';
import shippedCatalog from '../../db/reference/ocop/ocop-score-catalog.json';

/**
 * The OCOP score-sheet catalog shipped with the app (db/reference/ocop/README.md), validated once. Imported rather
 * than read from disk so that the Electron bundle carries it (STYLE.md §7: bundling breaks file lookups).
 */
let cached: OcopCatalog | null = null;

export function ocopCatalog(): OcopCatalog {
  cached ??= loadCatalog(shippedCatalog as unknown);
  return cached;
}

export function ocopSheet(versionId: string | undefined, sheetNo: number): { version: OcopVersion; sheet: OcopSheet } {
  const version = findVersion(ocopCatalog(), versionId);
  return { version, sheet: findSheet(version, sheetNo) };
}
