import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';

function keysOf(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('messages', () => {
  it('has the same keys in Vietnamese and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(vi).sort());
  });

  it('keeps Vietnamese text in NFC with its diacritics', () => {
    for (const key of keysOf(vi)) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], vi) as string;
      expect(value, key).toBe(value.normalize('NFC'));
    }
    expect(vi.nav.ntm).toBe('Xã và tiêu chí NTM');
  });
});
