import { describe, expect, it } from 'vitest';
import { formatProductCode, parseProductCode } from './productCode';

describe('product code (T)-(X)-(STT)-(năm), Phụ lục II', () => {
  it('formats and parses', () => {
    expect(formatProductCode({ provinceCode: '01', communeCode: '00004', sequence: 12, year: 2026 })).toBe('01-00004-12-2026');
    expect(parseProductCode('79-26734-3-2027')).toEqual({ provinceCode: '79', communeCode: '26734', sequence: 3, year: 2027 });
  });

  it('rejects the old district-level form and malformed codes', () => {
    for (const bad of ['83-829-28780-3-2022', '1-00004-1-2026', '01-0004-1-2026', '01-00004-0-2026', '01-00004-1-26']) {
      expect(() => parseProductCode(bad), bad).toThrow(expect.objectContaining({ code: 'OCOP_PRODUCT_CODE_INVALID' }));
    }
  });
});
