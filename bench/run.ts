import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench } from './bench';

/**
 * `npm run bench [-- NAME…]`: runs every bench/*.bench.ts (or those whose file name contains a NAME) and
 * prints one line per result. NTM_BENCH_SCALE (default 1) multiplies the repetitions.
 */
const scale = Number(process.env.NTM_BENCH_SCALE ?? '1');
if (!(scale > 0)) throw new Error(`NTM_BENCH_SCALE must be a positive number, got "${process.env.NTM_BENCH_SCALE}"`);
const filters = process.argv.slice(2);
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
  .sort();

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3));

for (const file of files) {
  const mod = (await import(pathToFileURL(join(import.meta.dirname, file)).href)) as { bench: Bench };
  for (const r of await mod.bench.run(scale)) {
    console.log(
      `${r.name}: ratio ${(r.subjectMs / r.baselineMs).toFixed(2)} (baseline ${ms(r.baselineMs)} ms, subject ${ms(r.subjectMs)} ms)${r.note ? ` — ${r.note}` : ''}`,
    );
  }
}
