import { describe, expect, it } from 'vitest';
import { foldVietnamese, matchesQuery, toNfc } from './vietnamese';

describe('foldVietnamese', () => {
  it('removes tone and vowel marks and folds đ', () => {
    expect(foldVietnamese('Hà Tĩnh')).toBe('ha tinh');
    expect(foldVietnamese('Đông Hưng')).toBe('dong hung');
    expect(foldVietnamese('  Xã   Na Ngoi ')).toBe('xa na ngoi');
  });

  it('treats NFC and NFD input alike', () => {
    const nfd = 'Nghệ An'.normalize('NFD');
    expect(nfd).not.toBe('Nghệ An');
    expect(foldVietnamese(nfd)).toBe(foldVietnamese('Nghệ An'));
    expect(toNfc(nfd)).toBe('Nghệ An');
  });
});

describe('matchesQuery', () => {
  it('finds names whatever the diacritics and case of the query', () => {
    expect(matchesQuery('Tỉnh Hà Tĩnh', 'ha tinh')).toBe(true);
    expect(matchesQuery('Xã Đông Sơn', 'dong')).toBe(true);
    expect(matchesQuery('Xã Đông Sơn', 'DÔNG')).toBe(true);
    expect(matchesQuery('Xã Tây Sơn', 'dong')).toBe(false);
  });
});
