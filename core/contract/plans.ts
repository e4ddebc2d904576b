import { z } from 'zod';
import { isoDate, optionalText, text } from './fields';
import { method } from './method';
import { ntmLevelSchema, type IndicatorStatusName, type NtmCatalogSummary, type NtmLevel } from './ntm';
import type { ReportFile } from './reports';

/**
 * Plans and verification: targets with their source document, commune roadmaps, progress against the targets,
 * re-assessment rounds by inter-sector teams (đoàn công tác liên ngành) with their own findings, and tasks for the
 * sectors responsible for criteria not met. Targets are data the office enters from its directive; the app never
 * supplies a legal threshold of its own.
 */

const uuid = z.string().uuid();
const year = z.number().int().min(2010).max(2100);
const communeCode = z.string().regex(/^\d{5}$/, { message: 'Mã xã gồm 5 chữ số.' });

/** What a target counts. thon_ntm has no records in the app: its achieved figure is entered with the target. */
export const PLAN_METRICS = [
  'xa_ntm',
  'xa_ntm_nang_cao',
  'xa_ntm_kieu_mau',
  'xa_ntm_hien_dai',
  'thon_ntm',
  'ocop_total',
  'ocop_3',
  'ocop_4',
  'ocop_5',
  'avg_criteria',
  'min_criteria',
] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

export const PLAN_METRIC_LABELS: Record<PlanMetric, string> = {
  xa_ntm: 'Xã đạt chuẩn NTM',
  xa_ntm_nang_cao: 'Xã NTM nâng cao',
  xa_ntm_kieu_mau: 'Xã NTM kiểu mẫu',
  xa_ntm_hien_dai: 'Xã NTM hiện đại',
  thon_ntm: 'Thôn, bản đạt chuẩn NTM',
  ocop_total: 'Sản phẩm OCOP (từ 3 sao)',
  ocop_3: 'Sản phẩm OCOP 3 sao',
  ocop_4: 'Sản phẩm OCOP 4 sao',
  ocop_5: 'Sản phẩm OCOP 5 sao',
  avg_criteria: 'Bình quân tiêu chí đạt/xã',
  min_criteria: 'Không còn xã dưới … tiêu chí',
};

/**
 * How the target value reads: `new` = thêm trong kỳ ("ít nhất 13 xã đạt chuẩn NTM"), `cumulative` = lũy kế đến
 * cuối kỳ, `percent` = tỷ lệ % số xã lũy kế ("100% số xã đạt chuẩn NTM"), `level` = a level every commune or the
 * average must reach (avg_criteria, min_criteria only).
 */
export const PLAN_TARGET_MODES = ['new', 'cumulative', 'percent', 'level'] as const;
export type PlanTargetMode = (typeof PLAN_TARGET_MODES)[number];

export const PLAN_MODE_LABELS: Record<PlanTargetMode, string> = {
  new: 'thêm trong kỳ',
  cumulative: 'lũy kế',
  percent: '% số xã (lũy kế)',
  level: 'mức phải đạt',
};

export const planTargetInputSchema = z.object({
  metric: z.enum(PLAN_METRICS),
  mode: z.enum(PLAN_TARGET_MODES),
  value: z.number().finite().min(0).max(100000),
  /** A province plan's share for one office (its office code, e.g. "H417"); null = the plan's whole area. */
  officeCode: z.string().trim().max(20).nullable().optional(),
  /** Only for what the app does not record (thôn, bản): the figure reported, with its source in the note. */
  achievedManual: z.number().finite().min(0).nullable().optional(),
  note: optionalText(1000),
});

const documentFields = {
  documentNo: text(100),
  documentDate: isoDate,
  issuer: text(300),
};

export const roundScopeSchema = z.object({
  /** Communes whose recognition at one of these levels was decided between the two dates (inclusive). */
  communes: z.object({ levels: z.array(ntmLevelSchema).min(1), recognizedFrom: isoDate, recognizedTo: isoDate }).nullable(),
  /**
   * OCOP products with a certificate not revoked: certified before the date, or scored under one of the older
   * score-sheet versions (either matches); both empty = every certified product. Stars narrow it down.
   */
  products: z
    .object({
      certifiedBefore: isoDate.nullable().optional(),
      catalogVersions: z.array(z.string().min(1).max(50)).max(10).default([]),
      stars: z.array(z.union([z.literal(3), z.literal(4), z.literal(5)])).max(3).default([]),
    })
    .nullable(),
});
export type RoundScope = z.output<typeof roundScopeSchema>;

