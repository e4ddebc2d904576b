import { toNfc } from './nfc';

/**
 * Entry names inside the bundle's tar container. Two layers of rules:
 *
 * 1. Safety (any entry, checked first): a name must never be able to escape the directory it is
 *    extracted into or alias another entry, whatever tool unpacks it. Rejected: empty names, NUL and other
 *    control characters, backslashes (a separator on Windows), absolute paths ("/x", "C:x"), "." and ".."
 *    segments, empty segments ("a//b"), and names longer than ustar can carry.
 * 2. Layout (this format): only the names below are allowed.
 *
 *   manifest.json              the signed manifest (first entry)
 *   manifest.json.minisig      its minisign signature (second entry)
 *   data/                      optional directory entry
 *   data/<type>.ndjson         one NDJSON file per record type; <type> matches RECORD_TYPE_PATTERN
 *   attachments/               optional directory entry
 *   attachments/<sha256>       attachment content, named by its lowercase hex SHA-256
 */

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.json.minisig';
export const DATA_DIR = 'data/';
export const ATTACHMENTS_DIR = 'attachments/';

/** Lowercase ASCII so that the NDJSON file name is the same on every file system. */
export const RECORD_TYPE_PATTERN = /^[a-z][a-z0-9_]{0,47}$/;
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;

/** ustar's prefix (155) + "/" + name (100). */
export const MAX_ENTRY_NAME_LENGTH = 256;

export type EntryNameProblem =
  | 'empty'
  | 'too-long'
  | 'nul'
  | 'control-character'
  | 'backslash'
  | 'absolute'
  | 'dot-segment'
  | 'empty-segment';

/** Returns why a name is unsafe, or null when it is safe to use as a relative path. */
export function entryNameProblem(name: string): EntryNameProblem | null {
  if (name.length === 0) return 'empty';
  if (name.length > MAX_ENTRY_NAME_LENGTH) return 'too-long';
  if (name.includes('\u0000')) return 'nul';
  // C0 controls and DEL: newlines in names break listings and logs.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this check
  if (/[\u0001-\u001f\u007f]/.test(name)) return 'control-character';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute';
  const body = name.endsWith('/') ? name.slice(0, -1) : name;
  for (const segment of body.split('/')) {
    if (segment === '.' || segment === '..') return 'dot-segment';
    if (segment === '') return 'empty-segment';
  }
  return null;
}

/**
 * The key two names collide under: NFC (macOS stores NFD) and case-folded (Windows and macOS file systems
 * are case-insensitive). Two entries with the same key are duplicates even if their bytes differ.
 */
export function entryNameKey(name: string): string {
  const nfc = toNfc(name);
  return (nfc.endsWith('/') ? nfc.slice(0, -1) : nfc).toLowerCase();
}

export type EntryRole =
  | { role: 'manifest' }
  | { role: 'signature' }
  | { role: 'directory' }
  | { role: 'data'; recordType: string }
  | { role: 'attachment'; sha256: string };

/** Classifies a safe name by this format's layout; null when the name has no place in a bundle. */
export function classifyEntryName(name: string): EntryRole | null {
  if (name === MANIFEST_NAME) return { role: 'manifest' };
  if (name === SIGNATURE_NAME) return { role: 'signature' };
  if (name === DATA_DIR || name === ATTACHMENTS_DIR) return { role: 'directory' };
  if (name.startsWith(DATA_DIR) && name.endsWith('.ndjson')) {
    const recordType = name.slice(DATA_DIR.length, -'.ndjson'.length);
    if (RECORD_TYPE_PATTERN.test(recordType)) return { role: 'data', recordType };
    return null;
  }
  if (name.startsWith(ATTACHMENTS_DIR)) {
    const sha256 = name.slice(ATTACHMENTS_DIR.length);
    if (SHA256_HEX_PATTERN.test(sha256)) return { role: 'attachment', sha256 };
  }
  return null;
}

export function dataEntryName(recordType: string): string {
  return `${DATA_DIR}${recordType}.ndjson`;
}

export function attachmentEntryName(sha256: string): string {
  return `${ATTACHMENTS_DIR}${sha256}`;
}
