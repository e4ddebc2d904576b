import { describe, expect, it } from 'vitest';
import { classifyEntryName, entryNameKey, entryNameProblem } from './paths';

describe('entry name safety', () => {
  it.each([
    ['', 'empty'],
    ['../x', 'dot-segment'],
    ['data/../../x', 'dot-segment'],
    ['./x', 'dot-segment'],
    ['/etc/passwd', 'absolute'],
    ['C:evil', 'absolute'],
    ['data\\x', 'backslash'],
    ['a\u0000b', 'nul'],
    ['a\nb', 'control-character'],
    ['a//b', 'empty-segment'],
    ['x'.repeat(300), 'too-long'],
  ])('%j is refused (%s)', (name, problem) => {
    expect(entryNameProblem(name)).toBe(problem);
  });

  it('accepts the layout names and directories', () => {
    for (const n of ['manifest.json', 'data/', 'data/commune.ndjson', `attachments/${'a'.repeat(64)}`]) {
      expect(entryNameProblem(n)).toBeNull();
    }
  });

  it('treats NFC/NFD and case variants as the same name', () => {
    expect(entryNameKey('attachments/Nguyễn'.normalize('NFD'))).toBe(entryNameKey('attachments/Nguyễn'.normalize('NFC')));
    expect(entryNameKey('DATA/x')).toBe(entryNameKey('data/x'));
    expect(entryNameKey('data/')).toBe(entryNameKey('data'));
  });

  it('classifies by the layout', () => {
    expect(classifyEntryName('manifest.json')).toEqual({ role: 'manifest' });
    expect(classifyEntryName('data/ocop_product.ndjson')).toEqual({ role: 'data', recordType: 'ocop_product' });
    expect(classifyEntryName('data/Bad.ndjson')).toBeNull();
    expect(classifyEntryName(`attachments/${'A'.repeat(64)}`)).toBeNull();
    expect(classifyEntryName('other.txt')).toBeNull();
  });
});
