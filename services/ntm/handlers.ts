import type { ntmContract } from '../../core/contract/ntm';
import { parsePeriod } from '../../core/ntm/period';
import type { HandlersFor } from '../handlers/types';
import { addEvidence, assessmentView, copyPrevious, getEvidence, setStatus, setValue } from './assessment';
import { getCatalogDocument, importCatalog, listCatalogs, loadCatalog } from './catalogs';
import { communeRows, communeView, currentLevels, officeScope, setProfiles } from './communes';
import { ntmHistory } from './history';
import { matrix, overview } from './matrix';
import { addRecognition, listRecognitions, revokeRecognition } from './recognitions';
import { exportQuarterXlsx, quarterXlsxFileName } from './xlsx/exportQuarterXlsx';
import { importQuarterXlsx } from './xlsx/importQuarterXlsx';

export const ntmHandlers = {
  'ntm.catalogs.list': (ctx) => listCatalogs(ctx),
  'ntm.catalogs.get': (ctx, input) => getCatalogDocument(ctx, input.id, input.revision),
  'ntm.catalogs.import': (ctx, input) => importCatalog(ctx, input.document),
  'ntm.communes.list': async (ctx) => {
    const scope = await officeScope(ctx);
    const rows = await communeRows(ctx, scope);
    const levels = await currentLevels(ctx, rows.map((r) => r.id));
    return rows.map((r) => communeView(r, levels.get(r.id) ?? null));
  },
  'ntm.communes.setProfile': (ctx, input) => setProfiles(ctx, input),
  'ntm.assessment.get': (ctx, input) => assessmentView(ctx, input),
  'ntm.assessment.setValue': (ctx, input) => setValue(ctx, input),
  'ntm.assessment.setStatus': (ctx, input) => setStatus(ctx, input),
  'ntm.assessment.copyPrevious': (ctx, input) => copyPrevious(ctx, input),
  'ntm.matrix': (ctx, input) => matrix(ctx, input),
  'ntm.overview': (ctx, input) => overview(ctx, input),
  'ntm.recognitions.list': (ctx, input) => listRecognitions(ctx, input),
  'ntm.recognitions.add': (ctx, input) => addRecognition(ctx, input),
  'ntm.recognitions.revoke': (ctx, input) => revokeRecognition(ctx, input),
  'ntm.evidence.add': (ctx, input) => addEvidence(ctx, input),
  'ntm.evidence.get': (ctx, input) => getEvidence(ctx, input.sha256),
  'ntm.xlsx.export': async (ctx, input) => {
    const content = await exportQuarterXlsx(ctx, input);
    const { catalog } = await loadCatalog(ctx, input.catalogId, parsePeriod(input.period).year);
    return { fileName: quarterXlsxFileName(input.period, catalog.id), contentBase64: content.toString('base64') };
  },
  'ntm.xlsx.import': (ctx, input) =>
    importQuarterXlsx(ctx, { period: input.period, catalogId: input.catalogId, content: Buffer.from(input.contentBase64, 'base64') }),
  'ntm.history': (ctx, input) => ntmHistory(ctx, input),
} satisfies HandlersFor<keyof typeof ntmContract>;
