import { createCipheriv, createDecipheriv, createHash, randomBytes, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Decrypter, Encrypter } from 'age-encryption';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { AppError } from '../../core/errors';
import { bundleError } from '../../core/bundle/errors';

/*
 * age v1 files (C2SP age spec: https://github.com/C2SP/C2SP/blob/main/age.md).
 *
 *   header:  "age-encryption.org/v1\n", one stanza per recipient ("-> X25519 <share>\n<body>\n"),
 *            "--- <HMAC-SHA-256 of the header, base64>\n"
 *   payload: nonce[16], then STREAM chunks of 64 KiB plaintext, each ChaCha20-Poly1305 sealed under
 *            HKDF-SHA-256(file key, salt=nonce, info="payload") with nonce = counter[11, big-endian] || last[1].
 *
 * Writing uses age-encryption's Encrypter as is (streaming). Reading uses its Decrypter for the header (stanza
 * parsing, X25519 unwrap, header MAC: the parts with the most room for mistakes) and decrypts the STREAM
 * payload here with Node's native ChaCha20-Poly1305, because the library's TransformStream cannot tell a file
 * cut at a chunk boundary from a damaged one, and that distinction is a separate error code for the user.
 * The last-chunk handling mirrors the reference implementation (filippo.io/age internal/stream: a full-size
 * final chunk is tried as non-final first; a non-final chunk at the end of the file means truncation).
 */

const AGE_INTRO = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const CHUNK = 64 * 1024;
const TAG = 16;
const SEALED_CHUNK = CHUNK + TAG;
const NONCE_BYTES = 16;
/** Real headers are a few hundred bytes per recipient. */
const MAX_HEADER_BYTES = 64 * 1024;

/** What starts an age file (header and payload nonce) and the STREAM key its payload is sealed with. */
export type AgeEncryption = { head: Uint8Array; sealer: AgeSealer };

/**
 * Prepares an age file for the recipients ("age1…"): its header and a sealer for its payload.
 *
 * The header (stanzas, MAC) comes from age-encryption's Encrypter: an extra recipient that adds no stanza
 * sees the file key, and the header is cut from the library's encryption of an empty file, which is then
 * discarded (so the key protects exactly one published file). The payload is sealed here with Node's native
 * ChaCha20-Poly1305, like the reader: the library's pure-JS cipher ran at ~25 MB/s, an order of magnitude
 * slower than `age` itself on large attachments. A fresh payload nonce is drawn; the header MAC does not
 * cover it (C2SP age spec, "Header" and "Payload").
 */
export async function prepareAgeEncryption(recipients: readonly string[]): Promise<AgeEncryption> {
  const encrypter = new Encrypter();
  for (const r of recipients) encrypter.addRecipient(r);
  let fileKey: Uint8Array | null = null;
  encrypter.addRecipient({
    wrapFileKey: (key: Uint8Array) => {
      fileKey = key.slice();
      return [];
    },
  });
  const empty = await encrypter.encrypt(new Uint8Array(0));
  // Empty plaintext: header, 16-byte nonce, one empty final chunk (16-byte tag).
  const header = empty.subarray(0, empty.length - NONCE_BYTES - TAG);
  if (fileKey === null || header[header.length - 1] !== 0x0a) throw new Error('age header could not be prepared');
  const nonce = new Uint8Array(randomBytes(NONCE_BYTES));
  const streamKey = hkdf(sha256, fileKey, nonce, new TextEncoder().encode('payload'), 32);
  return { head: concat([header, nonce]), sealer: new AgeSealer(streamKey) };
}

/**
 * The STREAM payload writer: plaintext in, sealed 64 KiB chunks out, each as its ciphertext and its tag.
 * Whole chunks are sealed straight from the caller's bytes; only a chunk that spans two pushes is copied.
 * At least one byte is held back until finish(): the final chunk carries the "last" flag and may be full-size.
 * The caller must not change pushed bytes until the call returns.
 */