export const FINDING_SOURCES = ['doan_tham_dinh', 'nganh'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: 'Chưa làm', in_progress: 'Đang thực hiện', done: 'Hoàn thành', cancelled: 'Hủy' };

export const ROUND_ITEM_RESULTS = ['pending', 'confirmed', 'not_confirmed'] as const;
export type RoundItemResult = (typeof ROUND_ITEM_RESULTS)[number];
export const ROUND_ITEM_RESULT_LABELS: Record<RoundItemResult, string> = {
  pending: 'Chưa rà soát',
  confirmed: 'Giữ chuẩn / giữ hạng',
  not_confirmed: 'Không đảm bảo',
};

/** A round's outcome for a commune: duy trì, phải khắc phục trước ngày …, đề nghị thu hồi quyết định công nhận. */
export const COMMUNE_OUTCOMES = ['maintained', 'remedy', 'revoke_proposed'] as const;
export type CommuneOutcome = (typeof COMMUNE_OUTCOMES)[number];
export const COMMUNE_OUTCOME_LABELS: Record<CommuneOutcome, string> = {
  maintained: 'Duy trì',
  remedy: 'Phải khắc phục',
  revoke_proposed: 'Đề nghị thu hồi',
};
/** A round's outcome for an OCOP product, checked against the stars of its re-scoring on the sheet in force. */
export const PRODUCT_OUTCOMES = ['maintained', 'upgrade', 'downgrade', 'revoke'] as const;
export type ProductOutcome = (typeof PRODUCT_OUTCOMES)[number];
export const PRODUCT_OUTCOME_LABELS: Record<ProductOutcome, string> = {
  maintained: 'Giữ hạng sao',
  upgrade: 'Nâng hạng',
  downgrade: 'Hạ hạng',
  revoke: 'Thu hồi giấy chứng nhận',
};
export const ROUND_OUTCOMES = ['maintained', 'remedy', 'revoke_proposed', 'upgrade', 'downgrade', 'revoke'] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];

