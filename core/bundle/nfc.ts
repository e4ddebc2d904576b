/**
 * Vietnamese text arrives in both Unicode normalization forms: macOS file names and some input methods
 * produce NFD ("a" + combining marks), Windows and most keyboards NFC. The bundle normalizes every string
 * to NFC at its boundary (on write and on read) so "Đông Hà" typed either way is the same key.
 * https://unicode.org/reports/tr15/
 */
export function toNfc(s: string): string {
  return s.normalize('NFC');
}

export function sameText(a: string, b: string): boolean {
  return toNfc(a) === toNfc(b);
}

/** Deep copy of a JSON value with every string (values and object keys) in NFC. */
export function normalizeJsonNfc(value: unknown): unknown {
  if (typeof value === 'string') return toNfc(value);
  if (Array.isArray(value)) return value.map(normalizeJsonNfc);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = toNfc(k);
      if (Object.prototype.hasOwnProperty.call(out, key)) {
        // Two keys that differ only in normalization would silently overwrite each other.
        throw new Error(`duplicate key after NFC normalization: ${key}`);
      }
      // defineProperty, not assignment: a "__proto__" key from JSON.parse must stay a plain own property.
      Object.defineProperty(out, key, { value: normalizeJsonNfc(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
