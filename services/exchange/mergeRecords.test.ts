import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import type { BundleRecord } from '../bundle/index';
import { LAI_CHAU, openOffice, testId, type TestOffice } from './exchangeTestKit';
import { mergeRecords } from './mergeRecords';

/*
 * The merge inserts first when a record's parents are already known to be the office's (no lookup per new row),
 * and sends anything else through the full rules: these cases pin that the outcome is the rules' outcome.
 */

let office: TestOffice;
const A = 'X03394';
const B = 'X03390';
const at = '2026-03-01T08:00:00.000Z';

beforeAll(async () => {
  office = await openOffice(LAI_CHAU);
});

afterAll(() => office.close());

const owned = (officeCode: string, id: string, version = 1) => ({ id, office_code: officeCode, version, updated_at: at, deleted: 0 });
const commune = (officeCode: string, n: number): BundleRecord => ({
  ...owned(officeCode, testId(90, n)),
  unit_id: 'nc:03394',
  region: null,
  commune_group: null,
  flags_json: '{}',
});
const assessment = (officeCode: string, n: number, communeN: number): BundleRecord => ({
  ...owned(officeCode, testId(91, n)),
  commune_id: testId(90, communeN),
  period: '2026-Q1',
  catalog_id: 'qd51-2025-xa-ntm',
  catalog_revision: 1,
  status: 'draft',
  updated_by: null,
});
const value = (officeCode: string, n: number, assessmentN: number, extra: Partial<BundleRecord> = {}): BundleRecord => ({
  ...owned(officeCode, testId(92, n)),
  assessment_id: testId(91, assessmentN),
  indicator_code: `1.${n}`,
  value_json: '1',
  manual_met: 1,
  evidence: null,
  entered_by: null,
  ...extra,
});

/** Runs a merge and rolls it back when asked (as a refused import does); returns the counts or the error code. */
function merge(officeCode: string, records: Record<string, BundleRecord[]>, keep = true): unknown {
  const sqlite = office.app.context.conn.sqlite;
  try {
    return sqlite.transaction(() => {
      const counts = mergeRecords(sqlite, officeCode, records);
      if (!keep) throw new Error('rollback');
      return counts;
    })();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('mergeRecords', () => {
  it('inserts, then leaves the same data unchanged, then takes a higher version', () => {
    const first = { ntm_commune: [commune(A, 1)], ntm_assessment: [assessment(A, 1, 1)], ntm_value: [value(A, 1, 1), value(A, 2, 1)] };
    expect(merge(A, first)).toEqual({
      ntm_commune: { received: 1, inserted: 1, updated: 0, unchanged: 0 },
      ntm_assessment: { received: 1, inserted: 1, updated: 0, unchanged: 0 },
      ntm_value: { received: 2, inserted: 2, updated: 0, unchanged: 0 },
    });
    expect(merge(A, first)).toEqual({
      ntm_commune: { received: 1, inserted: 0, updated: 0, unchanged: 1 },
      ntm_assessment: { received: 1, inserted: 0, updated: 0, unchanged: 1 },
      ntm_value: { received: 2, inserted: 0, updated: 0, unchanged: 2 },
    });
    // The assessment comes first, so its values take the insert-first path; one is newer, one new.
    const next = {
      ntm_assessment: [assessment(A, 1, 1)],
      ntm_value: [{ ...value(A, 1, 1), version: 2, value_json: '7' }, value(A, 2, 1), value(A, 3, 1)],
    };
    expect(merge(A, next)).toMatchObject({ ntm_value: { received: 3, inserted: 1, updated: 1, unchanged: 1 } });
    const row = office.app.context.conn.sqlite.prepare('SELECT version, value_json FROM ntm_value WHERE id = ?').get(testId(92, 1));
    expect(row).toEqual({ version: 2, value_json: '7' });
  });

  it('refuses a row of another office with the owner conflict, whatever else is wrong with it', () => {
    merge(B, { ntm_commune: [commune(B, 2)], ntm_assessment: [assessment(B, 2, 2)] });
    // B's assessment is known by the time the values come: insert-first path, the id exists (A's).
    const hijack = { ...value(B, 1, 2), version: 5 };
    expect(merge(B, { ntm_assessment: [assessment(B, 2, 2)], ntm_value: [hijack] }, false)).toBe('BUNDLE_RECORD_OWNER_CONFLICT');
    // Also when the row breaks a CHECK constraint (SQLite checks that before the id) or points at A's assessment.
    expect(merge(B, { ntm_assessment: [assessment(B, 2, 2)], ntm_value: [{ ...hijack, manual_met: 5 }] }, false)).toBe(
      'BUNDLE_RECORD_OWNER_CONFLICT',
    );
    expect(merge(B, { ntm_value: [{ ...value(B, 1, 1), version: 5 }] }, false)).toBe('BUNDLE_RECORD_OWNER_CONFLICT');
  });

  it('keeps the refusals of new rows: parent of another office, CHECK, unique key', () => {
    expect(merge(B, { ntm_value: [value(B, 20, 1)] }, false)).toBe('BUNDLE_REFERENCE_INVALID');
    expect(merge(A, { ntm_assessment: [assessment(A, 1, 1)], ntm_value: [value(A, 21, 1, { manual_met: 5 })] }, false)).toBe(
      'BUNDLE_RECORD_INVALID',
    );
    expect(merge(A, { ntm_assessment: [assessment(A, 1, 1)], ntm_value: [value(A, 22, 1, { indicator_code: '1.2' })] }, false)).toBe(
      'BUNDLE_RECORD_CONFLICT',
    );
    // An older copy of an existing row is unchanged even if it would break a CHECK as a new row (it is not written).
    expect(merge(A, { ntm_assessment: [assessment(A, 1, 1)], ntm_value: [value(A, 2, 1, { manual_met: 5 })] })).toMatchObject({
      ntm_value: { received: 1, inserted: 0, updated: 0, unchanged: 1 },
    });
  });
});