export const plansSchemas = {
  list: z.object({}).strict(),
  get: z.object({ id: uuid }),
  save: z.object({
    id: uuid.optional(),
    title: text(300),
    ...documentFields,
    yearFrom: year,
    yearTo: year,
    note: optionalText(4000),
    targets: z.array(planTargetInputSchema).max(200),
  }),
  remove: z.object({ id: uuid }),
  progress: z.object({ planId: uuid.optional(), year: year.optional(), asOf: isoDate.optional() }),
  roadmapList: z.object({ unitCode: communeCode.optional(), asOf: isoDate.optional() }),
  roadmapSet: z.object({
    unitCode: communeCode,
    level: ntmLevelSchema,
    /** null removes the commune's registration for the level. */
    targetYear: year.nullable(),
    planId: uuid.nullable().optional(),
    note: optionalText(1000),
  }),
  roundsList: z.object({}).strict(),
  roundGet: z.object({ id: uuid }),
  roundPreview: z.object({ scope: roundScopeSchema }),
  roundSave: z.object({
    id: uuid.optional(),
    title: text(300),
    ...documentFields,
    /** The catalog teams judge against; when null, each commune's is the one it was recognised under. */
    catalogId: z.string().min(1).max(100).nullable().optional(),
    scope: roundScopeSchema,
    membersDue: isoDate.nullable().optional(),
    teamsDue: isoDate.nullable().optional(),
    reviewDue: isoDate.nullable().optional(),
    reportDue: isoDate.nullable().optional(),
    note: optionalText(4000),
  }),
  teamSave: z.object({
    roundId: uuid,
    id: uuid.optional(),
    name: text(200),
    leader: optionalText(200),
    members: z
      .array(z.object({ name: text(150), organisation: text(300), sector: optionalText(200), role: optionalText(100) }))
      .max(60),
    /**
     * The communes (unit codes) and OCOP products (ids) of the round this team reviews. When given, exactly these:
     * items of this team left out lose it, items of another team move here. Omitted: assignments stay as they are.
     */
    unitCodes: z.array(communeCode).max(5000).optional(),
    productIds: z.array(uuid).max(5000).optional(),
  }),
  itemResult: z.object({
    roundId: uuid,
    itemId: uuid,
    result: z.enum(ROUND_ITEM_RESULTS),
    checkedOn: isoDate.nullable().optional(),
    note: optionalText(4000),
  }),
  roundReport: z.object({ id: uuid, reportedOn: isoDate, conclusion: text(8000) }),
  findingSet: z.object({
    roundId: uuid,
    unitCode: communeCode,
    source: z.enum(FINDING_SOURCES),
    /** Required for a sector's assessment (nganh): the sector that judged, e.g. "Phòng Kinh tế - Hạ tầng". */
    sector: optionalText(200),
    indicatorCode: z.string().min(1).max(50),
    value: z.union([z.boolean(), z.number().finite(), z.string().max(2000), z.null()]).optional(),
    manualMet: z.boolean().nullable().optional(),
    evidence: z.string().max(4000).nullable().optional(),
  }),
  findingEvidence: z.object({
    roundId: uuid,
    unitCode: communeCode,
    source: z.enum(FINDING_SOURCES),
    sector: optionalText(200),
    indicatorCode: z.string().min(1).max(50),
    fileName: z.string().trim().min(1).max(255),
    contentBase64: z.string().max(30 * 1024 * 1024),
  }),
  compare: z.object({ roundId: uuid, unitCode: communeCode }),
  tasksList: z.object({
    status: z.enum(TASK_STATUSES).optional(),
    sector: z.string().max(200).optional(),
    staffId: uuid.optional(),
    unitCode: communeCode.optional(),
    productId: uuid.optional(),
    roundId: uuid.optional(),
    overdueOnly: z.boolean().optional(),
    today: isoDate.optional(),
  }),
  tasksGenerate: z.object({
    /** From a round's team findings (criteria the team found not met), or else from the communes' roadmaps. */
    roundId: uuid.optional(),
    unitCodes: z.array(communeCode).max(5000).optional(),
    dueOn: isoDate,
    /** The document that assigns the tasks (e.g. the round's conclusion), carried by every task created. */
    documentNo: optionalText(100),
    documentDate: isoDate.nullable().optional(),
    documentIssuer: optionalText(300),
  }),
  taskSave: z.object({
    id: uuid.optional(),
    /** Links (a new task needs at least one): a commune, a criterion of a catalog, an OCOP product, a round. */
    unitCode: communeCode.nullable().optional(),
    catalogId: z.string().min(1).max(100).nullable().optional(),
    criterionNo: z.number().int().min(1).max(100).nullable().optional(),
    productId: uuid.nullable().optional(),
    roundId: uuid.nullable().optional(),
    /** Assigned to a sector, a staff member, or both (the sector defaults to the criterion's responsible one). */
    sector: text(200).nullable().optional(),
    staffId: uuid.nullable().optional(),
    title: text(500).optional(),
    dueOn: isoDate.optional(),
    status: z.enum(TASK_STATUSES).optional(),
    note: optionalText(4000),
    /** The document that assigned the task: number and date together, issuer optional. */
    documentNo: optionalText(100),
    documentDate: isoDate.nullable().optional(),
    documentIssuer: optionalText(300),
  }),
  itemOutcome: z.object({
    roundId: uuid,
    itemId: uuid,
    /** null clears the outcome. Communes: maintained, remedy, revoke_proposed; products: maintained, upgrade, downgrade, revoke. */
    outcome: z.enum(ROUND_OUTCOMES).nullable(),
    reason: optionalText(4000),
    /** The day the outcome was decided; today when omitted. */
    decidedOn: isoDate.nullable().optional(),
    /** remedy only: the deadline to remedy, and the day the remedy was done once it is. */
    remedyDue: isoDate.nullable().optional(),
    remediedOn: isoDate.nullable().optional(),
    /** Communes: the recognition decision at stake; the commune's standing one when omitted. */
    recognitionId: uuid.nullable().optional(),
    /** Products: the re-scoring (ocop_evaluation) on the sheet in force; required except for revoke on a violation. */
    evaluationId: uuid.nullable().optional(),
  }),
  sectorsList: z.object({ catalogId: z.string().min(1).max(100) }),
  sectorSet: z.object({
    catalogId: z.string().min(1).max(100),
    criterionNo: z.number().int().min(1).max(100),
    /** null goes back to the catalog's default. */
    sector: text(200).nullable(),
    note: optionalText(1000),
  }),
  sectorDiscrepancies: z.object({ roundId: uuid.optional() }),
  sectorFailing: z.object({ sector: z.string().max(300).optional() }),
};

