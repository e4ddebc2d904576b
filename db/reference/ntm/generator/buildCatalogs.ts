import { parseCatalog, type Catalog } from '../../../../core/ntm';
import { build1980 } from './build1980';
import { build318 } from './build318';
import { build318NangCao } from './build318NangCao';
import { build319 } from './build319';
import { build491 } from './build491';
import { build51 } from './build51';
import { sourceDocumentSchema } from './sourceDocument';

/** File name of a shipped catalog, from its id. */
export function catalogFileName(catalog: Pick<Catalog, 'id'>): string {
  return `${catalog.id.toLowerCase()}.json`;
}

/** Builds every shipped catalog from the research file and checks each through the app's own parser. */
export function buildCatalogs(researchFile: unknown): Catalog[] {
  const doc = sourceDocumentSchema.parse(researchFile);
  const catalogs = [build318(doc), build318NangCao(), build319(doc), build51(doc), build1980(doc), build491(doc)];
  return catalogs.map((catalog) => parseCatalog(catalog));
}
