import { bundleError } from '../../core/bundle/errors';
import type { BundleLimits } from '../../core/bundle/limits';
import { entryNameKey, entryNameProblem } from '../../core/bundle/paths';
import { ByteSource } from './byteSource';
import { TAR_BLOCK } from './tarWriter';

/*
 * Streaming ustar reader that enforces the bundle's limits on each header, before reading the entry's data:
 * a header that declares 8 GiB is refused there, not after 8 GiB have been read. Accepts the POSIX
 * ("ustar\0" "00") and GNU ("ustar  \0") magics, regular files and directories only; links, devices and
 * extension headers (pax 'x'/'g', GNU 'L'/'K') have no place in a bundle and are refused.
 * https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html#tag_20_94_13_06
 */

export type TarEntry = { name: string; size: number; type: 'file' | 'directory' };

type ReaderLimits = Pick<BundleLimits, 'maxEntries' | 'maxEntryBytes' | 'maxTotalBytes'>;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class TarReader {
  private readonly bytes: ByteSource;
  private remaining = 0;
  private padding = 0;
  private entries = 0;
  private total = 0;
  private ended = false;
  private readonly seen = new Set<string>();

  constructor(
    source: AsyncIterator<Uint8Array>,
    private readonly limits: ReaderLimits,
  ) {
    this.bytes = new ByteSource(source);
  }

  /** The next entry's header, or null at the end of the archive (after checking nothing follows it). */
  async next(): Promise<TarEntry | null> {
    if (this.remaining > 0) throw new Error('previous tar entry not fully read');
    if (this.ended) return null;
    if (this.padding > 0) {
      await this.mustRead(this.padding);
      this.padding = 0;
    }
    const block = await this.bytes.readExact(TAR_BLOCK);
    if (block === null) throw bundleError('BUNDLE_TRUNCATED', { layer: 'tar', reason: 'no end-of-archive marker' });
    if (isZero(block)) {
      await this.finish();
      return null;
    }
    const entry = this.parseHeader(block);
    this.remaining = entry.size;
    this.padding = (TAR_BLOCK - (entry.size % TAR_BLOCK)) % TAR_BLOCK;
    return entry;
  }

  /** Data of the current entry, in chunks; must be read to the end before calling next(). */
  async *body(): AsyncGenerator<Uint8Array> {
    while (this.remaining > 0) {
      const chunk = await this.bytes.read(Math.min(this.remaining, 1024 * 1024));
      if (chunk.length === 0) throw bundleError('BUNDLE_TRUNCATED', { layer: 'tar' });
      this.remaining -= chunk.length;
      yield chunk;
    }
  }

  async readBody(): Promise<Uint8Array> {
    const out = new Uint8Array(this.remaining);
    let offset = 0;
    for await (const chunk of this.body()) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private parseHeader(h: Uint8Array): TarEntry {
    const magic = ascii(h.subarray(257, 265));
    if (magic !== 'ustar\u000000' && magic !== 'ustar  \u0000') {
      throw bundleError('BUNDLE_NOT_TAR', { reason: 'not a ustar header' });
    }
    const stored = parseOctal(h.subarray(148, 156));
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < TAR_BLOCK; i++) {
      const b = i >= 148 && i < 156 ? 0x20 : h[i];
      unsigned += b;
      signed += b > 127 ? b - 256 : b;
    }
    // POSIX says unsigned; some historic writers summed signed chars, and tar readers accept both.
    if (stored === null || (stored !== unsigned && stored !== signed)) {
      throw bundleError('BUNDLE_NOT_TAR', { reason: 'header checksum' });
    }
    const name = this.parseName(h);
    const typeflag = h[156];
    const type = typeflag === 0x30 || typeflag === 0 ? 'file' : typeflag === 0x35 ? 'directory' : null;
    if (type === null) {
      throw bundleError('BUNDLE_UNSUPPORTED_ENTRY', { name, typeflag: String.fromCharCode(typeflag) });
    }
    if (type === 'file' && name.endsWith('/')) throw bundleError('BUNDLE_UNSAFE_PATH', { name, problem: 'file named as directory' });
    this.entries += 1;
    if (this.entries > this.limits.maxEntries) {
      throw bundleError('BUNDLE_TOO_MANY_ENTRIES', { limit: this.limits.maxEntries });
    }
    const key = entryNameKey(name);
    if (this.seen.has(key)) throw bundleError('BUNDLE_DUPLICATE_ENTRY', { name });
    this.seen.add(key);
    const size = parseSize(h.subarray(124, 136));
    if (size === null) throw bundleError('BUNDLE_NOT_TAR', { reason: 'size field', name });
    if (type === 'directory' && size !== 0) throw bundleError('BUNDLE_NOT_TAR', { reason: 'directory with data', name });
    if (size > this.limits.maxEntryBytes) {
      throw bundleError('BUNDLE_TOO_LARGE', { name, size, limit: 'maxEntryBytes', max: this.limits.maxEntryBytes });
    }
    this.total += size;
    if (this.total > this.limits.maxTotalBytes) {
      throw bundleError('BUNDLE_TOO_LARGE', { name, limit: 'maxTotalBytes', max: this.limits.maxTotalBytes });
    }
    return { name, size, type };
  }

  private parseName(h: Uint8Array): string {
    const name = field(h.subarray(0, 100));
    const prefix = field(h.subarray(345, 500));
    let text: string;
    try {
      text = utf8.decode(prefix.length > 0 ? concat(prefix, new Uint8Array([0x2f]), name) : name);
    } catch {
      throw bundleError('BUNDLE_UNSAFE_PATH', { problem: 'name is not UTF-8' });
    }
    // A NUL ends a tar name field; bytes after it would be a hidden second name that other tools may read.
    if (hasBytesAfterNul(h.subarray(0, 100)) || hasBytesAfterNul(h.subarray(345, 500))) {
      throw bundleError('BUNDLE_UNSAFE_PATH', { name: text, problem: 'nul' });
    }
    const problem = entryNameProblem(text);
    if (problem !== null) throw bundleError('BUNDLE_UNSAFE_PATH', { name: text, problem });
    return text;
  }

  /** After the first zero block: a second one (or the end), then only zero padding until the end. */
  private async finish(): Promise<void> {
    this.ended = true;
    for (;;) {
      const chunk = await this.bytes.read(64 * 1024);
      if (chunk.length === 0) return;
      if (!isZero(chunk)) throw bundleError('BUNDLE_NOT_TAR', { reason: 'data after end of archive' });
    }
  }

  private async mustRead(n: number): Promise<void> {
    if ((await this.bytes.readExact(n)) === null) throw bundleError('BUNDLE_TRUNCATED', { layer: 'tar' });
  }
}

function field(bytes: Uint8Array): Uint8Array {
  const end = bytes.indexOf(0);
  return end === -1 ? bytes : bytes.subarray(0, end);
}

function hasBytesAfterNul(bytes: Uint8Array): boolean {
  const end = bytes.indexOf(0);
  return end !== -1 && bytes.subarray(end).some((b) => b !== 0);
}

function ascii(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

function parseOctal(bytes: Uint8Array): number | null {
  const text = ascii(field(bytes)).trim();
  if (!/^[0-7]{1,12}$/.test(text)) return null;
  return parseInt(text, 8);
}

/** Octal, or GNU base-256 (high bit set) which tar uses for sizes of 8 GiB and more. */
function parseSize(bytes: Uint8Array): number | null {
  if ((bytes[0] & 0x80) !== 0) {
    if ((bytes[0] & 0x40) !== 0) return null; // negative
    let value = bytes[0] & 0x3f;
    for (let i = 1; i < bytes.length; i++) {
      value = value * 256 + bytes[i];
      if (value > Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return value;
  }
  return parseOctal(bytes);
}

function isZero(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0) return false;
  return true;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
