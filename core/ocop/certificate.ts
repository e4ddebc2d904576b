import type { IsoDate } from './isoDate';
import { addDays, addMonths, compareIsoDates } from './isoDate';

/** QĐ 26/2026/QĐ-TTg, Điều 4, khoản 3: a certificate of 3 stars or more is valid 36 months from its issue date. */
export const CERTIFICATE_VALIDITY_MONTHS = 36;

/** QĐ 26/2026/QĐ-TTg, Điều 7, khoản 6, điểm a: re-evaluation dossier "không sớm hơn 180 ngày và không muộn hơn 120 ngày" before expiry. */
export const RE_EVALUATION_EARLIEST_DAYS_BEFORE = 180;
export const RE_EVALUATION_LATEST_DAYS_BEFORE = 120;

/** QĐ 26/2026/QĐ-TTg, Điều 7, khoản 6, điểm g: re-evaluation takes at most 45 days from the complete dossier. */
export const RE_EVALUATION_MAX_DAYS = 45;

/** QĐ 26/2026/QĐ-TTg, Điều 12, khoản 3: a late re-evaluation keeps the certificate valid at most 180 days after expiry. */
export const LATE_RE_EVALUATION_EXTENSION_DAYS = 180;

/**
 * The expiry date: the corresponding day 36 months after issue (Bộ luật Dân sự 2015, Điều 147–148, since the period
 * runs "kể từ ngày cơ quan có thẩm quyền ban hành"). The certificate is valid up to and including this day.
 */
export function certificateExpiry(issuedOn: IsoDate, months: number = CERTIFICATE_VALIDITY_MONTHS): IsoDate {
  return addMonths(issuedOn, months);
}

export function isCertificateValid(issuedOn: IsoDate, on: IsoDate, months: number = CERTIFICATE_VALIDITY_MONTHS): boolean {
  return compareIsoDates(on, issuedOn) >= 0 && compareIsoDates(on, certificateExpiry(issuedOn, months)) <= 0;
}

export type ReEvaluationWindow = {
  expiresOn: IsoDate;
  /** First day a re-evaluation dossier may be submitted (expiry − 180 days). */
  opensOn: IsoDate;
  /** Last day it may be submitted (expiry − 120 days). */
  closesOn: IsoDate;
  /** If submitted late, the certificate stays valid until the decision but not beyond this day (Điều 12, khoản 3). */
  lateExtensionUntil: IsoDate;
};

export function reEvaluationWindow(expiresOn: IsoDate): ReEvaluationWindow {
  return {
    expiresOn,
    opensOn: addDays(expiresOn, -RE_EVALUATION_EARLIEST_DAYS_BEFORE),
    closesOn: addDays(expiresOn, -RE_EVALUATION_LATEST_DAYS_BEFORE),
    lateExtensionUntil: addDays(expiresOn, LATE_RE_EVALUATION_EXTENSION_DAYS),
  };
}

export type SubmissionTiming = 'too_early' | 'on_time' | 'late';

/** Where a re-evaluation submission date falls against the window of Điều 7, khoản 6, điểm a. */
export function reEvaluationSubmissionTiming(expiresOn: IsoDate, submittedOn: IsoDate): SubmissionTiming {
  const w = reEvaluationWindow(expiresOn);
  if (compareIsoDates(submittedOn, w.opensOn) < 0) return 'too_early';
  if (compareIsoDates(submittedOn, w.closesOn) > 0) return 'late';
  return 'on_time';
}

/** Điều 7, khoản 6, điểm g: last day for the re-evaluation result. */
export function reEvaluationDeadline(completeDossierOn: IsoDate): IsoDate {
  return addDays(completeDossierOn, RE_EVALUATION_MAX_DAYS);
}
