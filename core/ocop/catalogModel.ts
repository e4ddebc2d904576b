import type { PartCode } from './catalogSchema';

export type { PartCode } from './catalogSchema';

/** Minimum-star markers exist only for 3, 4 and 5 stars (QĐ 26/2026/QĐ-TTg, Phụ lục II, ghi chú on every sheet). */
export type MinStars = 3 | 4 | 5;

export type OcopOption = {
  /** 1-based position in the sheet's printed order: what an answer names. */
  number: number;
  label: string;
  points: number | null;
  tenths: number | null;
  minStars: MinStars | null;
};

export type OcopCriterion = {
  code: string;
  title: string;
  max: number;
  maxTenths: number;
  /** 'yesno' = a criterion printed without options (ocop-criteria.json _meta.criteria_without_options). */
  kind: 'options' | 'yesno';
  options: OcopOption[];
  notes: string[];
  aliases: string[];
  parent: { code: string; title: string; max: number } | null;
  partCode: PartCode;
  groupCode: string;
  groupTitle: string;
};

export type OcopGroup = { code: string; title: string; max: number; criteria: OcopCriterion[] };

export type OcopPart = { code: PartCode; title: string; max: number; maxTenths: number; groups: OcopGroup[] };

export type OcopSheet = {
  versionId: string;
  no: number;
  name: string;
  classification: string | null;
  /** The "Hồ sơ bị loại khi: …" line printed on the sheet, verbatim. */
  disqualification: string | null;
  /** Maxima checked against the decision's weights; scoring an unverified sheet carries a warning. */
  verified: boolean;
  warnings: string[];
  parts: OcopPart[];
  /** Every scored item in printed order. */
  criteria: OcopCriterion[];
  maxTenths: number;
};

export type StarBand = { stars: number; min: number; maxExclusive: number | null };

export type OcopVersion = {
  id: string;
  decision: string;
  status: 'current' | 'superseded';
  reliability: string;
  complete: boolean;
  minimumsKnown: boolean;
  weights: Record<PartCode, number>;
  starBands: StarBand[];
  certificateValidityMonths: number;
  corrections: string[];
  gaps: string[];
  sheets: OcopSheet[];
};

export type OcopCatalog = { formatVersion: number; currentVersion: string; versions: OcopVersion[] };
