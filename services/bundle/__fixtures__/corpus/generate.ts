/*
 * Generates the bad-input corpus: small bundle files, each crafted to fail in one specific way, and
 * index.json listing the error code each must produce. Run from the repository root:
 *
 *   npx tsx services/bundle/__fixtures__/corpus/generate.ts
 *
 * The keys in keys/ are TEST KEYS ONLY, committed so the corpus is reproducible; they are created on the
 * first run and reused after. Ciphertexts change on every run (age is randomized); codes must not.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Encrypter, armor } from 'age-encryption';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, serializeManifest, type BundleManifest } from '../../../../core/bundle/manifest';
import { formatAgeIdentityFile, generateAgeKeyPair, parseAgeIdentityFile, type AgeKeyPair } from '../../keys';
import {
  formatPublicKeyFile,
  formatSecretKeyFile,
  generateMinisignKeyPair,
  parseSecretKeyFile,
  publicKeyOf,
  type MinisignSecretKey,
} from '../../minisignKeys';
import { signMinisign } from '../../minisignSignature';
import type { CorpusCase } from './corpusIndex';

const here = dirname(fileURLToPath(import.meta.url));
const keysDir = join(here, 'keys');
const filesDir = join(here, 'files');

async function minisignKey(name: string): Promise<MinisignSecretKey> {
  const path = join(keysDir, `${name}.key`);
  if (!existsSync(path)) {
    const key = generateMinisignKeyPair();
    writeFileSync(path, await formatSecretKeyFile(key, { unencrypted: true }, 'TEST KEY ONLY - ntm-desk bundle corpus'));
    writeFileSync(join(keysDir, `${name}.pub`), formatPublicKeyFile(publicKeyOf(key)));
  }
  return parseSecretKeyFile(readFileSync(path, 'utf8'));
}

async function ageKey(name: string): Promise<AgeKeyPair> {
  const path = join(keysDir, `${name}.agekey`);
  if (!existsSync(path)) writeFileSync(path, formatAgeIdentityFile(await generateAgeKeyPair(), new Date('2026-01-01T00:00:00Z')));
  return parseAgeIdentityFile(readFileSync(path, 'utf8'));
}

// ---- raw ustar, deliberately able to write what the real writer refuses -----------------------------

type RawEntry = {
  name: string | Uint8Array;
  data?: Uint8Array | string;
  /** Size written in the header; defaults to the data length. Data is padded to the header size's blocks. */
  declaredSize?: number;
  typeflag?: string;
  linkname?: string;
  badChecksum?: boolean;
};

function rawHeader(e: RawEntry, size: number): Uint8Array {
  const h = new Uint8Array(512);
  const name = typeof e.name === 'string' ? new TextEncoder().encode(e.name) : e.name;
  h.set(name.subarray(0, 100), 0);
  const octal = (offset: number, width: number, value: number) =>
    h.set(new TextEncoder().encode(`${value.toString(8).padStart(width - 1, '0')}\u0000`), offset);
  octal(100, 8, 0o644);
  octal(108, 8, 0);
  octal(116, 8, 0);
  if (size > 8 ** 11 - 1) {
    // GNU base-256 for sizes ustar's 11 octal digits cannot hold
    h[124] = 0x80;
    let v = BigInt(size);
    for (let i = 135; i > 124; i--) {
      h[i] = Number(v & 0xffn);
      v >>= 8n;
    }
  } else {
    octal(124, 12, size);
  }
  octal(136, 12, 1_770_000_000);
  h.fill(0x20, 148, 156);
  h[156] = (e.typeflag ?? '0').charCodeAt(0);
  if (e.linkname !== undefined) h.set(new TextEncoder().encode(e.linkname), 157);
  h.set(new TextEncoder().encode('ustar\u000000'), 257);
  let sum = 0;
  for (const b of h) sum += b;
  h.set(new TextEncoder().encode(`${(sum + (e.badChecksum === true ? 1 : 0)).toString(8).padStart(6, '0')}\u0000 `), 148);
  return h;
}

