import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../core/errors';
import { openApp, type AppHandle } from '../app';

/**
 * Test support for the OCOP services: a real data folder in a temp directory, set up as the commune office of Xã
 * Bình Lư (Lai Châu), a fixed clock, and a dispatch that throws the AppError it receives. Not used by the app.
 */
export type OcopTestApp = {
  app: AppHandle;
  dir: string;
  call: <T = any>(method: string, input: unknown) => Promise<T>;
  close: () => void;
};

export async function openOcopTestApp(now = '2026-11-23T08:00:00Z'): Promise<OcopTestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'ntm-ocop-'));
  const clock = new Date(now);
  const app = await openApp({ dataDir: dir, now: () => clock });
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = await app.dispatch(method, input);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as T;
  };
  await call('setup.complete', {
    kind: 'commune', provinceCode: '12', unitCode: '03390', officeName: 'Phòng Kinh tế xã Bình Lư', parentBodyName: 'UBND XÃ BÌNH LƯ', staffName: 'Nguyễn Thị Hoa',
  });
  return {
    app,
    dir,
    call,
    close: () => {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PRODUCER_INPUT = {
  kind: 'hop_tac_xa',
  name: 'Hợp tác xã Chè Shan tuyết Bình Lư',
  taxCode: '6200123456',
  legalRepName: 'Lò Văn Dũng',
  legalRepTitle: 'Giám đốc',
  legalRepGender: 'nam',
  legalRepEthnicity: 'Thái',
  address: 'Bản Nà Ít',
  unitCode: '03390',
  phone: '0912 345 678',
  email: 'htx.chebinhlu@example.vn',
};

/** A 1×1 PNG. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/** Reads every entry of a ZIP (stored or deflated) from its central directory. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    out.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
