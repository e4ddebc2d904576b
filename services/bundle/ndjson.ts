import { bundleError } from '../../core/bundle/errors';
import { normalizeJsonNfc, toNfc } from '../../core/bundle/nfc';

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
    try {
      record = normalizeJsonNfc(JSON.parse(JSON.stringify(input)));
    } catch (e) {
      throw bundleError('BUNDLE_INPUT_INVALID', { recordType, index, reason: e instanceof Error ? e.message : String(e) });
    }
    const id = recordId(record);
    if (id === null) throw bundleError('BUNDLE_INPUT_INVALID', { recordType, index, reason: 'record needs a string id' });
    if (ids.has(id)) throw bundleError('BUNDLE_DUPLICATE_ID', { recordType, id });
    ids.add(id);
    lines.push(`${JSON.stringify(record)}\n`);
  }
  return { bytes: new TextEncoder().encode(lines.join('')), count: lines.length };
}

function recordId(record: unknown): string | null {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return null;
  const id = (record as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH ? id : null;
}

/**
 * Incremental reader for one data file. Lines are split on the byte 0x0A, which never occurs inside a
 * multi-byte UTF-8 sequence, and each line is decoded strictly (invalid UTF-8 is an error, not U+FFFD).
 */
export class NdjsonReader {
  readonly records: BundleRecord[] = [];
  private readonly ids = new Set<string>();
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
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) break;
      this.append(chunk.subarray(start, nl));
      this.flushLine();
      start = nl + 1;
    }
    this.append(chunk.subarray(start));
  }

  /** Ends the file; a last line without "\n" is accepted. */
  end(): BundleRecord[] {
    if (this.pendingBytes > 0) this.flushLine();
    return this.records;
  }

  private append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pendingBytes += bytes.length;
    if (this.pendingBytes > this.maxRecordBytes) {
      throw bundleError('BUNDLE_TOO_LARGE', { recordType: this.recordType, line: this.line + 1, limit: 'maxRecordBytes' });
    }
    this.pending.push(bytes);
  }

  private flushLine(): void {
    this.line += 1;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    const where = { recordType: this.recordType, line: this.line };
    let text: string;
    try {
      text = this.decoder.decode(bytes);
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
    const id = recordId(normalized);
    if (id === null) throw bundleError('BUNDLE_RECORD_INVALID', { ...where, reason: 'record needs a string id' });
    if (this.ids.has(toNfc(id))) throw bundleError('BUNDLE_DUPLICATE_ID', { ...where, id });
    this.ids.add(id);
    let record = normalized as BundleRecord;
    if (this.validate !== undefined) {
      try {
        record = this.validate(this.recordType, record);
      } catch (e) {
        throw bundleError('BUNDLE_RECORD_INVALID', { ...where, id, reason: e instanceof Error ? e.message : String(e) });
      }
    }
    this.records.push(record);
  }
}
