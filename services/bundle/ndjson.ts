import { bundleError } from '../../core/bundle/errors';
import { normalizeJsonNfc } from '../../core/bundle/nfc';

/*
 * NDJSON data files (https://github.com/ndjson/ndjson-spec): one JSON object per line, UTF-8, each line
 * ending in "\n". Every record is an object with a non-empty string `id`, unique within its type.
 */

export type BundleRecord = { id: string; [field: string]: unknown };

/** Called for every record read; return the (possibly transformed) record or throw to reject it. */
export type RecordValidator = (recordType: string, record: BundleRecord) => BundleRecord;

const MAX_ID_LENGTH = 200;

/** Serializes one type's records (NFC-normalized); refuses what a reader would refuse. */
export function encodeNdjson(recordType: string, records: readonly BundleRecord[]): { bytes: Uint8Array; count: number } {
  const ids = new Set<string>();
  const lines: string[] = [];
  for (const [index, input] of records.entries()) {
    let record: unknown;
    let line: string;
    try {
      line = JSON.stringify(input);
      record = JSON.parse(line);
      // Text that cannot hold a non-NFC string is its own normalized form (stringify∘parse is the identity on
      // stringify's output); otherwise normalize and write the normalized copy.
      if (!lineIsNfcStable(line)) {
        record = normalizeJsonNfc(record);
        line = JSON.stringify(record);
      }
    } catch (e) {
      throw bundleError('BUNDLE_INPUT_INVALID', { recordType, index, reason: e instanceof Error ? e.message : String(e) });
    }
    const id = recordId(record);
    if (id === null) throw bundleError('BUNDLE_INPUT_INVALID', { recordType, index, reason: 'record needs a string id' });
    if (ids.has(id)) throw bundleError('BUNDLE_DUPLICATE_ID', { recordType, id });
    ids.add(id);
    lines.push(`${line}\n`);
  }
  return { bytes: new TextEncoder().encode(lines.join('')), count: lines.length };
}

function recordId(record: unknown): string | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH ? id : null;
}

/**
 * Characters that are in NFC on their own and next to each other: canonical combining class 0 and
 * NFC_Quick_Check=Yes (UAX #15 §9: a string of such characters is normalized). Latin with Vietnamese (Latin-1,
 * Extended-A/B, IPA, spacing modifiers; Latin Extended Additional holds the precomposed Vietnamese letters),
 * general punctuation and currency signs (U+2000 and U+2001 are excluded: they normalize to U+2002/U+2003).
 * ndjson.test.ts checks the property against the runtime's own normalizer.
 */
// eslint-disable-next-line no-control-regex -- U+0000 starts the range on purpose: every code point up to U+02FF
export const NFC_STABLE_TEXT = /^[\u0000-\u02ff\u1e00-\u1eff\u2002-\u205e\u20a0-\u20c0]*$/;

/** True when every string JSON.parse can take out of this line is already NFC (no \u escapes; stable characters only). */
export function lineIsNfcStable(text: string): boolean {
  return !text.includes('\\u') && NFC_STABLE_TEXT.test(text);
}

/**
 * Incremental reader for one data file. Lines are split on the byte 0x0A, which never occurs inside a
 * multi-byte UTF-8 sequence, and each line is decoded strictly (invalid UTF-8 is an error, not U+FFFD).
 *
 * For speed, the complete lines of a chunk are decoded with one call (a run of lines is valid UTF-8 exactly
 * when each of them is; if the run is not, it is redone line by line so the error names the first bad line), and
 * a line whose text cannot hold a non-NFC string skips the normalizing deep copy. Errors, their order and the
 * records are the same as reading line by line.
 */
export class NdjsonReader {
  /** Records read and not yet taken (takeRecords). */
  records: BundleRecord[] = [];
  /** Records read so far, taken or not. */
  count = 0;
  private readonly ids = new Set<string>();
  /** Bytes of a line that began in an earlier chunk. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private line = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  constructor(
    private readonly recordType: string,
    private readonly maxRecordBytes: number,
    private readonly validate?: RecordValidator,
  ) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    if (this.pendingBytes > 0) {
      // Finish the line carried over from the previous chunk on its own.
      const nl = chunk.indexOf(0x0a);
      if (nl === -1) {
        this.append(chunk);
        return;
      }
      this.append(chunk.subarray(0, nl));
      this.flushPending();
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last >= start) this.lines(chunk.subarray(start, last));
    this.append(chunk.subarray(last >= start ? last + 1 : start));
  }

  /** The records read since the last call (for a caller that streams them on). */
  takeRecords(): BundleRecord[] {
    const taken = this.records;
    this.records = [];
    return taken;
  }