function rawTar(entries: RawEntry[], options: { trailing?: Uint8Array; noEnd?: boolean } = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = typeof e.data === 'string' ? new TextEncoder().encode(e.data) : (e.data ?? new Uint8Array(0));
    const size = e.declaredSize ?? data.length;
    parts.push(rawHeader(e, size));
    const bodyLength = Math.min(Math.ceil(size / 512) * 512, Math.ceil(data.length / 512) * 512 || 512);
    const body = new Uint8Array(size === 0 ? 0 : bodyLength);
    body.set(data.subarray(0, body.length));
    parts.push(body);
  }
  if (options.noEnd !== true) parts.push(new Uint8Array(1024));
  if (options.trailing !== undefined) parts.push(options.trailing);
  return Buffer.concat(parts);
}

// ---- bundle building blocks --------------------------------------------------------------------------

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const bytes = (s: string) => new TextEncoder().encode(s);

type DataFile = { name: string; content: Uint8Array | string };

function manifestFor(files: DataFile[], patch: Partial<BundleManifest> & Record<string, unknown> = {}): BundleManifest {
  const counts: Record<string, number> = {};
  for (const f of files) {
    const m = /^data\/([a-z0-9_]+)\.ndjson$/.exec(f.name);
    if (m !== null) {
      const text = typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('latin1');
      counts[m[1]] = text.split('\n').filter((l) => l.length > 0).length;
    }
  }
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    officeCode: 'H01',
    sequence: 1,
    createdAt: '2026-01-15T03:00:00.000Z',
    periods: ['2025'],
    counts,
    files: files.map((f) => {
      const b = typeof f.content === 'string' ? bytes(f.content) : f.content;
      return { path: f.name, size: b.length, sha256: sha(b) };
    }),
    ...patch,
  } as BundleManifest;
}

type BuildOptions = {
  manifest?: BundleManifest;
  manifestText?: string;
  signer?: MinisignSecretKey;
  signatureText?: string;
  /** Entries written after manifest + signature; defaults to the data files. */
  entries?: RawEntry[];
  tarOptions?: { trailing?: Uint8Array; noEnd?: boolean };
  recipient?: string;
};

let office: MinisignSecretKey;
let rogue: MinisignSecretKey;
let province: AgeKeyPair;
let stranger: AgeKeyPair;

function tarFor(files: DataFile[], o: BuildOptions = {}): Uint8Array {
  const manifestText = o.manifestText ?? serializeManifest(o.manifest ?? manifestFor(files));
  const signature =
    o.signatureText ??
    signMinisign(bytes(manifestText), o.signer ?? office, { trustedComment: 'timestamp:1768446000\tfile:manifest.json\thashed' });
  const entries = o.entries ?? files.map((f) => ({ name: f.name, data: f.content }));
  return rawTar([{ name: 'manifest.json', data: manifestText }, { name: 'manifest.json.minisig', data: signature }, ...entries], o.tarOptions);
}

async function encrypt(plaintext: Uint8Array, recipient = province.recipient): Promise<Uint8Array> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  return e.encrypt(plaintext);
}

async function bundle(files: DataFile[], o: BuildOptions = {}): Promise<Uint8Array> {
  return encrypt(tarFor(files, o), o.recipient);
}

function flip(file: Uint8Array, offset: number): Uint8Array {
  const out = new Uint8Array(file);
  const at = offset < 0 ? out.length + offset : offset;
  out[at] ^= 0x01;
  return out;
}

function headerLength(file: Uint8Array): number {
  const text = Buffer.from(file).toString('latin1');
  return text.indexOf('\n', text.indexOf('\n--- ') + 1) + 1;
}

// ---- the corpus ----------------------------------------------------------------------------------------

