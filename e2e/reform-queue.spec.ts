import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { Shell } from './page-models/Shell';
import { UnitsPage } from './page-models/UnitsPage';
import { startWebHost, type WebHost } from './webHost';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const SHOTS = 'test-results/screenshots';

/** Calls the running web host the way the renderer does (for checks the UI does not show). */
async function api<R>(h: WebHost, method: string, input: unknown): Promise<R> {
  const res = await fetch(`http://127.0.0.1:${h.port}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-NTM-Secret': h.secret },
    body: JSON.stringify({ method, input }),
  });
  const r = (await res.json()) as { ok: true; value: R } | { ok: false; error: { message: string } };
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/**
 * The data come from e2e/fixtures/seedReformQueue.ts: a producer and product of Xã Nậm Càn (merged wholly into Xã Na
 * Ngoi) and two producers with a product each of Xã Hòa Sơn (split between Xã Vĩnh Tường and Xã Văn Hiến).
 */
test('re-pointing: preview, run, then confirm one split-commune record from its candidates and put one off', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const dataDir = mkdtempSync(join(tmpdir(), 'ntm-e2e-reform-queue-'));
  execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'fixtures', 'seedReformQueue.ts'), dataDir], { cwd: resolve(import.meta.dirname, '..') });
  host = await startWebHost({ dataDir });
  await page.goto(host.url);
  await new Shell(page).expectOffice('Văn phòng điều phối NTM tỉnh Nghệ An');
  await new UnitsPage(page).open();

  const panel = page.getByTestId('reform-panel');
  await expect(panel.getByRole('heading', { name: 'Chuyển hồ sơ sang đơn vị mới' })).toBeVisible();
  await expect(panel.getByTestId('reform-queue-empty')).toBeVisible();

  // Preview: the Nậm Càn pair would move to Na Ngoi, the four Hòa Sơn records would wait; nothing changes yet.
  await panel.getByTestId('reform-preview').click();
  const plan = panel.getByTestId('reform-plan');
  await expect(plan.getByTestId('reform-counts')).toHaveText('Sẽ chuyển: 2 · Chờ xác nhận: 4');
  await expect(plan.getByTestId('reform-repointed')).toContainText('HTX Chè Nậm Càn');
  await expect(plan.getByTestId('reform-repointed')).toContainText('Xã Nậm Càn (mã 16873)');
  await expect(plan.getByTestId('reform-repointed')).toContainText('Xã Na Ngoi (mã 16870)');
  await expect(plan.getByTestId('reform-repointed')).toContainText(/Nghị quyết \d+\/NQ-UBTVQH15/);
  await expect(panel.getByTestId('reform-queue-empty')).toBeVisible();
  expect((await api<{ unitCode: string }[]>(host, 'ocop.producers.list', { query: 'Nậm Càn' }))[0]!.unitCode).toBe('16873');

  // Run, after the confirmation.
  await panel.getByTestId('reform-run').click();
  const dialog = page.getByRole('dialog', { name: 'Chuyển hồ sơ sang đơn vị mới' });
  await expect(dialog).toContainText('Theo lần xem trước: 2 hồ sơ được chuyển, 4 hồ sơ chờ xác nhận.');
  await dialog.getByTestId('reform-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByTestId('reform-done').getByTestId('reform-counts')).toHaveText('Đã chuyển: 2 · Chờ xác nhận: 4');
  expect((await api<{ unitCode: string }[]>(host, 'ocop.producers.list', { query: 'Nậm Càn' }))[0]!.unitCode).toBe('16870');

  const queue = panel.getByTestId('reform-queue');
  const rows = queue.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const producerRow = (name: string) => rows.filter({ hasText: 'Chủ thể OCOP' }).filter({ hasText: name });
  const cam = producerRow('HTX Cam Hòa Sơn');
  await expect(cam).toContainText('Xã Hòa Sơn (mã 17647)');
  await expect(cam).toContainText('Xã Vĩnh Tường');
  await expect(cam).toContainText('Xã Văn Hiến');
  await expect(cam).toContainText('Một phần');

  // The resolution clause is in the tooltip of each candidate.
  await cam.getByTestId('reform-clause-17677').hover();
  await expect(page.getByRole('tooltip')).toContainText('Hòa Sơn');

  // Pick Văn Hiến for the Cam producer; it leaves the queue and is moved, with an audit entry.
  await cam.getByRole('combobox', { name: 'Đơn vị mới của HTX Cam Hòa Sơn' }).click();
  await page.getByRole('option', { name: 'Xã Văn Hiến (mã 17677)' }).click();
  await cam.getByRole('button', { name: 'Xác nhận' }).click();
  await expect(rows).toHaveCount(3);
  await expect(producerRow('HTX Cam Hòa Sơn')).toHaveCount(0);
  const [camProducer] = await api<{ id: string; unitCode: string }[]>(host, 'ocop.producers.list', { query: 'Cam Hòa Sơn' });
  expect(camProducer!.unitCode).toBe('17677');
  const [entry] = await api<{ action: string; after: { unitCode: string; share: string } }[]>(host, 'audit.list', { entity: 'ocop_producer', entityId: camProducer!.id, limit: 1 });
  expect(entry).toMatchObject({ action: 'reform_repoint', after: { unitCode: '17677', share: 'partial' } });

  // "Để sau" keeps the other one in the queue, marked, and unchanged.
  const honey = producerRow('HTX Mật ong Hòa Sơn');
  await honey.getByRole('button', { name: 'Để sau' }).click();
  await expect(honey.locator('.mantine-Badge-root', { hasText: 'Để sau' })).toBeVisible();
  await expect(rows).toHaveCount(3);
  expect((await api<{ unitCode: string }[]>(host, 'ocop.producers.list', { query: 'Mật ong Hòa Sơn' }))[0]!.unitCode).toBe('17647');

  // The queue as left: Văn Hiến's producer gone, the honey producer marked "Để sau", with a clause tooltip open.
  await rows.first().getByTestId('reform-clause-17677').hover();
  await expect(page.getByRole('tooltip')).toHaveCSS('opacity', '1');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/reform-queue.png`, style: '.mantine-Notifications-root { display: none !important; }' });
  expect(errors).toEqual([]);
});
