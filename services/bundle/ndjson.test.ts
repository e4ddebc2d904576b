import { describe, expect, it } from 'vitest';
import { bundleError } from '../../core/bundle/errors';
import { normalizeJsonNfc, toNfc } from '../../core/bundle/nfc';
import { AppError } from '../../core/errors';
import { NFC_STABLE_TEXT, NdjsonReader, encodeNdjson, type BundleRecord, type RecordValidator } from './ndjson';

/** The reader as it was before it decoded whole runs of lines: one line at a time. The reference for its results. */
function referenceRead(chunks: Uint8Array[], max: number, validate?: RecordValidator): BundleRecord[] {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const records: BundleRecord[] = [];
  const ids = new Set<string>();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let line = 0;
  const append = (bytes: Uint8Array) => {
    if (bytes.length === 0) return;
    pendingBytes += bytes.length;
    if (pendingBytes > max) throw bundleError('BUNDLE_TOO_LARGE', { recordType: 't', line: line + 1, limit: 'maxRecordBytes' });
    pending.push(bytes);
  };
  const flush = () => {
    line += 1;
    const bytes = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    const where = { recordType: 't', line };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw bundleError('BUNDLE_INVALID_UTF8', where);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw bundleError('BUNDLE_INVALID_JSON', where);
    }
    let normalized: unknown;
    try {
      normalized = normalizeJsonNfc(value);
    } catch (e) {
      throw bundleError('BUNDLE_RECORD_INVALID', { ...where, reason: e instanceof Error ? e.message : String(e) });
    }
    const id = (normalized as { id?: unknown }).id;
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw bundleError('BUNDLE_RECORD_INVALID', { ...where, reason: 'record needs a string id' });
    if (ids.has(toNfc(id))) throw bundleError('BUNDLE_DUPLICATE_ID', { ...where, id });
    ids.add(id);
    let record = normalized as BundleRecord;
    if (validate !== undefined) {
      try {
        record = validate('t', record);
      } catch (e) {
        throw bundleError('BUNDLE_RECORD_INVALID', { ...where, id, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    records.push(record);
  };
  for (const chunk of chunks) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) break;
      append(chunk.subarray(start, nl));
      flush();
      start = nl + 1;
    }
    append(chunk.subarray(start));
  }
  if (pendingBytes > 0) flush();
  return records;
}

function outcome(read: () => BundleRecord[]): unknown {
  try {
    return { records: read() };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, details: e.details };
  }
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINES = [
  '{"id":"a","name":"Xã Tân Cương"}',
  `{"id":"b","name":"${'Xã Phúc Xuân'.normalize('NFD')}"}`,
  '{"id":"c","note":"Số liệu\\nnăm 2025 – “đạt”","json":"{\\"x\\":[1,2]}"}',
  '{"id":"d","n":1.5,"flag":null,"list":[1,"e\\u0301"]}',
  `{"id":"${'Nguyễn'.normalize('NFD')}"}`,
  '{"id":"Nguyễn"}',
  '{"id":"e","__proto__":{"x":1}}',
  `{"id":"f","${'é'.normalize('NFD')}":1,"é":2}`,
  '{"id":"g","ký hiệu":"₫ № °C ½"}',
  '{"id":"h","text":"한국어 Ω K Å"}',
  '',
  '{"name":"no id"}',
  '{"id":"i"',
  '[1,2]',
  '{"id":"j","big":"' + 'x'.repeat(300) + '"}',
  '\ufeff{"id":"k"}',
  '{"id":"l"}\r',
];
const BAD_UTF8 = new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]);

