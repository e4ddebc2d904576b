import { bundleError } from '../../core/bundle/errors';

/** Pull-based reader over an async sequence of chunks: takes exactly what is asked, never more. */
export class ByteSource {
  private buffer: Uint8Array = new Uint8Array(0);
  private done = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  /** Up to `max` bytes; an empty array only at the end of the source. */
  async read(max: number): Promise<Uint8Array> {
    while (this.buffer.length === 0 && !this.done) {
      const next = await this.source.next();
      if (next.done === true) this.done = true;
      else this.buffer = next.value;
    }
    const out = this.buffer.subarray(0, Math.min(max, this.buffer.length));
    this.buffer = this.buffer.subarray(out.length);
    return out;
  }

  /** Exactly n bytes, or null if the source ends first (after k > 0 bytes: BUNDLE_TRUNCATED). */
  async readExact(n: number): Promise<Uint8Array | null> {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const chunk = await this.read(n - filled);
      if (chunk.length === 0) {
        if (filled === 0) return null;
        throw bundleError('BUNDLE_TRUNCATED', { layer: 'tar' });
      }
      out.set(chunk, filled);
      filled += chunk.length;
    }
    return out;
  }
}
