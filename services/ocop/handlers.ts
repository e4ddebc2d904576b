import type { ocopContract, OcopMeta } from '../../core/contract/index';
import type { HandlersFor } from '../handlers/types';
import { assembleDossier } from './assemble';
import { ocopCatalog, ocopSheet } from './catalog';
import { dueSoon, issueCertificate, listCertificates, listRounds, revokeCertificate } from './certificates';
import { addDossierFile, getDossier, getDossierFile, removeDossierFile, setDossierState } from './dossier';
import { getEvaluation, listEvaluations, saveEvaluation } from './evaluations';
import { generateForm } from './forms/formsService';
import { deleteProducer, getProducer, listProducers, saveProducer } from './producers';
import { deleteProduct, getProduct, listProducts, saveProduct, setProductStatus } from './products';

function meta(): OcopMeta {
  const catalog = ocopCatalog();
  return {
    currentVersion: catalog.currentVersion,
    versions: catalog.versions.map((v) => ({
      id: v.id,
      decision: v.decision,
      status: v.status,
      sheets: v.sheets.map((s) => ({ no: s.no, name: s.name, verified: s.verified })),
    })),
  };
}

export const ocopHandlers = {
  'ocop.meta': async () => meta(),
  'ocop.sheets.get': async (_ctx, input) => {
    const { version, sheet } = ocopSheet(input.version, input.sheetNo);
    const { sheets: _sheets, ...rest } = version;
    return { version: rest, sheet };
  },
  'ocop.producers.list': (ctx, input) => listProducers(ctx, input),
  'ocop.producers.get': (ctx, input) => getProducer(ctx, input.id),
  'ocop.producers.save': (ctx, input) => saveProducer(ctx, input),
  'ocop.producers.delete': (ctx, input) => deleteProducer(ctx, input.id),
  'ocop.products.list': (ctx, input) => listProducts(ctx, input),
  'ocop.products.get': (ctx, input) => getProduct(ctx, input.id),
  'ocop.products.save': (ctx, input) => saveProduct(ctx, input),
  'ocop.products.setStatus': (ctx, input) => setProductStatus(ctx, input),
  'ocop.products.delete': (ctx, input) => deleteProduct(ctx, input.id),
  'ocop.evaluations.list': (ctx, input) => listEvaluations(ctx, input.productId),
  'ocop.evaluations.get': (ctx, input) => getEvaluation(ctx, input.id),
  'ocop.evaluations.save': (ctx, input) => saveEvaluation(ctx, input),
  'ocop.certificates.list': (ctx, input) => listCertificates(ctx, input.productId),
  'ocop.certificates.issue': (ctx, input) => issueCertificate(ctx, input),
  'ocop.certificates.revoke': (ctx, input) => revokeCertificate(ctx, input),
  'ocop.dueSoon': (ctx, input) => dueSoon(ctx, input),
  'ocop.rounds.list': (ctx, input) => listRounds(ctx, input.year),
  'ocop.dossier.get': (ctx, input) => getDossier(ctx, input.productId),
  'ocop.dossier.addFile': (ctx, input) => addDossierFile(ctx, input),
  'ocop.dossier.removeFile': (ctx, input) => removeDossierFile(ctx, input.id),
  'ocop.dossier.getFile': (ctx, input) => getDossierFile(ctx, input.id),
  'ocop.dossier.setState': (ctx, input) => setDossierState(ctx, input),
  'ocop.forms.generate': (ctx, input) => generateForm(ctx, input),
  'ocop.dossier.assemble': (ctx, input) => assembleDossier(ctx, input.productId),
} satisfies HandlersFor<keyof typeof ocopContract>;
