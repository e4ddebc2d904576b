/*
 * Minimal POSIX ustar writer (IEEE Std 1003.1, "pax" utility, ustar Interchange Format): regular files
 * only, names of at most 100 bytes, no extension headers, so that every `tar -x` unpacks it.
 * https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pax.html#tag_20_94_13_06
 */

export const TAR_BLOCK = 512;
/** 11 octal digits in the 12-byte size field. */
export const TAR_MAX_ENTRY_SIZE = 8 ** 11 - 1;

export type TarHeaderInput = { name: string; size: number; mtimeSeconds: number; type?: 'file' | 'directory' };

export function tarHeader(input: TarHeaderInput): Uint8Array {
  const name = new TextEncoder().encode(input.name);
  if (name.length === 0 || name.length > 100) throw new Error(`tar entry name must be 1..100 bytes: ${input.name}`);
  if (!Number.isSafeInteger(input.size) || input.size < 0 || input.size > TAR_MAX_ENTRY_SIZE) {
    throw new Error(`tar entry size out of range: ${input.size}`);
  }
  const h = new Uint8Array(TAR_BLOCK);
  const directory = input.type === 'directory';
  h.set(name, 0);
  writeOctal(h, 100, 8, directory ? 0o755 : 0o644);
  writeOctal(h, 108, 8, 0);
  writeOctal(h, 116, 8, 0);
  writeOctal(h, 124, 12, directory ? 0 : input.size);
  writeOctal(h, 136, 12, Math.max(0, Math.floor(input.mtimeSeconds)));
  h.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  h[156] = directory ? 0x35 : 0x30; // '5' | '0'
  h.set(new TextEncoder().encode('ustar\u000000'), 257);
  let sum = 0;
  for (const b of h) sum += b;
  writeOctal(h, 148, 7, sum); // 6 digits + NUL, then the space already there
  return h;
}

/** Zero bytes that pad an entry's data up to the next 512-byte block. */
export function tarPadding(size: number): Uint8Array {
  const rest = size % TAR_BLOCK;
  return new Uint8Array(rest === 0 ? 0 : TAR_BLOCK - rest);
}

/** Two zero blocks mark the end of the archive. */
export function tarEnd(): Uint8Array {
  return new Uint8Array(TAR_BLOCK * 2);
}

export function tarEntrySpan(size: number): number {
  return TAR_BLOCK + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
}

function writeOctal(h: Uint8Array, offset: number, width: number, value: number): void {
  const digits = value.toString(8).padStart(width - 1, '0');
  if (digits.length > width - 1) throw new Error('tar numeric field overflow');
  h.set(new TextEncoder().encode(digits), offset);
  h[offset + width - 1] = 0;
}
