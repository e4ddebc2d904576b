import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOcopTestApp, PRODUCER_INPUT, TINY_PNG_BASE64 } from '../../services/ocop/testing';
import { runCliForTest } from '../testKit';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const cli = (...argv: string[]) => runCliForTest(argv);

/** A data folder with one registered product, closed so that the CLI opens it as a person would. */
async function officeWithProduct(complete: boolean): Promise<{ dir: string; productId: string }> {
  const t = await openOcopTestApp();
  dirs.push(t.dir);
  const producer = await t.call<{ id: string }>('ocop.producers.save', PRODUCER_INPUT);
  const p = await t.call<{ id: string }>('ocop.products.save', { producerId: producer.id, name: 'Chè Shan tuyết Bình Lư', unitCode: '03390', sheetNo: 11 });
  if (complete) {
    await t.call('ocop.dossier.addFile', { productId: p.id, itemId: 'van_ban_xa', fileName: 'Tờ trình.png', contentBase64: TINY_PNG_BASE64 });
    await t.call('ocop.dossier.setState', { productId: p.id, itemId: 'san_pham_mau', state: 'received' });
  }
  t.app.close();
  return { dir: t.dir, productId: p.id };
}

describe('ocop CLI', () => {
  it('ocop products list shows the code, the status and the dossier count', async () => {
    const { dir } = await officeWithProduct(false);
    const r = await cli('ocop', 'products', 'list', '--data-dir', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('12-03390-1-2026');
    expect(r.out).toContain('Chè Shan tuyết Bình Lư — Hợp tác xã Chè Shan tuyết Bình Lư [Đăng ký]');
    expect(r.out).toContain('hồ sơ 3/5');
  });

  it('ocop dossier refuses an incomplete dossier and names what is missing', async () => {
    const { dir } = await officeWithProduct(false);
    const out = mkdtempSync(join(tmpdir(), 'ocop-out-'));
    dirs.push(out);
    const r = await cli('ocop', 'dossier', '--product', '12-03390-1-2026', '--out', out, '--data-dir', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('OCOP_DOSSIER_INCOMPLETE');
    expect(r.err).toContain('Văn bản của UBND cấp xã đề nghị');
  });

  it('ocop dossier --product ID --out DIR writes the PDF and the ZIP', async () => {
    const { dir, productId } = await officeWithProduct(true);
    const out = mkdtempSync(join(tmpdir(), 'ocop-out-'));
    dirs.push(out);
    const r = await cli('ocop', 'dossier', '--product', productId, '--out', out, '--data-dir', dir, '--json');
    expect(r.code).toBe(0);
    const value = JSON.parse(r.out).value as { pdf: string; zip: string; pageCount: number };
    expect(existsSync(value.pdf) && existsSync(value.zip)).toBe(true);
    const info = execFileSync('pdfinfo', [value.pdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(value.pageCount);
  });
});