export class AgeSealer {
  private counter = 0;
  private readonly staging = Buffer.allocUnsafe(CHUNK);
  private staged = 0;
  private finished = false;

  constructor(private readonly key: Uint8Array) {}

  /** Seals what can be sealed and returns the sealed pieces, in order (possibly none). */
  push(plaintext: Uint8Array): Uint8Array[] {
    if (this.finished) throw new Error('age payload already finished');
    const out: Uint8Array[] = [];
    let at = 0;
    const length = plaintext.length;
    if (this.staged > 0) {
      if (this.staged === CHUNK && length > 0) {
        this.seal(this.staging, false, out);
        this.staged = 0;
      } else {
        const take = Math.min(CHUNK - this.staged, length);
        this.staging.set(plaintext.subarray(0, take), this.staged);
        this.staged += take;
        at = take;
        if (this.staged === CHUNK && at < length) {
          this.seal(this.staging, false, out);
          this.staged = 0;
        }
      }
    }
    // More than a chunk left: seal one, it is not the last.
    while (length - at > CHUNK) {
      this.seal(plaintext.subarray(at, at + CHUNK), false, out);
      at += CHUNK;
    }
    if (at < length) {
      this.staging.set(plaintext.subarray(at), this.staged);
      this.staged += length - at;
    }
    return out;
  }

  /** Seals the final chunk (empty only if the whole payload is). */
  finish(): Uint8Array[] {
    if (this.finished) throw new Error('age payload already finished');
    this.finished = true;
    const out: Uint8Array[] = [];
    this.seal(this.staging.subarray(0, this.staged), true, out);
    this.staged = 0;
    return out;
  }

  private seal(plain: Uint8Array, last: boolean, out: Uint8Array[]): void {
    const nonce = Buffer.alloc(12);
    nonce.writeUIntBE(this.counter++, 5, 6); // 11-byte big-endian counter; 48 bits cover any real file
    nonce[11] = last ? 1 : 0;
    const cipher = createCipheriv('chacha20-poly1305', this.key, nonce, { authTagLength: TAG });
    const sealed = cipher.update(plain);
    if (sealed.length > 0) out.push(sealed);
    const final = cipher.final();
    if (final.length > 0) out.push(final);
    out.push(cipher.getAuthTag());
  }
}

/** Encrypts a plaintext stream to age recipients ("age1…"); the ciphertext is a stream too (see prepareAgeEncryption). */
export async function encryptStream(
  plaintext: ReadableStream<Uint8Array>,
  recipients: readonly string[],
): Promise<ReadableStream<Uint8Array>> {
  const { head, sealer } = await prepareAgeEncryption(recipients);
  return toStream(sealChunks(plaintext, sealer, head));
}

async function* sealChunks(plaintext: ReadableStream<Uint8Array>, sealer: AgeSealer, head: Uint8Array): AsyncGenerator<Uint8Array> {
  yield head;
  const reader = plaintext.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* sealer.push(value);
    }
    yield* sealer.finish();
  } finally {
    reader.releaseLock();
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function toStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done === true) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** Ciphertext size of an age file with the given header size and plaintext size. */
export function ageCiphertextSize(headerBytes: number, plaintextBytes: number): number {
  const chunks = Math.max(1, Math.ceil(plaintextBytes / CHUNK));
  return headerBytes + NONCE_BYTES + plaintextBytes + chunks * TAG;
}

export type AgeDecryptOptions = {
  /** age identities ("AGE-SECRET-KEY-1…"), tried in order. */
  identities: readonly string[];
  /** Refuse files larger than this before reading anything. */
  maxFileBytes?: number;
  /**
   * If the plaintext must be a whole number of these blocks (a tar archive: 512), a file whose size cannot
   * hold such a plaintext is reported as truncated up front: cutting a file changes its size, flipping a bit
   * does not.
   */
  plaintextBlock?: number;
  /** Also compute the SHA-256 of the whole file from the bytes read (see AgeDecryption.fileSha256). */
  hashFile?: boolean;
};