describe('NdjsonReader', () => {
  it('the NFC-stable characters are normalized alone and next to each other', () => {
    const chars: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      if (NFC_STABLE_TEXT.test(c)) chars.push(c);
    }
    expect(chars.length).toBeGreaterThan(1000);
    for (const c of chars) {
      expect(/\p{M}/u.test(c), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
      expect(c.normalize('NFC'), `U+${c.charCodeAt(0).toString(16)}`).toBe(c);
    }
    let unstable = 0;
    for (const a of chars) for (const b of chars) if ((a + b).normalize('NFC') !== a + b) unstable += 1;
    expect(unstable).toBe(0);
    // And the characters just outside are not all stable: the class is not wider than it needs to be checked for.
    expect('\u2000'.normalize('NFC')).not.toBe('\u2000');
  });

  it('reads exactly like the line-by-line reader, however the bytes are chunked', () => {
    const rnd = random(42);
    const encoder = new TextEncoder();
    // A validator that transforms records, and refuses one of them.
    const validate: RecordValidator = (_type, record) => {
      if (record.id === 'r3') throw new Error('refused');
      return { ...record, checked: true };
    };
    const seen = new Set<string>();
    for (let round = 0; round < 1500; round++) {
      const parts: Uint8Array[] = [];
      const count = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < count; i++) {
        const pick = rnd();
        if (pick < 0.03) parts.push(BAD_UTF8);
        else {
          // Mostly valid, distinct records; sometimes one of the troublesome lines above.
          const text = pick < 0.75 ? `{"id":"r${i}","v":"Đợt ${round}/${i}","n":${i}}` : LINES[Math.floor(rnd() * LINES.length)]!;
          parts.push(encoder.encode(text));
        }
        if (i < count - 1 || rnd() < 0.7) parts.push(new Uint8Array([0x0a]));
      }
      const bytes = Buffer.concat(parts);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = rnd() < 0.3 ? 1 + Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 200);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      const max = rnd() < 0.2 ? 40 : 4096;
      const validator = rnd() < 0.5 ? undefined : validate;
      const expected = outcome(() => referenceRead(chunks, max, validator));
      const actual = outcome(() => {
        const reader = new NdjsonReader('t', max, validator);
        for (const c of chunks) reader.push(c);
        return reader.end();
      });
      expect(actual).toEqual(expected);
      seen.add((expected as { code?: string }).code ?? 'OK');
    }
    expect([...seen].sort()).toEqual(
      ['BUNDLE_DUPLICATE_ID', 'BUNDLE_INVALID_JSON', 'BUNDLE_INVALID_UTF8', 'BUNDLE_RECORD_INVALID', 'BUNDLE_TOO_LARGE', 'OK'].sort(),
    );
  });

  it('keeps a __proto__ key as a plain property and refuses keys that collide after NFC', () => {
    const read = (text: string) => {
      const reader = new NdjsonReader('t', 1000);
      reader.push(new TextEncoder().encode(text));
      return reader.end();
    };
    const [record] = read('{"id":"a","__proto__":{"x":1}}\n');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record!)).toEqual(['id', '__proto__']);
    expect(outcome(() => read(`{"id":"a","${'é'.normalize('NFD')}":1,"é":2}\n`))).toMatchObject({ code: 'BUNDLE_RECORD_INVALID' });
    expect(read(`{"id":"a","v":"${'Hồ'.normalize('NFD')}"}`)[0]!.v).toBe('Hồ'.normalize('NFC'));
    expect(read('{"id":"a","v":"e\\u0301"}')[0]!.v).toBe('é'.normalize('NFC'));
  });

  it('encodeNdjson writes what normalizing every record would write', () => {
    const reference = (records: BundleRecord[]) =>
      new TextEncoder().encode(records.map((r) => `${JSON.stringify(normalizeJsonNfc(JSON.parse(JSON.stringify(r))))}\n`).join(''));
    const records: BundleRecord[] = [
      { id: 'a', name: 'Xã Tân Cương', n: 1.5, big: 1e21, neg: -0, list: [1, 'Đông', null], nested: { k: true } },
      { id: 'b', name: 'Xã Phúc Xuân'.normalize('NFD'), [`${'ký'.normalize('NFD')}`]: 'x' },
      { id: 'c', ctrl: 'tab\there\u0001', lone: '\ud800', quote: 'say "hi" \\ /', '2': 'integer key', '10': 'x', b: 'order' },
      { id: 'd', text: '₫ № – “đạt” ½ °C', when: new Date(0) as unknown as string, skip: undefined },
    ];
    expect(Buffer.from(encodeNdjson('t', records).bytes).toString()).toBe(Buffer.from(reference(records)).toString());
  });
});
