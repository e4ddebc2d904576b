import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInput, pairedOffices, seedNtm, type TestOffice } from './exchangeTestKit';
import { exportsDir } from './exportService';
import { uploadsDir } from './uploads';

/*
 * Files larger than one request cross the contract in chunks, on every host: an office downloads its export chunk
 * by chunk, the province uploads it chunk by chunk and imports it by upload id. A chunk out of order is refused
 * rather than corrupting the file; an upload is used once.
 */

let province: TestOffice;
let office: TestOffice;
let cleanup: () => void;

beforeAll(async () => {
  const pair = await pairedOffices();
  ({ province, cleanup } = pair);
  [office] = pair.offices;
  await seedNtm(office, { communes: 2, evidence: 3 });
});

afterAll(() => cleanup?.());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('chunked download and upload of bundles', () => {
  it('downloads an export in chunks, uploads it in chunks, imports it by upload id, once', async () => {
    const exp = await office.call('exchange.bundle.export', { mode: 'full', periods: [] });
    const onDisk = readFileSync(join(exportsDir(office.dir), exp.fileName));

    const parts: Buffer[] = [];
    for (let offset = 0; ; ) {
      const chunk = await office.call('exchange.bundle.downloadChunk', { sequence: exp.sequence, offset, length: 1000 });
      expect(chunk).toMatchObject({ fileName: exp.fileName, size: onDisk.length, offset });
      const bytes = Buffer.from(chunk.contentBase64, 'base64');
      if (bytes.length === 0) break;
      parts.push(bytes);
      offset += bytes.length;
    }
    const downloaded = Buffer.concat(parts);
    expect(parts.length).toBeGreaterThan(2);
    expect(sha(downloaded)).toBe(sha(onDisk));

    const { uploadId, chunkBytes } = await province.call('exchange.upload.begin', { fileName: exp.fileName, size: downloaded.length });
    expect(chunkBytes).toBe(16 * 1024 * 1024);
    const half = Math.floor(downloaded.length / 2);
    expect(await province.call('exchange.upload.append', { uploadId, offset: 0, contentBase64: downloaded.subarray(0, half).toString('base64') })).toEqual({ received: half });
    // The same chunk again (a retry after a lost answer) is refused with the offset to resume from.
    await expect(province.call('exchange.upload.append', { uploadId, offset: 0, contentBase64: downloaded.subarray(0, half).toString('base64') })).rejects.toMatchObject({
      code: 'UPLOAD_OFFSET_MISMATCH',
      details: { expected: half },
    });
    await province.call('exchange.upload.append', { uploadId, offset: half, contentBase64: downloaded.subarray(half).toString('base64') });

    const [result] = await province.call('exchange.bundle.import', { files: [{ fileName: exp.fileName, uploadId }] });
    expect(result.error).toBeNull();
    expect(result.status).toBe('imported');
    expect(result.counts.ntm_value?.inserted).toBeGreaterThan(0);
    // Used once: the part is gone, and naming it again is a clear error.
    expect(readdirSync(uploadsDir(province.dir))).toEqual([]);
    await expect(province.call('exchange.bundle.import', { files: [{ fileName: exp.fileName, uploadId }] })).rejects.toMatchObject({ code: 'UPLOAD_NOT_FOUND' });
  });

  it('refuses an upload id that is not one (no path can be smuggled in) and a file over the limit', async () => {
    await expect(province.call('exchange.bundle.import', { files: [{ fileName: 'x.ntmb', uploadId: '../../ntm-desk.sqlite' }] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(province.call('exchange.upload.begin', { fileName: 'huge.ntmb', size: 5 * 1024 ** 3 })).rejects.toMatchObject({ code: 'UPLOAD_TOO_LARGE' });
    // Small files still go as base64 in one call.
    const exp = await office.call('exchange.bundle.export', { mode: 'incremental', periods: [] });
    const [r] = await province.call('exchange.bundle.import', { files: [fileInput(join(exportsDir(office.dir), exp.fileName))] });
    expect(r.status).toBe('imported');
  });
});
