/**
 * Saves of one page run one after another, in the order the person made them. Two concurrent first entries
 * of a quarter would otherwise both try to create its draft assessment, and a late reply could overwrite
 * a newer view in the cache.
 */
let tail: Promise<unknown> = Promise.resolve();

export function enqueueSave<T>(job: () => Promise<T>): Promise<T> {
  const next = tail.then(job, job);
  tail = next.catch(() => undefined);
  return next;
}