const communes: DataFile = {
  name: 'data/commune.ndjson',
  content: '{"id":"c1","name":"Xã Đông Hội"}\n{"id":"c2","name":"Xã Tân Cương"}\n',
};

async function main(): Promise<void> {
  mkdirSync(keysDir, { recursive: true });
  rmSync(filesDir, { recursive: true, force: true });
  mkdirSync(filesDir, { recursive: true });
  office = await minisignKey('office');
  rogue = await minisignKey('rogue');
  province = await ageKey('province');
  stranger = await ageKey('stranger');

  const cases: CorpusCase[] = [];
  const add = async (file: string, code: CorpusCase['code'], description: string, content: Uint8Array | Promise<Uint8Array>, extra: Partial<CorpusCase> = {}) => {
    writeFileSync(join(filesDir, file), await content);
    cases.push({ file, code, description, ...extra });
  };

  const valid = await bundle([communes]);
  await add('valid-v1.ntmb', 'OK', 'A correct format-1 bundle; must keep importing in every later version.', valid);

  // -- the age layer
  await add('empty.ntmb', 'BUNDLE_TRUNCATED', 'Zero-byte file.', new Uint8Array(0));
  await add('truncated-in-header.ntmb', 'BUNDLE_TRUNCATED', 'Cut inside the age header.', valid.subarray(0, 60));
  await add('truncated-after-header.ntmb', 'BUNDLE_TRUNCATED', 'Header and nonce only, no payload.', valid.subarray(0, headerLength(valid) + 16));
  await add('truncated-mid-payload.ntmb', 'BUNDLE_TRUNCATED', 'Last 100 bytes missing.', valid.subarray(0, valid.length - 100));
  const attachment = new Uint8Array(70_000).fill(0x61);
  const twoChunks = await bundle([communes, { name: `attachments/${sha(attachment)}`, content: attachment }]);
  await add(
    'truncated-at-chunk-boundary.ntmb',
    'BUNDLE_TRUNCATED',
    'Cut exactly after the first 64 KiB STREAM chunk: every remaining chunk authenticates, but as a middle chunk.',
    twoChunks.subarray(0, headerLength(twoChunks) + 16 + 65536 + 16),
  );
  await add('not-age.ntmb', 'BUNDLE_NOT_AGE', 'A text file, not an age file.', bytes('manifest.json\nthis is not a bundle\n'));
  await add('armored-age.ntmb', 'BUNDLE_NOT_AGE', 'ASCII-armored age; bundles are binary age files.', bytes(armor.encode(valid)));
  await add('flip-version-line.ntmb', 'BUNDLE_NOT_AGE', 'Bit flipped in the "age-encryption.org/v1" line.', flip(valid, 3));
  await add('flip-header-mac.ntmb', 'BUNDLE_DECRYPT_FAILED', 'Bit flipped in the header MAC.', flip(valid, headerLength(valid) - 5));
  await add('flip-stanza-body.ntmb', 'BUNDLE_WRONG_RECIPIENT', 'Bit flipped in the wrapped file key: no identity opens the header.', flipStanzaBody(valid));
  await add('flip-nonce.ntmb', 'BUNDLE_DECRYPT_FAILED', 'Bit flipped in the payload nonce.', flip(valid, headerLength(valid) + 3));
  await add('flip-payload.ntmb', 'BUNDLE_DECRYPT_FAILED', 'Bit flipped in the middle of the payload.', flip(valid, headerLength(valid) + 16 + 700));
  await add('flip-last-byte.ntmb', 'BUNDLE_DECRYPT_FAILED', 'Bit flipped in the final authentication tag.', flip(valid, -1));
  await add('flip-first-chunk.ntmb', 'BUNDLE_DECRYPT_FAILED', 'Bit flipped in a full middle chunk of a two-chunk file.', flip(twoChunks, headerLength(twoChunks) + 16 + 30_000));
  await add('wrong-recipient.ntmb', 'BUNDLE_WRONG_RECIPIENT', 'Encrypted to another province.', bundle([communes], { recipient: stranger.recipient }));

  // -- signature
  await add('signer-unregistered.ntmb', 'BUNDLE_SIGNER_UNKNOWN', 'Signed by a key that is not registered.', bundle([communes], { signer: rogue }));
  const manifestText = serializeManifest(manifestFor([communes]));
  const goodSig = signMinisign(bytes(manifestText), office, { trustedComment: 'timestamp:1768446000\tfile:manifest.json\thashed' });
  await add('manifest-edited-after-signing.ntmb', 'BUNDLE_SIGNATURE_INVALID', 'Manifest sequence changed after it was signed.',
    bundle([communes], { manifestText: manifestText.replace('"sequence": 1', '"sequence": 2'), signatureText: goodSig }));
  const lines = goodSig.split('\n');
  await add('trusted-comment-edited.ntmb', 'BUNDLE_SIGNATURE_INVALID', 'Trusted comment edited after signing.',
    bundle([communes], { manifestText, signatureText: [lines[0], lines[1], 'trusted comment: timestamp:1\tfile:manifest.json\thashed', lines[3], ''].join('\n') }));
  await add('signature-malformed.ntmb', 'BUNDLE_SIGNATURE_MALFORMED', 'Signature file is not minisign.', bundle([communes], { signatureText: 'not a signature\n' }));

  // -- manifest
  await add('office-code-nfd.ntmb', 'OK', 'Office code written in NFD; the registered code is NFC: they compare equal.',
    bundle([communes], { manifest: manifestFor([communes], { officeCode: 'Huyện Đông Anh'.normalize('NFD') }) }), { signerOffice: 'Huyện Đông Anh'.normalize('NFC') });
  await add('office-code-mismatch.ntmb', 'BUNDLE_OFFICE_MISMATCH', 'Signed by the key registered for H01 but claims office H02.',
    bundle([communes], { manifest: manifestFor([communes], { officeCode: 'H02' }) }));
  await add('format-too-new.ntmb', 'BUNDLE_FORMAT_TOO_NEW', 'Signed manifest with formatVersion 2.',
    bundle([communes], { manifestText: JSON.stringify({ ...manifestFor([communes]), formatVersion: 2, newField: true }) }));
  await add('format-unknown.ntmb', 'BUNDLE_FORMAT_UNKNOWN', 'Signed manifest of another format.',
    bundle([communes], { manifestText: JSON.stringify({ format: 'other-app', formatVersion: 1 }) }));
  await add('manifest-invalid.ntmb', 'BUNDLE_MANIFEST_INVALID', 'Signed manifest with a negative sequence.',
    bundle([communes], { manifest: manifestFor([communes], { sequence: -1 }) }));
  await add('manifest-not-first.ntmb', 'BUNDLE_MANIFEST_MISSING', 'Data file before the manifest.',
    encrypt(rawTar([{ name: communes.name, data: communes.content }, { name: 'manifest.json', data: manifestText }])));
  await add('manifest-huge.ntmb', 'BUNDLE_TOO_LARGE', 'Header declares a 64 MiB manifest (only its first block is present).',
    encrypt(rawTar([{ name: 'manifest.json', data: '{', declaredSize: 64 * 1024 * 1024 }], { noEnd: true })));

  // -- archive structure and limits
  await add('expanding-entry.ntmb', 'BUNDLE_TOO_LARGE', 'Header declares an 8 GiB attachment; refused at the header.',
    bundle([communes], { entries: [{ name: `attachments/${'0'.repeat(64)}`, data: 'x', declaredSize: 8 * 1024 ** 3 }], tarOptions: { noEnd: true } }));
  const many = Array.from({ length: 12 }, (_, i) => ({ name: `data/t${i}.ndjson`, content: `{"id":"r${i}"}\n` }));
  await add('too-many-entries.ntmb', 'BUNDLE_TOO_MANY_ENTRIES', '14 entries against a limit of 10.', bundle(many), { limits: { maxEntries: 10 } });
  await add('path-dotdot.ntmb', 'BUNDLE_UNSAFE_PATH', 'Entry "data/../../evil.ndjson".', bundle([communes], { entries: [{ name: 'data/../../evil.ndjson', data: '{}' }] }));
  await add('path-absolute.ntmb', 'BUNDLE_UNSAFE_PATH', 'Entry "/etc/cron.d/evil".', bundle([communes], { entries: [{ name: '/etc/cron.d/evil', data: 'x' }] }));
  await add('path-nul.ntmb', 'BUNDLE_UNSAFE_PATH', 'Entry name with a NUL and a hidden suffix.',
    bundle([communes], { entries: [{ name: bytes('data/commune.ndjson\u0000.exe'), data: communes.content }] }));
  await add('path-backslash.ntmb', 'BUNDLE_UNSAFE_PATH', 'Entry "data\\..\\evil".', bundle([communes], { entries: [{ name: 'data\\..\\evil', data: 'x' }] }));
  await add('path-drive-letter.ntmb', 'BUNDLE_UNSAFE_PATH', 'Entry "C:evil".', bundle([communes], { entries: [{ name: 'C:evil', data: 'x' }] }));
  await add('entry-symlink.ntmb', 'BUNDLE_UNSUPPORTED_ENTRY', 'Symbolic link to /etc/passwd.',
    bundle([communes], { entries: [{ name: 'attachments/link', typeflag: '2', linkname: '/etc/passwd' }] }));
  await add('entry-pax-header.ntmb', 'BUNDLE_UNSUPPORTED_ENTRY', 'pax extended header that would rename the next entry.',
    bundle([communes], { entries: [{ name: 'PaxHeader', typeflag: 'x', data: '30 path=../../../../etc/passwd\n' }] }));
  await add('duplicate-entry.ntmb', 'BUNDLE_DUPLICATE_ENTRY', 'The same data file twice.',
    bundle([communes], { entries: [{ name: communes.name, data: communes.content }, { name: communes.name, data: communes.content }] }));
  await add('duplicate-entry-case.ntmb', 'BUNDLE_DUPLICATE_ENTRY', 'Names that collide on case-insensitive file systems.',
    bundle([communes], { entries: [{ name: communes.name, data: communes.content }, { name: 'DATA/commune.ndjson', data: communes.content }] }));
  await add('entry-unlisted.ntmb', 'BUNDLE_UNEXPECTED_ENTRY', 'A data file the manifest does not list.',
    bundle([communes], { entries: [{ name: communes.name, data: communes.content }, { name: 'data/extra.ndjson', data: '{"id":"x"}\n' }] }));
  await add('entry-missing.ntmb', 'BUNDLE_MISSING_ENTRY', 'The manifest lists a data file that is absent.', bundle([communes], { entries: [] }));
  await add('bad-tar-checksum.ntmb', 'BUNDLE_NOT_TAR', 'Data file header with a wrong checksum.',
    bundle([communes], { entries: [{ name: communes.name, data: communes.content, badChecksum: true }] }));
  await add('data-after-end.ntmb', 'BUNDLE_NOT_TAR', 'Bytes hidden after the end-of-archive marker.', bundle([communes], { tarOptions: { trailing: new Uint8Array(512).fill(0x41) } }));
  await add('tar-no-end-marker.ntmb', 'BUNDLE_TRUNCATED', 'Archive without its end-of-archive blocks.', bundle([communes], { tarOptions: { noEnd: true } }));

  // -- content
  const tampered = '{"id":"c1","name":"Xã Đông Hội"}\n{"id":"c2","name":"Xã Tân Cươnh"}\n';
  await add('hash-mismatch.ntmb', 'BUNDLE_HASH_MISMATCH', 'Data file edited (same size) after the manifest was signed.',
    bundle([communes], { entries: [{ name: communes.name, data: tampered }] }));
  await add('size-mismatch.ntmb', 'BUNDLE_HASH_MISMATCH', 'Data file longer than the manifest says.',
    bundle([communes], { entries: [{ name: communes.name, data: `${communes.content}{"id":"c3"}\n` }] }));
  const badUtf8: DataFile = { name: 'data/commune.ndjson', content: Buffer.concat([bytes('{"id":"c1","name":"X'), Buffer.from([0xc3, 0x28]), bytes('"}\n')]) };
  await add('invalid-utf8.ntmb', 'BUNDLE_INVALID_UTF8', 'NDJSON line with an invalid UTF-8 sequence (C3 28).', bundle([badUtf8]));
  const overlong: DataFile = { name: 'data/commune.ndjson', content: Buffer.concat([bytes('{"id":"c1","name":"'), Buffer.from([0xc0, 0xaf]), bytes('"}\n')]) };
  await add('invalid-utf8-overlong.ntmb', 'BUNDLE_INVALID_UTF8', 'Overlong encoding of "/" (C0 AF).', bundle([overlong]));
  await add('invalid-json.ntmb', 'BUNDLE_INVALID_JSON', 'NDJSON line that is not JSON.', bundle([{ name: 'data/commune.ndjson', content: '{"id":"c1",}\n' }]));
  await add('duplicate-id.ntmb', 'BUNDLE_DUPLICATE_ID', 'Two records with id "c1".', bundle([{ name: 'data/commune.ndjson', content: '{"id":"c1"}\n{"id":"c1"}\n' }]));
  await add('duplicate-id-nfc-nfd.ntmb', 'BUNDLE_DUPLICATE_ID', 'Ids "xã-1" in NFC and in NFD: equal after normalization.',
    bundle([{ name: 'data/commune.ndjson', content: `{"id":"${'xã-1'.normalize('NFC')}"}\n{"id":"${'xã-1'.normalize('NFD')}"}\n` }]));
  await add('record-without-id.ntmb', 'BUNDLE_RECORD_INVALID', 'Record with a numeric id.', bundle([{ name: 'data/commune.ndjson', content: '{"id":1}\n' }]));
  await add('record-fails-validator.ntmb', 'BUNDLE_RECORD_INVALID', 'Commune without a name, refused by the caller validator.',
    bundle([{ name: 'data/commune.ndjson', content: '{"id":"c1","name":"A"}\n{"id":"c2"}\n' }]), { validator: 'communeNeedsName' });
  const countWrong = manifestFor([communes]);
  countWrong.counts = { commune: 3 };
  await add('count-mismatch.ntmb', 'BUNDLE_COUNT_MISMATCH', 'Manifest says 3 communes, the file has 2.', bundle([communes], { manifest: countWrong }));
  await add('record-too-long.ntmb', 'BUNDLE_TOO_LARGE', 'One 2 KiB record against a 1 KiB record limit.',
    bundle([{ name: 'data/commune.ndjson', content: `{"id":"c1","name":"${'a'.repeat(2048)}"}\n` }]), { limits: { maxRecordBytes: 1024 } });

  writeFileSync(join(here, 'index.json'), `${JSON.stringify(cases, null, 2)}\n`);
  const total = readdirSync(filesDir).reduce((n, f) => n + readFileSync(join(filesDir, f)).length, 0);
  console.log(`${cases.length} corpus files, ${total} bytes`);
}

/** Flips a bit inside the base64 body line of the first stanza (the wrapped file key). */
function flipStanzaBody(file: Uint8Array): Uint8Array {
  const text = Buffer.from(file).toString('latin1');
  const stanza = text.indexOf('\n-> X25519 ');
  const body = text.indexOf('\n', stanza + 1) + 1;
  const out = new Uint8Array(file);
  // Swap one base64 letter for another valid one so the header still parses.
  out[body + 5] = out[body + 5] === 0x41 ? 0x42 : 0x41;
  return out;
}

await main();
