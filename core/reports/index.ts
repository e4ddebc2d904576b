/** Periodic reports: the pure model (figures with what they count), periods, deadlines, charts, Vietnamese formats. */
export * from './model';
export * from './period';
export * from './vnFormat';
export * from './deadlines';
export * from './chartLayout';
export * from './snapshot';
export { buildReportModel, reportAsOf, trendQuarters, unresolvedIds, OCOP_IN_PROGRESS, OCOP_EXPIRY_HORIZON_MONTHS, type ReportInputs, type QuarterEvaluation, type EvaluatedCommune } from './buildReportModel';
