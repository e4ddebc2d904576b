/** NTM criteria catalogs as versioned data, and the pure rules that evaluate communes against them. */
export { CATALOG_FORMAT, CATALOG_FORMAT_VERSION } from './catalogFormat';
export * from './catalogSchema';
export { formatPath, type CatalogIssue } from './catalogIssue';
export { checkCatalogSemantics } from './catalogSemantics';
export { parseCatalog, validateCatalog, type CatalogValidation } from './parseCatalog';
export * from './regions';
export type { CommuneProfile } from './communeProfile';
export { resolveRegion, effectiveProfile, type RegionResolution } from './regionRule';
export { matchAppliesTo, appliesToOverlap, type MatchResult } from './ruleMatching';
export { compileCatalog, type CompiledCatalog, type CompiledIndicator, type CompiledCriterion } from './compileCatalog';
export { planFor, type EvaluationPlan } from './evaluationPlan';
export * from './indicatorStatus';
export { evaluateIndicator, type IndicatorEvaluation } from './evaluateIndicator';
export { evaluateCommune, type CommuneEvaluation, type IndicatorInputs } from './evaluateCommune';
export { aggregateCriteria, type CriterionResult, type CriterionStatus } from './aggregateCriteria';
export { bandFor, bandsFor, deriveBands, type SummaryBand } from './summaryBands';
export { assessRevocationRisk, citationOf, type RevocationAssessment, type NamedCriterion } from './revocationRisk';