/**
 * The lines of a document the office issues (NĐ 30/2020/NĐ-CP) that a caller may set: number (blank for the clerk
 * to fill), symbol, place, date, signer, recipients. What is left out comes from the office profile and the report
 * settings.
 */
export const documentLinesSchema = z.object({
  documentNo: z.string().trim().max(20, { message: 'Tối đa 20 ký tự.' }).optional(),
  symbol: z.string().trim().min(1, { message: 'Không được để trống.' }).max(40, { message: 'Tối đa 40 ký tự.' }).optional(),
  place: z.string().trim().max(100, { message: 'Tối đa 100 ký tự.' }).optional(),
  date: isoDate.optional(),
  signerTitle: z.string().max(300, { message: 'Tối đa 300 ký tự.' }).optional(),
  signerName: z.string().max(100, { message: 'Tối đa 100 ký tự.' }).optional(),
  recipients: z.array(z.string().max(300, { message: 'Tối đa 300 ký tự.' })).max(30).optional(),
});

/** Inputs of the documents of plans and verification: the round's report and annex, the reminder letter to a sector. */
export const planDocumentSchemas = {
  roundReport: z.object({ id: uuid, document: documentLinesSchema.extend({ subject: z.string().trim().max(500).optional() }).optional() }),
  reminder: z.object({
    sector: text(300),
    /** The day the items are judged overdue; the letter's date unless set. Today when both are omitted. */
    today: isoDate.optional(),
    /** The day the sector is asked to report back by; 15 days after the letter's date when omitted. */
    replyBy: isoDate.optional(),
    /** Further documents the letter is based on, one per line ("Nghị quyết số …"), after those the app names. */
    basis: z.array(z.string().trim().min(1).max(500)).max(10).optional(),
    document: documentLinesSchema.optional(),
  }),
};

export type PlanTarget = {
  id: string;
  metric: PlanMetric;
  mode: PlanTargetMode;
  value: number;
  officeCode: string | null;
  achievedManual: number | null;
  note: string | null;
  /** "Xã đạt chuẩn NTM — thêm trong kỳ: 13 xã" */
  label: string;
};

/**
 * Whose record it is. A province office holds other offices' records merged from their bundles: listed beside its
 * own, marked with their office, read-only (RECORD_READ_ONLY on any write).
 */
export type RecordOwner = { officeCode: string; officeName: string; readOnly: boolean };

export type PlanSummary = {
  id: string;
  title: string;
  documentNo: string;
  documentDate: string;
  issuer: string;
  yearFrom: number;
  yearTo: number;
  /** "Năm 2026" or "Giai đoạn 2021–2025". */
  periodLabel: string;
  targetCount: number;
  updatedAt: string;
} & RecordOwner;

export type PlanDetail = PlanSummary & { note: string | null; targets: PlanTarget[] };

export type ProgressStatus = 'achieved' | 'on_track' | 'behind' | 'missed' | 'unknown';
export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, string> = {
  achieved: 'Đã đạt',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  missed: 'Không đạt',
  unknown: 'Chưa có số liệu',
};

/** One commune or product that makes up the remaining gap of a target. */
export type ProgressGapItem = {
  kind: 'commune' | 'product';
  code: string;
  name: string;
  /** Year the commune registered for the level (roadmap), if it did. */
  roadmapYear: number | null;
  metCount: number | null;
  criteriaCount: number | null;
  /** Criteria (no. name) not met or not yet determined, or for a product what it lacks. */
  detail: string;
};

