import { describe, expect, it } from 'vitest';
import { parseChoice, parseNumeric, parseText, parseVerdict, parseYesNo } from './cellParsing';
import { foldText, isDateFormat, parseNumberText, plainOf } from './cellReading';

describe('reading cells', () => {
  it('reads numbers typed as text: a single mark is the decimal mark, repeated marks group thousands', () => {
    expect(parseNumberText('12,5')).toBe(12.5);
    expect(parseNumberText('12.5')).toBe(12.5);
    expect(parseNumberText(' 1 234,5 ')).toBe(1234.5);
    expect(parseNumberText('1.234.567')).toBe(1234567);
    expect(parseNumberText('1,234,567.25')).toBe(1234567.25);
    expect(parseNumberText('1.234,5')).toBe(1234.5);
    expect(parseNumberText('-3')).toBe(-3);
    for (const bad of ['', '12,5,3', 'abc', '1.2.3,4.5', '12 %', ',5']) expect(parseNumberText(bad)).toBeNull();
  });

  it('knows date formats from number formats', () => {
    for (const f of ['dd/mm/yyyy', 'd/m', '[$-vi-VN]dd/mm/yyyy', 'hh:mm', 'mmm-yy']) expect(isDateFormat(f)).toBe(true);
    for (const f of [undefined, 'General', '0.00', '0%', '#,##0', '@', '0.0 "triệu"'])
      expect(isDateFormat(f)).toBe(false);
  });

  it('reads formulas, rich text, hyperlinks and errors as plain values, in NFC', () => {
    const decomposed = 'Đạt'.normalize('NFD');
    expect(plainOf({ richText: [{ text: ' Biên ' }, { text: 'bản ' }] }, undefined)).toEqual({
      t: 'text',
      s: 'Biên bản',
    });
    expect(plainOf(decomposed, undefined)).toEqual({ t: 'text', s: 'Đạt' });
    expect(plainOf({ text: 'Quyết định', hyperlink: 'https://example.vn' }, undefined)).toEqual({
      t: 'text',
      s: 'Quyết định',
    });
    expect(plainOf({ sharedFormula: 'D8', result: 0.9 }, '0%')).toEqual({ t: 'number', n: 0.9, percentFormat: true });
    expect(plainOf({ error: '#N/A' }, undefined)).toMatchObject({ t: 'error' });
    expect(plainOf('   ', undefined)).toEqual({ t: 'empty' });
    expect(foldText('  Chưa   ĐẠT ')).toBe('chua dat');
  });
});

describe('parsing by kind', () => {
  const text = (s: string) => ({ t: 'text' as const, s });
  it('percentages: typed, with %, or formatted as percent', () => {
    expect(parseNumeric({ t: 'number', n: 0.855, percentFormat: true }, true)).toEqual({ ok: true, value: 85.5 });
    expect(parseNumeric({ t: 'number', n: 0.85, percentFormat: false }, true)).toEqual({ ok: true, value: 0.85 });
    expect(parseNumeric(text('85 %'), true)).toEqual({ ok: true, value: 85 });
    expect(parseNumeric(text('85 %'), false)).toMatchObject({ ok: false });
    expect(parseNumeric({ t: 'date', d: new Date(Date.UTC(2025, 4, 12)) }, false)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('12/05/2025'),
    });
  });

  it('yes/no, verdicts, choices and text', () => {
    expect(parseYesNo(text('KHÔNG'))).toEqual({ ok: true, value: false });
    expect(parseYesNo({ t: 'boolean', b: true })).toEqual({ ok: true, value: true });
    expect(parseVerdict(text('Không đạt'))).toEqual({ ok: true, value: false });
    expect(parseVerdict(text('dat'))).toEqual({ ok: true, value: true });
    expect(parseVerdict(text('Có'))).toMatchObject({ ok: false });
    const choices = [
      { value: 'muc_1', label: 'Mức độ 1' },
      { value: 'muc_2', label: 'Mức độ 2' },
    ];
    expect(parseChoice(text('mức độ 2'), choices)).toEqual({ ok: true, value: 'muc_2' });
    expect(parseChoice(text('muc_1'), choices)).toEqual({ ok: true, value: 'muc_1' });
    expect(parseText({ t: 'number', n: 12.5, percentFormat: false }, 100)).toEqual({ ok: true, value: '12,5' });
    expect(parseText(text('x'.repeat(11)), 10)).toMatchObject({ ok: false });
  });
});
