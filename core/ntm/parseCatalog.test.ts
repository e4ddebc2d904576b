import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import fixtureV1 from './__fixtures__/catalog-v1.minimal.json';
import { incomeCatalog } from './__fixtures__/makeCatalog';
import { CATALOG_FORMAT_VERSION } from './catalogFormat';
import { parseCatalog, validateCatalog } from './parseCatalog';

function issuesOf(input: unknown) {
  const result = validateCatalog(input);
  if (result.ok) throw new Error('expected the catalog to be rejected');
  return result.issues;
}

function paths(input: unknown): string[] {
  return issuesOf(input).map((i) => i.path);
}

describe('parseCatalog: format version', () => {
  it('keeps reading the frozen version-1 fixture', () => {
    const catalog = parseCatalog(fixtureV1);
    expect(catalog.id).toBe('FIXTURE-V1');
    expect(catalog.criteria.map((c) => c.no)).toEqual([10, 1]);
  });

  it('refuses a newer format version with CATALOG_FORMAT_TOO_NEW and a Vietnamese message', () => {
    const newer = { ...incomeCatalog(), formatVersion: CATALOG_FORMAT_VERSION + 1 };
    let caught: unknown;
    try {
      parseCatalog(newer);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('CATALOG_FORMAT_TOO_NEW');
    expect((caught as AppError).message).toContain('phiên bản NTM Desk mới hơn');
    expect(issuesOf(newer)).toEqual([{ path: 'formatVersion', message: (caught as AppError).message }]);
  });

  it('throws CATALOG_INVALID with every issue in details', () => {
    const bad = { ...incomeCatalog(), id: 'lower case', period: { fromYear: 2020, toYear: 2016 } };
    try {
      parseCatalog(bad);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('CATALOG_INVALID');
      expect((e as { details: { issues: unknown[] } }).details.issues.length).toBeGreaterThan(0);
    }
  });

  it('accepts a $schema key so authors can point their editor at catalog.schema.json', () => {
    expect(validateCatalog({ ...incomeCatalog(), $schema: './catalog.schema.json' }).ok).toBe(true);
  });
});

describe('validateCatalog: structural rejections carry paths', () => {
  it('accepts the test catalog', () => {
    expect(validateCatalog(incomeCatalog())).toMatchObject({ ok: true });
  });

  it('reports a missing field, an unknown key and a bad enum together, each with its path', () => {
    const catalog = incomeCatalog();
    const doc = JSON.parse(JSON.stringify(catalog)) as Record<string, unknown> & {
      criteria: { indicators: Record<string, unknown>[] }[];
    };
    delete doc.name;
    doc.criteria[0].indicators[0].valueKind = 'money';
    doc.criteria[2].indicators[1].extra = true;
    const found = paths(doc);
    expect(found).toContain('name');
    expect(found).toContain('criteria[0].indicators[0].valueKind');
    expect(found).toContain('criteria[2].indicators[1]');
  });

  it('reports a threshold without a source at the path of the missing source', () => {
    const doc = JSON.parse(JSON.stringify(incomeCatalog()));
    delete doc.criteria[0].indicators[0].thresholds[3].source;
    expect(paths(doc)).toEqual(['criteria[0].indicators[0].thresholds[3].source']);
  });

  it('gives messages in Vietnamese', () => {
    const doc = { ...incomeCatalog(), revision: 'một' };
    const [issue] = issuesOf(doc);
    expect(issue.path).toBe('revision');
    expect(issue.message).toMatch(/không hợp lệ/);
  });
});

describe('validateCatalog: semantic rejections carry paths', () => {
  it('refuses thresholds on a manual indicator: manual indicators are never computed', () => {
    const catalog = incomeCatalog();
    const manual = catalog.criteria[1].indicators[0];
    manual.thresholds = [{ appliesTo: {}, test: { op: 'gte', value: 90 }, source: manual.references[0].source }];
    expect(issuesOf(catalog)).toEqual([
      expect.objectContaining({
        path: 'criteria[1].indicators[0].thresholds',
        message: expect.stringContaining('thủ công'),
      }),
    ]);
  });

  it('refuses a rule indicator without thresholds, and a text indicator judged by rule', () => {
    const catalog = incomeCatalog();
    catalog.criteria[2].indicators[1].thresholds = [];
    catalog.criteria[1].indicators[0].valueKind = 'text';
    catalog.criteria[1].indicators[0].judgement = 'rule';
    catalog.criteria[1].indicators[0].references = [];
    const found = paths(catalog);
    expect(found).toContain('criteria[2].indicators[1].thresholds');
    expect(found).toContain('criteria[1].indicators[0].judgement');
  });

  it('refuses two thresholds that could apply to the same commune and year', () => {
    const catalog = incomeCatalog();
    const rules = catalog.criteria[0].indicators[0].thresholds;
    rules.push({ ...rules[1], appliesTo: { regions: ['DBSH', 'BTB'] } });
    const issues = issuesOf(catalog);
    // Overlaps the DBSH rule (index 1) and the BTB rule (index 2): both are named.
    expect(issues.map((i) => i.path)).toEqual([
      'criteria[0].indicators[0].thresholds[7].appliesTo',
      'criteria[0].indicators[0].thresholds[7].appliesTo',
    ]);
    expect(issues[0].message).toContain('ngưỡng số 1');
    expect(issues[1].message).toContain('ngưỡng số 2');
  });

  it('accepts same-region thresholds for disjoint years or opposite flags', () => {
    const catalog = incomeCatalog();
    const rules = catalog.criteria[0].indicators[0].thresholds;
    rules.push({
      ...rules[0],
      appliesTo: { regions: ['TDMNPB'], years: { from: 2016, to: 2019 }, flags: { xa_an_toan_khu: true } },
    });
    rules.push({
      ...rules[0],
      appliesTo: { regions: ['TDMNPB'], years: { from: 2016, to: 2019 }, flags: { xa_an_toan_khu: false } },
    });
    expect(validateCatalog(catalog).ok).toBe(true);
  });

  it('refuses a comparison test on a boolean, a percent over 100 and an unknown choice', () => {
    const catalog = incomeCatalog();
    catalog.criteria[2].indicators[1].thresholds[0].test = { op: 'gte', value: 1 };
    catalog.criteria[2].indicators[0].thresholds[0].test = { op: 'oneOf', values: ['muc_4'] };
    catalog.criteria[1].indicators[0] = {
      ...catalog.criteria[1].indicators[0],
      judgement: 'rule',
      references: [],
      thresholds: [
        {
          appliesTo: {},
          test: { op: 'gte', value: 120 },
          source: catalog.criteria[0].indicators[0].thresholds[0].source,
        },
      ],
    };
    expect(paths(catalog).sort()).toEqual(
      [
        'criteria[1].indicators[0].thresholds[0].test',
        'criteria[2].indicators[0].thresholds[0].test',
        'criteria[2].indicators[1].thresholds[0].test',
      ].sort(),
    );
  });

  it('refuses duplicate codes, undeclared flags, years outside the period and groups on a region catalog', () => {
    const catalog = incomeCatalog();
    catalog.criteria[2].indicators[1].code = '14.b';
    catalog.criteria[2].no = 10;
    catalog.criteria[0].indicators[0].thresholds[0].appliesTo = {
      regions: ['TDMNPB'],
      years: { from: 2020, to: 2021 },
      flags: { xa_mien_nui: true },
      groups: [1],
    };
    expect(paths(catalog).sort()).toEqual(
      [
        'criteria[0].indicators[0].thresholds[0].appliesTo.flags.xa_mien_nui',
        'criteria[0].indicators[0].thresholds[0].appliesTo.groups',
        'criteria[0].indicators[0].thresholds[0].appliesTo.years',
        'criteria[2].indicators[1].code',
        'criteria[2].no',
      ].sort(),
    );
  });

  it('refuses revocation key criteria that do not exist and inverted percentages', () => {
    const catalog = incomeCatalog();
    catalog.revocation = {
      withKeyCriterionFromPercent: 50,
      anyFromPercent: 30,
      keyCriteria: [10, 17],
      source: catalog.criteria[0].indicators[0].thresholds[0].source,
    };
    expect(paths(catalog).sort()).toEqual(['revocation.keyCriteria[1]', 'revocation.withKeyCriterionFromPercent']);
  });
});