export type PlanTargetProgress = {
  target: PlanTarget;
  unit: string;
  /** The figure compared with the target, in the target's terms (count, %, criteria). */
  achieved: number | null;
  /** Recognitions / certificates in the plan's period up to the as-of date. */
  achievedInPeriod: number | null;
  /** Lũy kế at the as-of date. */
  cumulative: number | null;
  /** Where a steady pace from the start of the period would be by the as-of date; null where pace means nothing. */
  expectedByNow: number | null;
  remaining: number | null;
  status: ProgressStatus;
  statusText: string;
  /** Communes of the gap that registered for the level within the period (roadmap). */
  plannedInRoadmap: number | null;
  source: 'computed' | 'manual';
  gap: ProgressGapItem[];
  /** The achieved figure at the end of each year of the period (up to the as-of date), for the chart. */
  series: { year: number; value: number | null }[];
};

export type PlanProgress = {
  plan: PlanDetail;
  asOf: string;
  /** Share of the period elapsed at the as-of date, 0–1. */
  elapsed: number;
  targets: PlanTargetProgress[];
};

export type CriterionGap = { no: number; name: string; sector: string | null; status: 'not_met' | 'undetermined' };

export type RoadmapGoal = {
  id: string;
  level: NtmLevel;
  targetYear: number;
  planId: string | null;
  note: string | null;
  achieved: boolean;
  /** Whole months from the as-of date to 31/12 of the target year; negative once past. */
  monthsLeft: number;
  overdue: boolean;
  catalog: { id: string; name: string } | null;
  assessedPeriod: string | null;
  metCount: number | null;
  criteriaCount: number | null;
  failing: CriterionGap[];
  message: string;
};

/** A recognised commune judged against the catalog in force now ("duy trì, nâng cao chất lượng tiêu chí"). */
export type MaintenanceCheck = {
  level: NtmLevel;
  recognizedOn: string;
  decisionNo: string;
  recognizedCatalogId: string | null;
  currentCatalog: { id: string; name: string };
  assessedPeriod: string | null;
  metCount: number | null;
  criteriaCount: number;
  failing: CriterionGap[];
  message: string;
};

export type CommuneRoadmap = {
  unitCode: string;
  name: string;
  level: NtmLevel | null;
  goals: RoadmapGoal[];
  maintenance: MaintenanceCheck[];
};

export type RoundDeadline = {
  key: 'members' | 'teams' | 'review' | 'report';
  label: string;
  dueOn: string | null;
  doneOn: string | null;
  state: 'done' | 'pending' | 'overdue' | 'unset';
};

export type RoundSummary = {
  id: string;
  title: string;
  documentNo: string;
  documentDate: string;
  issuer: string;
  catalogId: string | null;
  scope: RoundScope;
  communeCount: number;
  productCount: number;
  reviewedCount: number;
  notConfirmedCount: number;
  /** Discrepancies between the teams' findings and the self-assessments, over the round's communes. */
  differenceCount: number;
  overstatedCount: number;
  communesWithDifferences: number;
  teamCount: number;
  reportedOn: string | null;
  deadlines: RoundDeadline[];
  updatedAt: string;
  /** Items per outcome recorded (keys absent when none). */
  outcomeCounts: Partial<Record<RoundOutcome, number>>;
  /** Communes whose remedy deadline has passed without the remedy recorded. */
  remedyOverdueCount: number;
} & RecordOwner;

export type RoundTeam = {
  id: string;
  name: string;
  leader: string | null;
  members: { name: string; organisation: string; sector: string | null; role: string | null }[];
  itemCount: number;
};

export type RoundItem = {
  id: string;
  kind: 'commune' | 'ocop_product';
  /** Unit code of a commune, product code of a product. */
  code: string;
  name: string;
  /** Why the scope rule took it in, e.g. "Công nhận xã NTM ngày 15/12/2019 (QĐ 1234/QĐ-UBND)". */
  reason: string;
  teamId: string | null;
  teamName: string | null;
  /** The OCOP product's id (for assigning it to a team); null for a commune. */
  productId: string | null;
  result: RoundItemResult;
  resultNote: string | null;
  checkedOn: string | null;
  /** Communes: the catalog the team judges against, and how many indicators it has judged. */
  catalogId: string | null;
  findingCount: number;
  /** Indicators where the team's status differs from the self-assessment's; criteria self-assessed met that the team found not met. null before any finding. */
  differences: number | null;
  overstated: number | null;
  /** The round's outcome for it, null until recorded. */
  outcome: RoundItemOutcome | null;
};

