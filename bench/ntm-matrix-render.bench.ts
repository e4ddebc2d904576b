import { rmSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { startWebHost } from '../e2e/webHost';
import type { Bench, BenchResult } from './bench';
import { provinceOffice } from './ntm-matrix.bench';

/**
 * The NTM matrix as a person meets it, in Debian's Chromium through the web host: 3,321 communes against 33,
 * same office shape and data (bench/ntm-matrix.bench.ts builds both). Two timings, medians of `runs`:
 * opening the matrix (fetch + first paint), filtering to one commune by its code and back (client-side, the
 * whole list re-filtered and re-rendered).
 * The filter ratio is the render cost: the goal is that it stays close to 1.
 */
const MATRIX = '#/ntm/matrix/2025-Q2';

async function median(fn: () => Promise<number>, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await fn());
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function measure(communes: number, runs: number): Promise<{ open: number; filter: number }> {
  const { app, dir } = await provinceOffice(communes);
  app.close();
  const host = await startWebHost({ dataDir: dir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    page.setDefaultTimeout(180_000);
    await page.goto(host.url);
    await page.getByTestId('overview-office').waitFor({ timeout: 180_000 });
    const open = await median(async () => {
      await page.evaluate("window.location.hash = '#/overview'");
      await page.getByTestId('overview-office').waitFor({ timeout: 180_000 });
      const t0 = performance.now();
      await page.evaluate(`window.location.hash = '${MATRIX}'`);
      await page.getByTestId('ntm-matrix').locator('[role=row][data-unit]').first().waitFor({ timeout: 180_000 });
      return performance.now() - t0;
    }, runs);
    const firstUnit = (await page.getByTestId('ntm-matrix').locator('[role=row][data-unit]').first().getAttribute('data-unit')) ?? '';
    const filter = await median(async () => {
      const t0 = performance.now();
      await page.getByTestId('matrix-search').fill(firstUnit);
      await waitForCount(page, (shown, total) => shown < total);
      await page.getByTestId('matrix-search').fill('');
      await waitForCount(page, (shown, total) => shown === total && total === communes);
      return performance.now() - t0;
    }, runs);
    return { open, filter };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until the matrix's "Hiển thị N/M xã" count satisfies `done`. */
async function waitForCount(page: Page, done: (shown: number, total: number) => boolean): Promise<void> {
  const count = page.getByTestId('matrix-count');
  for (let i = 0; i < 4000; i++) {
    // Counts are written Vietnamese style ("3.321/3.321 xã"): read them without the thousands separator.
    const m = /(\d+)\/(\d+)/.exec(((await count.textContent()) ?? '').replace(/\./g, ''));
    if (m && done(Number(m[1]), Number(m[2]))) return;
    await page.waitForTimeout(5);
  }
  throw new Error('the matrix count did not reach the expected value');
}

export const bench: Bench = {
  run: async (scale) => {
    const runs = Math.max(3, Math.round(3 * scale));
    const small = await measure(33, runs);
    const large = await measure(3321, runs);
    const results: BenchResult[] = [
      { name: 'ntm-matrix-render open (3,321 vs 33 communes)', baselineMs: small.open, subjectMs: large.open, note: 'includes fetching the quarter' },
      { name: 'ntm-matrix-render filter (3,321 vs 33 communes)', baselineMs: small.filter, subjectMs: large.filter },
    ];
    return results;
  },
};
