import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { Shell } from './page-models/Shell';
import { UnitsPage } from './page-models/UnitsPage';
import { startWebHost, type WebHost } from './webHost';

let host: WebHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

const SHOTS = 'test-results/screenshots';
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/reform-${name}.png`, style: '.mantine-Notifications-root { display: none !important; }' });
}

/**
 * The data come from e2e/fixtures/seedReform.ts, run through the app's own services before the web host starts:
 * records entered under Nậm Càn when the office was the district office of Kỳ Sơn, then the office became Na Ngoi's.
 */
test('a new commune shows its predecessors, with the resolution, and their NTM recognitions next to its own', async ({ page }) => {
  test.setTimeout(180_000);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const dataDir = mkdtempSync(join(tmpdir(), 'ntm-e2e-reform-'));
  execFileSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'fixtures', 'seedReform.ts'), dataDir], { cwd: resolve(import.meta.dirname, '..') });
  host = await startWebHost({ dataDir });
  await page.goto(host.url);
  await new Shell(page).expectOffice('Phòng Kinh tế xã Na Ngoi');

  // Search by the old name: Na Ngoi is found through Nậm Càn.
  const units = new UnitsPage(page);
  await units.open();
  await units.search('nam can');
  await expect(units.result('16870')).toContainText('Xã Na Ngoi');
  await expect(units.result('16870')).toContainText('trước đây: Xã Nậm Càn');
  await shot(page, 'search');
  await units.result('16870').getByRole('link', { name: 'Xã Na Ngoi' }).click();

  await expect(page.getByTestId('unit-title')).toHaveText('Xã Na Ngoi');
  await expect(units.predecessor('16873')).toContainText('Xã Nậm Càn');
  await expect(units.predecessor('16873')).toContainText('Toàn bộ');
  await expect(units.predecessor('16873')).toContainText(/Nghị quyết \d+\/NQ-UBTVQH15/);
  await shot(page, 'unit');

  await page.getByRole('link', { name: 'Hồ sơ NTM của xã' }).click();
  await expect(page.getByTestId('commune-title')).toHaveText('Xã Na Ngoi');
  const history = page.getByTestId('reform-history');
  await expect(history.getByTestId('reform-history-new-16870')).toContainText('QĐ 77/QĐ-UBND ngày 20/01/2026');
  await expect(history.getByTestId('reform-history-old-16873')).toContainText('QĐ 1234/QĐ-UBND ngày 15/12/2020');
  await expect(history.getByTestId('reform-history-old-16873')).toContainText('Quý II/2025');
  await expect(history.getByTestId('reform-history-old-16870')).toContainText('QĐ 2210/QĐ-UBND ngày 05/08/2022');
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'ntm-history');
  await history.screenshot({ path: `${SHOTS}/reform-ntm-history-card.png` });
  expect(errors).toEqual([]);
});
