/**
 * A benchmark compares a subject with a baseline measured in the same run, so the ratio means something on
 * any machine. No thresholds and no assertions: `npm run bench` prints, people judge.
 */
export type BenchResult = { name: string; baselineMs: number; subjectMs: number; note?: string };

export type Bench = {
  /** Runs the benchmark; `scale` (NTM_BENCH_SCALE, default 1) multiplies the repetitions. */
  run: (scale: number) => Promise<BenchResult[]>;
};

/** Median wall time of `runs` calls, after `warmup` untimed ones. */
export async function medianMs(fn: () => unknown, runs: number, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same rows. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
