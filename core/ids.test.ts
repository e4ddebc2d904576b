import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('uuidv7', () => {
  it('has version 7, the RFC variant, and sorts by time', () => {
    const r = new Uint8Array(10).fill(0xff);
    const a = uuidv7(1_700_000_000_000, r);
    const b = uuidv7(1_700_000_000_001, new Uint8Array(10));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
    expect(a.slice(0, 13)).toBe('018bcfe5-6800');
  });
});
