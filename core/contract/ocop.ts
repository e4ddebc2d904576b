import { z } from 'zod';
import type { OcopSheet, OcopVersion } from '../ocop/catalogModel';
import type { DossierStage, RegistrationKind } from '../ocop/dossierChecklist';
import type { ReEvaluationWindow } from '../ocop/certificate';
import { DISQUALIFICATION_REASONS, type DisqualificationReason } from '../ocop/disqualification';
import type { EvaluationRound } from '../ocop/evaluationRounds';
import { PRODUCER_KIND_CODES, type ProducerKind } from '../ocop/producerKinds';
import { PRODUCT_STATUS_CODES, type ProductStatus } from '../ocop/productLifecycle';
import type { ScorePreview } from '../ocop/previewScore';
import { isoDate, optionalText, text } from './fields';
import { method } from './method';

const id = z.string().uuid();
const communeCode = z.string().regex(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số (QĐ 19/2025/QĐ-TTg).' });
const sheetNo = z.number().int().min(1).max(26);
const versionId = z.string().min(1).max(50);
const registrationKind = z.enum(['first', 'upgrade', 're_evaluation']);
const evaluationLevel = z.enum(['self', 'commune', 'province', 'central']);
const disqualificationReason = z.enum(Object.keys(DISQUALIFICATION_REASONS) as [DisqualificationReason, ...DisqualificationReason[]]);
export const ocopAnswersSchema = z.record(z.string().max(20), z.union([z.number().int().min(1).max(20), z.boolean()]));

/** Mẫu số 02 (Phần I mục 7–9, Phần II, Phần IV): what the owner writes about the product; checkboxes of mục 7. */
export const selfReportSchema = z.object({
  specification: optionalText(4000),
  hasBusinessRegistration: z.boolean().optional(),
  qualityDeclared: z.boolean().optional(),
  foodSafetyCertificate: z.boolean().optional(),
  productionConditionCertificate: z.boolean().optional(),
  intellectualProperty: z.array(z.enum(['nhan_hieu', 'chi_dan_dia_ly', 'sang_che', 'kieu_dang', 'ban_quyen', 'khac'])).optional(),
  intellectualPropertyOther: optionalText(500),
  history: optionalText(8000),
  organisation: optionalText(8000),
  businessResults: optionalText(8000),
  plan: optionalText(8000),
});
export type OcopSelfReport = z.output<typeof selfReportSchema>;

/** Mẫu số 03, mục II: the commune's assessment of four contents of the dossier. */
export const communeReportSchema = z.object({
  localMaterials: optionalText(8000),
  localLabour: optionalText(8000),
  ideaOrigin: optionalText(8000),
  localIdentity: optionalText(8000),
});
export type OcopCommuneReport = z.output<typeof communeReportSchema>;

export const ocopSchemas = {
  meta: z.object({}).strict(),
  sheetGet: z.object({ version: versionId.optional(), sheetNo }),
  producersList: z.object({ query: z.string().max(100).optional() }),
  producerGet: z.object({ id }),
  producerSave: z.object({
    id: id.optional(),
    kind: z.enum(PRODUCER_KIND_CODES),
    name: text(300),
    taxCode: optionalText(50),
    legalRepName: text(150),
    legalRepTitle: optionalText(100),
    legalRepGender: z.enum(['nam', 'nu']).nullable().optional(),
    legalRepEthnicity: optionalText(50),
    legalRepAddress: optionalText(500),
    address: text(500),
    unitCode: communeCode,
    phone: optionalText(50),
    email: optionalText(200),
    foundedOn: isoDate.nullable().optional(),
    note: optionalText(2000),
  }),
  remove: z.object({ id }),
  productsList: z.object({
    query: z.string().max(100).optional(),
    status: z.enum(PRODUCT_STATUS_CODES).optional(),
    producerId: id.optional(),
  }),
  productGet: z.object({ id }),
  productSave: z.object({
    id: id.optional(),
    producerId: id,
    name: text(300),
    unitCode: communeCode,
    sheetNo,
    registrationKind: registrationKind.default('first'),
    description: optionalText(4000),
    /** Year written at the end of the product code; the registration year when omitted. */
    codeYear: z.number().int().min(2000).max(2100).optional(),
    selfReport: selfReportSchema.optional(),
    communeReport: communeReportSchema.optional(),
  }),
  productSetStatus: z.object({
    id,
    status: z.enum(PRODUCT_STATUS_CODES),
    on: isoDate.optional(),
    note: optionalText(2000),
  }),
  evaluationsList: z.object({ productId: id }),
  evaluationGet: z.object({ id }),
  evaluationSave: z.object({
    id: id.optional(),
    productId: id,
    level: evaluationLevel,
    /** The sheet version; the product's when omitted. A QĐ 148 version is accepted for transitional dossiers (Điều 12). */
    version: versionId.optional(),
    evaluatedOn: isoDate,
    members: z
      .array(z.object({ name: optionalText(150), answers: ocopAnswersSchema }))
      .min(1)
      .max(30),
    disqualification: z
      .object({ reasons: z.array(disqualificationReason).max(10), criteria: z.array(z.string().max(20)).max(20) })
      .nullable()
      .optional(),
    note: optionalText(2000),
  }),
  certificatesList: z.object({ productId: id.optional() }),
  certificateIssue: z.object({
    productId: id,
    evaluationId: id.nullable().optional(),
    number: text(100),
    decisionNo: text(100),
    issuedOn: isoDate,
    stars: z.union([z.literal(3), z.literal(4), z.literal(5)]),
  }),
  certificateRevoke: z.object({ id, decisionNo: text(100), revokedOn: isoDate, reason: text(1000) }),
  dueSoon: z.object({ on: isoDate.optional(), horizonDays: z.number().int().min(1).max(730).default(180) }),
  roundsList: z.object({ year: z.number().int().min(2019).max(2100) }),
  dossierGet: z.object({ productId: id }),
  dossierAddFile: z.object({
    productId: id,
    itemId: z.string().min(1).max(50),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string().max(34 * 1024 * 1024),
  }),
  dossierRemoveFile: z.object({ id }),
  dossierGetFile: z.object({ id }),
  dossierSetState: z.object({
    productId: id,
    itemId: z.string().min(1).max(50),
    state: z.enum(['missing', 'received', 'checked']),
    note: optionalText(1000),
  }),
  formGenerate: z.object({ productId: id, form: z.enum(['mau_01', 'mau_02', 'mau_03']) }),
  dossierAssemble: z.object({ productId: id }),
};

export type OcopProducer = {
  id: string;
  kind: ProducerKind;
  name: string;
  taxCode: string | null;
  legalRepName: string;
  legalRepTitle: string | null;
  legalRepGender: 'nam' | 'nu' | null;
  legalRepEthnicity: string | null;
  legalRepAddress: string | null;
  address: string;
  unitCode: string;
  unitName: string;
  phone: string | null;
  email: string | null;
  foundedOn: string | null;
  note: string | null;
  productCount: number;
  updatedAt: string;
};

export type OcopCertificateState = 'valid' | 'expired' | 'revoked';

export type OcopCertificate = {
  id: string;
  productId: string;
  evaluationId: string | null;
  number: string;
  decisionNo: string;
  issuedOn: string;
  expiresOn: string;
  stars: number;
  issuer: string;
  revokedOn: string | null;
  revokedDecisionNo: string | null;
  revokedReason: string | null;
  state: OcopCertificateState;
  window: ReEvaluationWindow;
};

export type OcopProductSummary = {
  id: string;
  name: string;
  producerId: string;
  producerName: string;
  unitCode: string;
  unitName: string;
  sheetNo: number;
  sheetName: string;
  catalogVersion: string;
  productCode: string;
  /** After the 2025 reform: the new-format code gained on re-evaluation; productCode stays the certified one. */
  newProductCode: string | null;
  registrationKind: RegistrationKind;
  status: ProductStatus;
  statusSince: string;
  /** Điều 7, khoản 2: the commune's 15 working days from receipt, while the product is in review. */
  communeDueOn: string | null;
  latestEvaluation: { id: string; level: OcopEvaluationLevel; total: number | null; stars: number | null; disqualified: boolean } | null;
  certificate: OcopCertificate | null;
  dossier: { required: number; satisfied: number };
  updatedAt: string;
};

export type OcopProductEvent = { id: string; fromStatus: ProductStatus | null; toStatus: ProductStatus; onDate: string; note: string | null; staffName: string | null };

export type OcopEvaluationLevel = z.infer<typeof evaluationLevel>;

export type OcopEvaluation = {
  id: string;
  productId: string;
  level: OcopEvaluationLevel;
  catalogVersion: string;
  sheetNo: number;
  evaluatedOn: string;
  members: { name: string | null; answers: Record<string, number | boolean> }[];
  disqualification: { reasons: DisqualificationReason[]; criteria: string[] } | null;
  complete: boolean;
  total: number | null;
  stars: number | null;
  /** The engine's result as computed when saved, kept with the sheet version it used. */
  preview: ScorePreview;
  note: string | null;
  updatedAt: string;
};

export type OcopProductDetail = OcopProductSummary & {
  producer: OcopProducer;
  description: string | null;
  classification: string;
  codeYear: number;
  sequence: number;
  communeReceivedOn: string | null;
  selfReport: OcopSelfReport;
  communeReport: OcopCommuneReport;
  events: OcopProductEvent[];
  evaluations: OcopEvaluation[];
  certificates: OcopCertificate[];
  allowedMoves: ProductStatus[];
  /** The regular provincial round a dossier proposed today would enter (Điều 5, khoản 1). */
  nextRound: EvaluationRound;
};

export type OcopSheetView = { version: Omit<OcopVersion, 'sheets'>; sheet: OcopSheet };

export type OcopMeta = {
  currentVersion: string;
  versions: { id: string; decision: string; status: 'current' | 'superseded'; sheets: { no: number; name: string; verified: boolean }[] }[];
};

export type OcopDueKind = 'commune_review' | 're_evaluation_window' | 'certificate_expiry' | 'round_deadline';

export type OcopDueItem = {
  kind: OcopDueKind;
  productId: string | null;
  productName: string | null;
  productCode: string | null;
  dueOn: string;
  /** For a re-evaluation window: the first day a dossier may be filed. */
  opensOn: string | null;
  overdue: boolean;
  message: string;
};

export type OcopRound = EvaluationRound & { waiting: number };

export type OcopDossierItemState = 'missing' | 'attached' | 'received' | 'checked';

export type OcopDossierFile = { id: string; fileName: string; size: number; mime: string; sha256: string; addedAt: string; addedBy: string | null };

export type OcopDossierItem = {
  id: string;
  title: string;
  article: string;
  note: string | null;
  stage: DossierStage | 'evidence';
  required: boolean;
  /** Mẫu 01, 02, 03: the app writes them; a signed scan may be attached too. */
  generated: boolean;
  /** Samples: physical, received on paper, never a file. */
  physical: boolean;
  state: OcopDossierItemState;
  stateNote: string | null;
  files: OcopDossierFile[];
};

export type OcopDossierView = {
  productId: string;
  registrationKind: RegistrationKind;
  items: OcopDossierItem[];
  required: number;
  satisfied: number;
  percent: number;
  missing: { id: string; title: string }[];
};

export type OcopGeneratedFile = { fileName: string; mime: string; base64: string };

export type OcopAssembly = {
  pdf: OcopGeneratedFile & { pageCount: number };
  zip: OcopGeneratedFile;
  manifest: { name: string; itemId: string; sha256: string; size: number }[];
  warnings: string[];
};

export const ocopContract = {
  /** Score-sheet versions and their sheets (names only) for pickers. */
  'ocop.meta': method(ocopSchemas.meta, 'No input.').returns<OcopMeta>(),
  /** One score sheet with its version's rules (bands, minimums), for the score-sheet screen. */
  'ocop.sheets.get': method(ocopSchemas.sheetGet, 'Current version when omitted; old versions stay readable.').returns<OcopSheetView>(),
  /** Chủ thể OCOP (Điều 2, khoản 3). */
  'ocop.producers.list': method(ocopSchemas.producersList, 'Query matches name, tax number or representative, diacritics ignored.').returns<OcopProducer[]>(),
  'ocop.producers.get': method(ocopSchemas.producerGet, 'OCOP_PRODUCER_NOT_FOUND when absent or deleted.').returns<OcopProducer>(),
  'ocop.producers.save': method(ocopSchemas.producerSave, 'Creates without id; the commune must be a current commune code.').returns<OcopProducer>(),
  'ocop.producers.delete': method(ocopSchemas.remove, 'Refused with OCOP_PRODUCER_HAS_PRODUCTS while it has products.').returns<{ deleted: true }>(),
  /** Products with status, code, latest result, certificate and dossier completeness. */
  'ocop.products.list': method(ocopSchemas.productsList, 'All products when no filter is given.').returns<OcopProductSummary[]>(),
  'ocop.products.get': method(ocopSchemas.productGet, 'Everything the product screen shows.').returns<OcopProductDetail>(),
  'ocop.products.save': method(
    ocopSchemas.productSave,
    'Creating registers the product (status đăng ký) and gives it the next code (T)-(X)-(STT)-(năm) of its commune.',
  ).returns<OcopProductDetail>(),
  /** Move a product along its life; only the moves of PRODUCT_TRANSITIONS; recognition goes through a certificate. */
  'ocop.products.setStatus': method(ocopSchemas.productSetStatus, 'OCOP_STATUS_MOVE_REFUSED names the allowed moves.').returns<OcopProductDetail>(),
  'ocop.products.delete': method(ocopSchemas.remove, 'A tombstone: the row stays for the province.').returns<{ deleted: true }>(),
  'ocop.evaluations.list': method(ocopSchemas.evaluationsList, 'Newest first.').returns<OcopEvaluation[]>(),
  'ocop.evaluations.get': method(ocopSchemas.evaluationGet, 'Readable under the version it was made with.').returns<OcopEvaluation>(),
  /** Save a score sheet (one member) or a council's sheets; incomplete sheets are saved as drafts. */
  'ocop.evaluations.save': method(ocopSchemas.evaluationSave, 'Answers: criterion code → option number from 1, or true/false.').returns<OcopEvaluation>(),
  'ocop.certificates.list': method(ocopSchemas.certificatesList, 'All when productId is omitted.').returns<OcopCertificate[]>(),
  /** Record the recognition decision and certificate (3–4★ tỉnh, 5★ Bộ); valid 36 months; product becomes công nhận. */
  'ocop.certificates.issue': method(ocopSchemas.certificateIssue, 'Stars 3–5 only: 1–2★ get no certificate (Điều 4).').returns<OcopCertificate>(),
  'ocop.certificates.revoke': method(ocopSchemas.certificateRevoke, 'Điều 8: records the revoking decision; the product becomes thu hồi.').returns<OcopCertificate>(),
  /** Deadlines within the horizon: commune review, re-evaluation windows, expiries, round proposal dates. */
  'ocop.dueSoon': method(ocopSchemas.dueSoon, 'Today when on is omitted.').returns<OcopDueItem[]>(),
  'ocop.rounds.list': method(ocopSchemas.roundsList, 'Regular rounds of Điều 5 for the year, with products waiting.').returns<OcopRound[]>(),
  /** The product's dossier checklist for its registration kind, with files and states. */
  'ocop.dossier.get': method(ocopSchemas.dossierGet, 'No path.').returns<OcopDossierView>(),
  'ocop.dossier.addFile': method(ocopSchemas.dossierAddFile, 'File content as base64, never a path; PDF, images, Office files; 25 MB max.').returns<OcopDossierView>(),
  'ocop.dossier.removeFile': method(ocopSchemas.dossierRemoveFile, 'The stored content stays (content-addressed).').returns<OcopDossierView>(),
  'ocop.dossier.getFile': method(ocopSchemas.dossierGetFile, 'Hash checked on read.').returns<OcopGeneratedFile>(),
  'ocop.dossier.setState': method(ocopSchemas.dossierSetState, 'received = bản giấy đã nhận; checked = đã kiểm tra.').returns<OcopDossierView>(),
  /** Mẫu số 01, 02, 03 (Phụ lục III) filled from the records, as DOCX to print and sign. */
  'ocop.forms.generate': method(ocopSchemas.formGenerate, 'Returned as base64 for the caller to save.').returns<OcopGeneratedFile>(),
  /** One PDF (cover, contents, forms, attached PDFs and images in checklist order) and a ZIP of the originals. */
  'ocop.dossier.assemble': method(ocopSchemas.dossierAssemble, 'OCOP_DOSSIER_INCOMPLETE lists missing required items.').returns<OcopAssembly>(),
} as const;