export type AgeDecryption = {
  plaintextBytes: number;
  /** Authenticated plaintext chunks. The last one is only yielded once the final chunk has been verified. */
  chunks: AsyncGenerator<Uint8Array>;
  /**
   * With `hashFile`: the SHA-256 (hex) of the file, from the very bytes that were decrypted (no second read),
   * once `chunks` has run to its end; null before that or without `hashFile`.
   */
  fileSha256: () => string | null;
};

/**
 * Opens an age file and returns its plaintext as a pull-based stream. Errors: BUNDLE_NOT_AGE,
 * BUNDLE_TRUNCATED, BUNDLE_WRONG_RECIPIENT, BUNDLE_DECRYPT_FAILED, BUNDLE_TOO_LARGE, BUNDLE_FILE_UNREADABLE.
 * The file stays open until the generator finishes or is returned.
 */
export async function openAgeFile(path: string, options: AgeDecryptOptions): Promise<AgeDecryption> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (e) {
    throw bundleError('BUNDLE_FILE_UNREADABLE', { reason: (e as NodeJS.ErrnoException).code ?? 'open' });
  }
  try {
    const size = (await file.stat()).size;
    if (options.maxFileBytes !== undefined && size > options.maxFileBytes) {
      throw bundleError('BUNDLE_TOO_LARGE', { limit: 'file', size, max: options.maxFileBytes });
    }
    const head = await readAt(file, 0, Math.min(size, MAX_HEADER_BYTES));
    const headerLength = findHeaderEnd(head, size);
    const fileKey = await unwrapFileKey(head.subarray(0, headerLength), options.identities);

    const payloadStart = headerLength + NONCE_BYTES;
    const payloadBytes = size - payloadStart;
    if (payloadBytes < TAG) throw bundleError('BUNDLE_TRUNCATED', { layer: 'age', reason: 'no payload' });
    const chunkCount = Math.ceil(payloadBytes / SEALED_CHUNK);
    const lastSealed = payloadBytes - (chunkCount - 1) * SEALED_CHUNK;
    // A final chunk may be empty only if it is the only one (C2SP age: "payload").
    if (lastSealed < TAG || (chunkCount > 1 && lastSealed === TAG)) {
      throw bundleError('BUNDLE_TRUNCATED', { layer: 'age', reason: 'final chunk too short' });
    }
    const plaintextBytes = payloadBytes - chunkCount * TAG;
    if (options.plaintextBlock !== undefined && plaintextBytes % options.plaintextBlock !== 0) {
      throw bundleError('BUNDLE_TRUNCATED', { layer: 'age', reason: 'size is not a whole archive' });
    }
    const nonce = await readAt(file, headerLength, NONCE_BYTES);
    const streamKey = hkdf(sha256, fileKey, nonce, new TextEncoder().encode('payload'), 32);
    // Every byte of the file is read once: header (from `head`), nonce, then the payload in order.
    const fileHash = options.hashFile === true ? createHash('sha256').update(head.subarray(0, headerLength)).update(nonce) : null;
    let digest: string | null = null;
    const chunks = payloadChunks(file, streamKey, payloadStart, chunkCount, lastSealed, fileHash, (hex) => (digest = hex));
    return { plaintextBytes, chunks, fileSha256: () => digest };
  } catch (e) {
    await file.close();
    throw e;
  }
}

/** Sealed chunks read from the file at once (about 1 MiB): few, large reads, the next one under way while this one is opened. */
const READ_CHUNKS = 16;