  /** Ends the file; a last line without "\n" is accepted. */
  end(): BundleRecord[] {
    if (this.pendingBytes > 0) this.flushPending();
    return this.records;
  }

  /** Complete lines: `run` holds them with the newlines between them, not the last one's. */
  private lines(run: Uint8Array): void {
    // Only a run longer than the limit can hold a line over it; then each line's length is checked in order.
    if (run.length > this.maxRecordBytes) {
      let from = 0;
      for (;;) {
        const nl = run.indexOf(0x0a, from);
        const end = nl === -1 ? run.length : nl;
        if (end - from > this.maxRecordBytes) {
          // The lines before it come first (their errors win), then the refusal.
          if (from > 0) this.lines(run.subarray(0, from - 1));
          this.tooLarge(this.line + 1);
        }
        if (nl === -1) break;
        from = nl + 1;
      }
    }
    let text: string;
    try {
      text = this.decoder.decode(run);
    } catch {
      // Some line is not UTF-8: line by line, so that earlier lines fail or pass first and the error names it.
      let from = 0;
      for (;;) {
        const nl = run.indexOf(0x0a, from);
        this.line += 1;
        const line = this.decodeLine(run.subarray(from, nl === -1 ? run.length : nl));
        this.record(line, lineIsNfcStable(line));
        if (nl === -1) return;
        from = nl + 1;
      }
    }
    const stable = lineIsNfcStable(text); // then every line in it is
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      this.line += 1;
      const line = text.slice(from, nl === -1 ? text.length : nl);
      this.record(line, stable || lineIsNfcStable(line));
      if (nl === -1) return;
      from = nl + 1;
    }
  }

  private append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pendingBytes += bytes.length;
    if (this.pendingBytes > this.maxRecordBytes) this.tooLarge(this.line + 1);
    this.pending.push(bytes);
  }

  private tooLarge(line: number): never {
    throw bundleError('BUNDLE_TOO_LARGE', { recordType: this.recordType, line, limit: 'maxRecordBytes' });
  }

  private flushPending(): void {
    this.line += 1;
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    const text = this.decodeLine(bytes);
    this.record(text, lineIsNfcStable(text));
  }

  private decodeLine(bytes: Uint8Array): string {
    try {
      return this.decoder.decode(bytes);
    } catch {
      throw bundleError('BUNDLE_INVALID_UTF8', this.where());
    }
  }

  /** One line's record; `nfcStable`: lineIsNfcStable(text) is known to hold. */
  private record(text: string, nfcStable: boolean): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw bundleError('BUNDLE_INVALID_JSON', this.where());
    }
    let normalized: unknown;
    if (nfcStable) {
      // Every string in it, keys included, is NFC already: the normalizing copy would be an identical copy.
      normalized = value;
    } else {
      try {
        normalized = normalizeJsonNfc(value);
      } catch (e) {
        throw bundleError('BUNDLE_RECORD_INVALID', { ...this.where(), reason: e instanceof Error ? e.message : String(e) });
      }
    }
    const id = recordId(normalized);
    if (id === null) throw bundleError('BUNDLE_RECORD_INVALID', { ...this.where(), reason: 'record needs a string id' });
    // The id is NFC already (it comes out of the normalized record).
    if (this.ids.has(id)) throw bundleError('BUNDLE_DUPLICATE_ID', { ...this.where(), id });
    this.ids.add(id);
    let record = normalized as BundleRecord;
    if (this.validate !== undefined) {
      try {
        record = this.validate(this.recordType, record);
      } catch (e) {
        throw bundleError('BUNDLE_RECORD_INVALID', { ...this.where(), id, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    this.records.push(record);
    this.count += 1;
  }

  private where(): { recordType: string; line: number } {
    return { recordType: this.recordType, line: this.line };
  }
}
