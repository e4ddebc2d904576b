/** One problem found in a catalog document, located for an editor or import report. */
export type CatalogIssue = {
  /** Path in the document, e.g. `criteria[9].indicators[0].thresholds[2].test.value`; "" is the whole document. */
  path: string;
  /** Vietnamese description for the person fixing the catalog. */
  message: string;
};

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