/** The recognition decision a commune's outcome puts at stake, with its revocation once the office records it. */
export type OutcomeRecognition = {
  id: string;
  level: NtmLevel;
  decisionNo: string;
  decidedOn: string;
  revokedDecisionNo: string | null;
  revokedOn: string | null;
};

/** An OCOP re-scoring linked to a product's outcome, and the certificate it is compared with. */
export type OutcomeRescore = {
  evaluationId: string;
  catalogVersion: string;
  evaluatedOn: string;
  total: number | null;
  stars: number | null;
};

export type RoundItemOutcome = {
  outcome: RoundOutcome;
  /** "Đề nghị thu hồi", "Phải khắc phục trước ngày 30/06/2021", "Nâng hạng (3 → 4 sao)". */
  label: string;
  reason: string | null;
  decidedOn: string | null;
  remedyDue: string | null;
  remediedOn: string | null;
  /** A remedy whose deadline has passed without the remedy recorded. */
  overdue: boolean;
  /** Days from today to the remedy deadline; negative once past; null without one. */
  daysLeft: number | null;
  recognition: OutcomeRecognition | null;
  /** Products: the certificate's stars when the outcome was checked, and the re-scoring. */
  certificateStars: number | null;
  rescore: OutcomeRescore | null;
};

export type RoundDetail = RoundSummary & { note: string | null; conclusion: string | null; teams: RoundTeam[]; items: RoundItem[] };

export type ScopePreview = { items: Pick<RoundItem, 'kind' | 'code' | 'name' | 'reason'>[]; communeCount: number; productCount: number };

export type SourceCell = {
  value: boolean | number | string | null;
  manualMet: boolean | null;
  evidence: string | null;
  files: { sha256: string; fileName: string }[];
  status: IndicatorStatusName;
  sector: string | null;
  enteredBy: string | null;
  enteredAt: string | null;
};

export type ComparisonIndicator = {
  code: string;
  criterionNo: number;
  text: string;
  judgement: 'rule' | 'manual';
  valueKind: 'boolean' | 'number' | 'percent' | 'choice' | 'text';
  unit: string | null;
  /** The levels a choice indicator can take (value and label), null for other kinds. */
  choices: { value: string; label: string }[] | null;
  self: SourceCell | null;
  sector: SourceCell | null;
  team: SourceCell | null;
  /** The team judged it and its status differs from the self-assessment's. */
  differs: boolean;
};

export type ComparisonCriterion = {
  no: number;
  name: string;
  responsibleSector: string | null;
  self: 'met' | 'not_met' | 'undetermined' | null;
  sector: 'met' | 'not_met' | 'undetermined' | null;
  team: 'met' | 'not_met' | 'undetermined' | null;
  differs: boolean;
  /** Self-assessed met, found not met by the team: the case the directive calls "chưa thực sự khách quan". */
  overstated: boolean;
};

export type RoundComparison = {
  roundId: string;
  unitCode: string;
  communeName: string;
  catalog: NtmCatalogSummary;
  selfAssessment: { period: string; status: 'draft' | 'submitted' | 'locked' } | null;
  indicators: ComparisonIndicator[];
  criteria: ComparisonCriterion[];
  selfMetCount: number | null;
  sectorMetCount: number | null;
  teamMetCount: number | null;
  differences: number;
  overstated: number;
};

export type PlanTask = {
  id: string;
  /** Links: any of a commune, a criterion (of a catalog), an OCOP product, a round. */
  unitCode: string | null;
  communeName: string | null;
  catalogId: string | null;
  criterionNo: number | null;
  criterionName: string | null;
  productId: string | null;
  productCode: string | null;
  productName: string | null;
  roundId: string | null;
  roundTitle: string | null;
  /** Assigned to: the sector, a staff member, or both. */
  sector: string | null;
  staffId: string | null;
  staffName: string | null;
  /** "Phòng Tài nguyên và Môi trường" / "Lô Thị Mai" / both joined with " · ". */
  assignee: string;
  /** The document that assigned the task. */
  document: { no: string; date: string; issuer: string | null } | null;
  title: string;
  dueOn: string;
  status: TaskStatus;
  origin: 'round' | 'roadmap' | 'manual';
  doneOn: string | null;
  note: string | null;
  overdue: boolean;
  /** Days from today to the deadline; negative when past. */
  daysLeft: number;
  updatedAt: string;
} & RecordOwner;

