/**
 * Regenerates the shipped NTM catalogs and the published JSON Schema of the catalog format.
 *
 *   npx tsx db/reference/ntm/generate.ts [path/to/ntm-commune-criteria.json]
 *
 * Default input: the project's research file /work/shared/domain/ntm-commune-criteria.json (resolved relative to
 * this folder). The output JSON files are committed; the app loads them, never this script.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogs, catalogFileName } from './generator/buildCatalogs';
import { catalogJsonSchema } from './generator/catalogJsonSchema';

const here = dirname(fileURLToPath(import.meta.url));
const input = resolve(process.argv[2] ?? join(here, '../../../../shared/domain/ntm-commune-criteria.json'));

const catalogs = buildCatalogs(JSON.parse(readFileSync(input, 'utf8')));
for (const catalog of catalogs) {
  writeFileSync(join(here, catalogFileName(catalog)), `${JSON.stringify(catalog, null, 2)}\n`);
}
writeFileSync(join(here, 'catalog.schema.json'), `${JSON.stringify(catalogJsonSchema(), null, 2)}\n`);
console.log(`Wrote ${catalogs.length} catalogs and catalog.schema.json from ${input}`);
