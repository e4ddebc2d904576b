import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ExchangePage } from './page-models/ExchangePage';
import { SetupPage } from './page-models/SetupPage';
import { Shell } from './page-models/Shell';
import { startWebHost, type WebHost } from './webHost';

const SHOTS = 'test-results/screenshots';
const hosts: WebHost[] = [];
const files = mkdtempSync(join(tmpdir(), 'ntm-e2e-exchange-'));
test.afterAll(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  rmSync(files, { recursive: true, force: true });
});

async function openHost(browser: Browser): Promise<{ page: Page; host: WebHost }> {
  const host = await startWebHost();
  hosts.push(host);
  const context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(host.url);
  return { page, host };
}

/** Calls the contract from inside the page (same origin, the page's own per-run secret). */
async function callInPage(page: Page, method: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, i]) => {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-NTM-Secret': sessionStorage.getItem('ntm-desk-secret') ?? '' },
        body: JSON.stringify({ method: m, input: i }),
      });
      return res.json();
    },
    [method, input] as const,
  );
}

test('an office sends its data to the province: keys exchanged with fingerprints, export, import, log', async ({ browser }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });

  // The province office.
  const province = await openHost(browser);
  const pSetup = new SetupPage(province.page);
  await pSetup.chooseKind(/Cấp tỉnh/);
  await pSetup.pick('province-select', 'lai chau', /Lai Châu/);
  await pSetup.fill('Văn phòng Điều phối NTM tỉnh Lai Châu', 'UBND TỈNH LAI CHÂU', 'Trần Văn Nam');
  await pSetup.submit();
  await new Shell(province.page).go('exchange');
  const pEx = new ExchangePage(province.page);
  await expect(province.page.getByText('Chế độ tỉnh')).toBeVisible();
  await pEx.generateKeys('mật khẩu tỉnh 2026');
  const provinceFingerprint = await pEx.fingerprint('encryption');
  const recipientFile = join(files, 'T12-khoa-nhan.txt');
  await pEx.download('export-public-encryption', recipientFile);

  // The commune office.
  const office = await openHost(browser);
  const oSetup = new SetupPage(office.page);
  await oSetup.chooseKind(/UBND xã/);
  await oSetup.pick('province-select', 'lai chau', /Lai Châu/);
  await oSetup.pick('unit-select', 'binh lu', /Xã Bình Lư/);
  await oSetup.fill('UBND xã Bình Lư', 'UBND XÃ BÌNH LƯ', 'Lò Thị Mai');
  await oSetup.submit();
  const created = (await callInPage(office.page, 'ntm.communes.setProfile', { unitCodes: ['03390'], region: 'TDMNPB', group: 1 })) as { ok: boolean };
  expect(created.ok).toBe(true);
  await new Shell(office.page).go('exchange');
  const oEx = new ExchangePage(office.page);
  await oEx.generateKeys('mật khẩu xã 2026');
  const officeFingerprint = await oEx.fingerprint('signing');
  await oEx.upload('import-recipient-input', [recipientFile]);
  // What the person at the office reads back over the phone.
  await expect(office.page.getByTestId('recipient-fingerprint')).toHaveText(provinceFingerprint);
  const officeKeyFile = join(files, 'X03390.pub');
  await oEx.download('export-public-signing', officeKeyFile);

  // The province registers the office's key and checks the fingerprint.
  await pEx.upload('import-office-key-input', [officeKeyFile]);
  await expect(province.page.getByTestId('offices-table')).toContainText('X03390');
  await expect(province.page.getByTestId('offices-table')).toContainText(officeFingerprint);

  // The office exports everything, with progress, and the file downloads.
  await oEx.enterPassphrase('mật khẩu xã 2026');
  await office.page.getByText('Toàn bộ dữ liệu').click();
  const bundleFile = join(files, 'X03390-1.ntmb');
  await oEx.download('export-bundle', bundleFile);
  await expect(office.page.getByTestId('exports-table')).toContainText('Xã: 1');
  await office.page.screenshot({ path: `${SHOTS}/exchange-office.png`, fullPage: true });

  // The province imports it, and sees it in the log; the same file again is refused.
  await pEx.enterPassphrase('mật khẩu tỉnh 2026');
  await pEx.upload('import-bundles-input', [bundleFile]);
  await expect(province.page.getByTestId('import-results')).toContainText('Đã nhập', { timeout: 30_000 });
  await expect(province.page.getByTestId('import-log')).toContainText('UBND xã Bình Lư (X03390)');
  await expect(province.page.getByTestId('offices-table')).toContainText('Số 1');
  await pEx.upload('import-bundles-input', [bundleFile]);
  await expect(province.page.getByTestId('import-results')).toContainText('Từ chối', { timeout: 30_000 });
  await expect(province.page.getByTestId('import-results')).toContainText('đã được nhập trước đây');
  await expect(province.page.getByTestId('import-log')).toContainText('Từ chối');
  await province.page.screenshot({ path: `${SHOTS}/exchange-province.png`, fullPage: true });

  // A file larger than one request (60 MB, beyond the web host's 48 MB limit) goes up in chunks and reaches the
  // bundle reader, which refuses it for what it is (not an age file), not for its size.
  const big = join(files, 'lon.ntmb');
  writeFileSync(big, randomBytes(60 * 1024 * 1024));
  await pEx.upload('import-bundles-input', [big]);
  await expect(province.page.getByTestId('import-results')).toContainText('lon.ntmb', { timeout: 60_000 });
  await expect(province.page.getByTestId('import-results')).toContainText('Từ chối');
  await expect(province.page.getByTestId('import-results')).not.toContainText('quá lớn');
});
