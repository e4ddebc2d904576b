import { describe, expect, it } from 'vitest';
import doc from '../../db/reference/ocop/ocop-score-catalog.json';
import { CATALOG_FORMAT_VERSION } from './catalogSchema';
import { findSheet, findVersion, loadCatalog } from './loadCatalog';

const clone = () => JSON.parse(JSON.stringify(doc)) as Record<string, any>;

describe('loadCatalog', () => {
  it('loads the shipped catalog with its three versions, QĐ 26/2026 current', () => {
    const catalog = loadCatalog(doc);
    expect(catalog.formatVersion).toBe(CATALOG_FORMAT_VERSION);
    expect(catalog.currentVersion).toBe('QD26-2026');
    expect(catalog.versions.map((v) => v.id).sort()).toEqual(['QD1048-2019', 'QD148-2023', 'QD26-2026']);
    expect(findVersion(catalog).sheets).toHaveLength(26);
  });

  it('refuses a catalog written in a newer format with a Vietnamese message', () => {
    const newer = clone();
    newer.formatVersion = CATALOG_FORMAT_VERSION + 1;
    newer.versions = 'whatever the future shape is';
    expect(() => loadCatalog(newer)).toThrow(expect.objectContaining({ code: 'CATALOG_FORMAT_TOO_NEW' }));
    expect(() => loadCatalog(newer)).toThrow(/cập nhật NTM Desk/);
  });

  it('rejects a document that is not a catalog, or whose points are malformed', () => {
    expect(() => loadCatalog({ hello: 1 })).toThrow(expect.objectContaining({ code: 'CATALOG_INVALID' }));
    const bad = clone();
    bad.versions[0].sheets[0].parts[0].groups[0].criteria[0].options[0].points = 1.25;
    expect(() => loadCatalog(bad)).toThrow(expect.objectContaining({ code: 'CATALOG_INVALID' }));
  });

  it('rejects a sheet with two criteria under the same code', () => {
    const bad = clone();
    const v = bad.versions.find((x: any) => x.id === 'QD26-2026');
    const criteria = v.sheets[0].parts[0].groups[0].criteria;
    criteria[1].code = criteria[0].code;
    expect(() => loadCatalog(bad)).toThrow(expect.objectContaining({ code: 'CATALOG_INVALID' }));
  });

  it('names unknown versions and sheets with stable codes', () => {
    const catalog = loadCatalog(doc);
    expect(() => findVersion(catalog, 'QD999')).toThrow(expect.objectContaining({ code: 'OCOP_UNKNOWN_VERSION' }));
    expect(() => findSheet(findVersion(catalog), 27)).toThrow(expect.objectContaining({ code: 'OCOP_UNKNOWN_SHEET' }));
    expect(() => findSheet(findVersion(catalog), 0)).toThrow(expect.objectContaining({ code: 'OCOP_UNKNOWN_SHEET' }));
  });
});
