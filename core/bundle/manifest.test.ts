import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, parseManifest, serializeManifest, type BundleManifest } from './manifest';
import { sameText } from './nfc';

const base: BundleManifest = {
  format: BUNDLE_FORMAT,
  formatVersion: BUNDLE_FORMAT_VERSION,
  officeCode: 'H01',
  sequence: 4,
  createdAt: '2026-01-01T00:00:00.000Z',
  periods: ['2025'],
  counts: { commune: 2 },
  files: [{ path: 'data/commune.ndjson', size: 10, sha256: 'a'.repeat(64) }],
};

function codeOf(text: string): string {
  try {
    parseManifest(text);
    return 'OK';
  } catch (e) {
    return e instanceof AppError ? e.code : 'OTHER';
  }
}

describe('manifest', () => {
  it('round-trips through its canonical serialization', () => {
    expect(parseManifest(serializeManifest(base))).toEqual(base);
  });

  it('refuses a newer version before looking at its shape, with a Vietnamese message', () => {
    try {
      parseManifest(JSON.stringify({ format: BUNDLE_FORMAT, formatVersion: 99, whatever: [] }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('BUNDLE_FORMAT_TOO_NEW');
      expect((e as AppError).message).toMatch(/phiên bản/);
    }
  });

  it.each([
    ['not json', 'BUNDLE_MANIFEST_INVALID'],
    ['[]', 'BUNDLE_MANIFEST_INVALID'],
    [JSON.stringify({ format: 'x', formatVersion: 1 }), 'BUNDLE_FORMAT_UNKNOWN'],
    [JSON.stringify({ ...base, extra: 1 }), 'BUNDLE_MANIFEST_INVALID'],
    [JSON.stringify({ ...base, counts: {} }), 'BUNDLE_MANIFEST_INVALID'],
    [JSON.stringify({ ...base, counts: { commune: 1, constructor: 0 } }), 'BUNDLE_MANIFEST_INVALID'],
    [JSON.stringify({ ...base, files: [...base.files, ...base.files] }), 'BUNDLE_MANIFEST_INVALID'],
    [JSON.stringify({ ...base, files: [{ path: '../x', size: 1, sha256: 'a'.repeat(64) }] }), 'BUNDLE_UNSAFE_PATH'],
    [JSON.stringify({ ...base, files: [...base.files, { path: `attachments/${'b'.repeat(64)}`, size: 1, sha256: 'c'.repeat(64) }] }), 'BUNDLE_MANIFEST_INVALID'],
  ])('%s → %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('normalizes office code and periods to NFC', () => {
    const m = parseManifest(JSON.stringify({ ...base, officeCode: 'Đông Hà'.normalize('NFD'), periods: ['Quý 3'.normalize('NFD')] }));
    expect(m.officeCode).toBe('Đông Hà'.normalize('NFC'));
    expect(m.periods[0]).toBe('Quý 3'.normalize('NFC'));
    expect(sameText('Đông Hà'.normalize('NFD'), 'Đông Hà')).toBe(true);
  });
});
