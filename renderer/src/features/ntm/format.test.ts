import { describe, expect, it } from 'vitest';
import { defaultPeriodFor } from './format';

describe('the quarter a screen opens on', () => {
  it('is the current quarter, except for a district office after the district tier ended', () => {
    const nov2026 = new Date(2026, 10, 24);
    expect(defaultPeriodFor('commune', nov2026)).toBe('2026-Q4');
    expect(defaultPeriodFor('province', nov2026)).toBe('2026-Q4');
    expect(defaultPeriodFor(undefined, nov2026)).toBe('2026-Q4');
    // Its communes ended on 30/6/2025: Quý II/2025 is its last quarter.
    expect(defaultPeriodFor('district', nov2026)).toBe('2025-Q2');
    expect(defaultPeriodFor('district', new Date(2025, 5, 30))).toBe('2025-Q2');
    expect(defaultPeriodFor('district', new Date(2025, 1, 10))).toBe('2025-Q1');
  });
});