/** The responsible sector of each criterion of a catalog: the catalog's default and the office's own, if set. */
export type CriterionSectors = {
  catalog: NtmCatalogSummary;
  criteria: { no: number; name: string; defaultSector: string | null; sector: string | null; overridden: boolean; note: string | null; updatedAt: string | null }[];
};

/** One criterion of one commune where a team's or a sector's finding disagrees with the self-assessment. */
export type SectorDiscrepancy = {
  roundId: string;
  roundTitle: string;
  unitCode: string;
  communeName: string;
  catalogId: string;
  criterionNo: number;
  criterionName: string;
  self: 'met' | 'not_met' | 'undetermined' | null;
  team: 'met' | 'not_met' | 'undetermined' | null;
  sectorFinding: 'met' | 'not_met' | 'undetermined' | null;
  /** Which finding disagrees with the self-assessment. */
  by: ('team' | 'sector')[];
  overstated: boolean;
};

export type SectorDiscrepancies = {
  roundId: string | null;
  total: number;
  overstated: number;
  sectors: { sector: string; count: number; overstated: number; communeCount: number; rows: SectorDiscrepancy[] }[];
};

/** A criterion not met in a commune's latest self-assessment, for the sector responsible. */
export type SectorFailingItem = {
  unitCode: string;
  communeName: string;
  period: string;
  catalogId: string;
  catalogName: string;
  criterionNo: number;
  criterionName: string;
  /** An open task for this commune and criterion, if any. */
  openTask: { id: string; dueOn: string; overdue: boolean } | null;
};

export type SectorFailing = {
  /** Communes with a self-assessment counted. */
  assessedCount: number;
  sectors: { sector: string; criteriaCount: number; communeCount: number; withoutTask: number; items: SectorFailingItem[] }[];
};