async function* payloadChunks(
  file: FileHandle,
  key: Uint8Array,
  start: number,
  count: number,
  lastSealed: number,
  fileHash: Hash | null,
  onFileHash: (hex: string) => void,
): AsyncGenerator<Uint8Array> {
  const span = (first: number) => {
    const n = Math.min(READ_CHUNKS, count - first);
    return (n - 1) * SEALED_CHUNK + (first + n === count ? lastSealed : SEALED_CHUNK);
  };
  const readBlock = (first: number) => {
    const p = readAt(file, start + first * SEALED_CHUNK, span(first));
    p.catch(() => undefined); // awaited below or in finally; never an unhandled rejection
    return p;
  };
  let ahead: Promise<Uint8Array> | null = readBlock(0);
  try {
    for (let first = 0; first < count; first += READ_CHUNKS) {
      const block: Uint8Array = await ahead!;
      ahead = first + READ_CHUNKS < count ? readBlock(first + READ_CHUNKS) : null;
      fileHash?.update(block);
      const n = Math.min(READ_CHUNKS, count - first);
      for (let j = 0; j < n; j++) {
        const i = first + j;
        const last = i === count - 1;
        const sealed = block.subarray(j * SEALED_CHUNK, last ? j * SEALED_CHUNK + lastSealed : (j + 1) * SEALED_CHUNK);
        if (!last) {
          const plain = openChunk(key, i, false, sealed);
          if (plain === null) throw bundleError('BUNDLE_DECRYPT_FAILED', { layer: 'age', chunk: i });
          yield plain;
          continue;
        }
        const plain = openChunk(key, i, true, sealed);
        if (plain !== null) {
          yield plain;
          continue;
        }
        // Authentic as a middle chunk: the file stops where more chunks should follow.
        if (sealed.length === SEALED_CHUNK && openChunk(key, i, false, sealed) !== null) {
          throw bundleError('BUNDLE_TRUNCATED', { layer: 'age', reason: 'ends at a chunk boundary' });
        }
        throw bundleError('BUNDLE_DECRYPT_FAILED', { layer: 'age', chunk: i });
      }
    }
    if (fileHash !== null) onFileHash(fileHash.digest('hex'));
  } finally {
    // A read still under way must finish before its file is closed.
    if (ahead !== null) await ahead.catch(() => undefined);
    await file.close();
  }
}

function openChunk(key: Uint8Array, counter: number, last: boolean, sealed: Uint8Array): Uint8Array | null {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6); // 11-byte big-endian counter; 48 bits cover any real file
  nonce[11] = last ? 1 : 0;
  const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  const out = decipher.update(sealed.subarray(0, sealed.length - TAG));
  try {
    decipher.final();
  } catch {
    return null;
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Length of the header through the MAC line's newline; classifies what is wrong when it cannot be found. */
function findHeaderEnd(head: Uint8Array, fileSize: number): number {
  const text = Buffer.from(head).toString('latin1');
  if (!text.startsWith(AGE_INTRO)) {
    if (AGE_INTRO.startsWith(text)) throw bundleError('BUNDLE_TRUNCATED', { layer: 'age', reason: 'header' });
    throw bundleError('BUNDLE_NOT_AGE', { armored: text.trimStart().startsWith(ARMOR_BEGIN) });
  }
  const macLine = text.indexOf('\n--- ');
  const end = macLine === -1 ? -1 : text.indexOf('\n', macLine + 1);
  if (end === -1) {
    if (head.length >= fileSize) throw bundleError('BUNDLE_TRUNCATED', { layer: 'age', reason: 'header' });
    throw bundleError('BUNDLE_DECRYPT_FAILED', { layer: 'age', reason: 'header too long' });
  }
  return end + 1;
}

async function unwrapFileKey(header: Uint8Array, identities: readonly string[]): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  try {
    for (const identity of identities) decrypter.addIdentity(identity);
  } catch {
    throw bundleError('KEY_INVALID', { kind: 'age identity' });
  }
  try {
    return await decrypter.decryptHeader(header);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    // age-encryption's wording (dist/index.js): no stanza opened with our identities. A damaged stanza
    // looks the same as one for somebody else, so the Vietnamese message mentions both.
    if (message.includes('no identity matched')) throw bundleError('BUNDLE_WRONG_RECIPIENT');
    throw bundleError('BUNDLE_DECRYPT_FAILED', { layer: 'age', reason: message });
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw bundleError('BUNDLE_TRUNCATED', { layer: 'age', reason: 'file shrank while reading' });
    done += bytesRead;
  }
  return buffer;
}