export const plansContract = {
  'plans.list': method(plansSchemas.list, 'No input. Newest period first.').returns<PlanSummary[]>(),
  'plans.get': method(plansSchemas.get, 'PLAN_NOT_FOUND when absent or deleted.').returns<PlanDetail>(),
  /** A plan with its source document and targets; the targets given replace the plan's targets (one transaction, audited). */
  'plans.save': method(plansSchemas.save, 'Creates without id. Every target names metric, mode and value; avg/min criteria only with mode level.').returns<PlanDetail>(),
  'plans.delete': method(plansSchemas.remove, 'A tombstone; roadmaps that named the plan keep their year.').returns<{ deleted: true }>(),
  /** Target against achieved (in the period and lũy kế), pace, and the communes / products of the gap. */
  'plans.progress': method(plansSchemas.progress, 'One plan by id, or every plan covering the year (asOf year when omitted); asOf defaults to today.').returns<PlanProgress[]>(),
  /** Every commune's registered years per level with the criteria still failing, and recognised communes under a newer catalog. */
  'plans.roadmap.list': method(plansSchemas.roadmapList, 'All communes of the office when unitCode is omitted.').returns<CommuneRoadmap[]>(),
  'plans.roadmap.set': method(plansSchemas.roadmapSet, 'targetYear null removes the registration; audited.').returns<CommuneRoadmap>(),
  'plans.rounds.list': method(plansSchemas.roundsList, 'No input.').returns<RoundSummary[]>(),
  'plans.rounds.get': method(plansSchemas.roundGet, 'ROUND_NOT_FOUND when absent.').returns<RoundDetail>(),
  /** What a scope rule takes in, before saving the round. */
  'plans.rounds.preview': method(plansSchemas.roundPreview, 'Reads only.').returns<ScopePreview>(),
  /** A re-assessment round (rà soát, đánh giá lại): its deciding document, scope rule and deadlines; the scope is applied on save. */
  'plans.rounds.save': method(plansSchemas.roundSave, 'Re-saving keeps items that have findings or a result even if the rule no longer takes them.').returns<RoundDetail>(),
  'plans.rounds.saveTeam': method(plansSchemas.teamSave, 'Members with their organisation and sector; unitCodes/productIds, when given, are exactly the team’s items.').returns<RoundDetail>(),
  'plans.rounds.setItemResult': method(plansSchemas.itemResult, 'The round’s conclusion for one commune or product.').returns<RoundDetail>(),
  'plans.rounds.report': method(plansSchemas.roundReport, 'Records that the round reported, with its conclusion.').returns<RoundDetail>(),
  /** One indicator as the team (đoàn thẩm định) or a sector found it; kept apart from the commune's self-assessment. */
  'plans.findings.set': method(plansSchemas.findingSet, 'Never writes the self-assessment. sector required for source nganh.').returns<RoundComparison>(),
  'plans.findings.addEvidence': method(plansSchemas.findingEvidence, 'File content as base64, never a path.').returns<RoundComparison>(),
  /** Self-assessment, sector and team side by side for one commune of a round, differences marked. */
  'plans.findings.compare': method(plansSchemas.compare, 'The commune must be in the round.').returns<RoundComparison>(),
  'plans.tasks.list': method(plansSchemas.tasksList, 'Overdue first, then by deadline.').returns<PlanTask[]>(),
  /** A task for the responsible sector per criterion not met; never duplicates an open task for the same commune and criterion. */
  'plans.tasks.generate': method(plansSchemas.tasksGenerate, 'From a round’s team findings, or from roadmaps when roundId is omitted.').returns<{
    created: number;
    skipped: number;
    tasks: PlanTask[];
  }>(),
  'plans.tasks.save': method(plansSchemas.taskSave, 'Creates without id (dueOn and at least one link required); updates the given fields otherwise.').returns<PlanTask>(),
  /** The round's outcome for one commune (duy trì / phải khắc phục trước ngày … / đề nghị thu hồi) or OCOP product (giữ / nâng / hạ hạng / thu hồi). */
  'plans.rounds.setOutcome': method(plansSchemas.itemOutcome, 'Checked against the item kind, the remedy deadline and, for products, the stars of the re-scoring; audited.').returns<RoundDetail>(),
  /** The responsible sector of each criterion of a catalog, the office's own over the catalog's default. */
  'plans.sectors.list': method(plansSchemas.sectorsList, 'CATALOG_NOT_FOUND when absent.').returns<CriterionSectors>(),
  'plans.sectors.set': method(plansSchemas.sectorSet, 'sector null goes back to the default (a tombstone); audited.').returns<CriterionSectors>(),
  /** Where a team's or a sector's finding disagrees with the self-assessment, grouped by the criterion's responsible sector. */
  'plans.sectors.discrepancies': method(plansSchemas.sectorDiscrepancies, 'Every round of the office when roundId is omitted.').returns<SectorDiscrepancies>(),
  /** Per sector, every criterion not met in the communes' latest self-assessments. */
  'plans.sectors.failing': method(plansSchemas.sectorFailing, 'Every sector when sector is omitted.').returns<SectorFailing>(),
  /** The round's report (báo cáo kết quả rà soát, đánh giá lại) as DOCX in the format of NĐ 30/2020/NĐ-CP. */
  'plans.rounds.reportDocx': method(planDocumentSchemas.roundReport, 'Returned as base64 for the caller to save; never a path. Dated the day the round reported unless set.').returns<ReportFile>(),
  /** The report's annex as XLSX: every discrepancy between self-assessments and the team's or sectors' findings, with counts. */
  'plans.rounds.reportXlsx': method(planDocumentSchemas.roundReport, 'Returned as base64 for the caller to save; never a path.').returns<ReportFile>(),
  /** A reminder letter (công văn đôn đốc) to one sector listing its overdue tasks and the failing criteria it is responsible for. */
  'plans.tasks.reminderDocx': method(planDocumentSchemas.reminder, 'Returned as base64; REMINDER_NOTHING_OVERDUE when the sector has nothing to remind of.').returns<ReportFile>(),
} as const;
