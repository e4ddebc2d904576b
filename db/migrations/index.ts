import type { Kysely } from 'kysely';
import * as foundation from './2026_11_23_0001_foundation';
import * as ntm from './2026_11_23_0002_ntm';
import * as ocop from './2026_11_23_0003_ocop';
import * as exchange from './2026_11_23_0004_exchange';
import * as reports from './2026_11_23_0005_reports';
import * as lineage from './2026_11_23_0006_lineage';
import * as plans from './2026_11_23_0007_plans';
import * as reform from './2026_11_23_0008_reform';
import * as plansOutcomes from './2026_11_23_0009_plans_outcomes';

export type Migration = { name: string; up: (db: Kysely<any>) => Promise<void> };

/**
 * Every migration, in order. A static list, not a directory scan: bundling breaks scans (STACK.md, kysely).
 * Names are frozen once released; append only.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '2026_11_23_0001_foundation', up: foundation.up },
  { name: '2026_11_23_0002_ntm', up: ntm.up },
  { name: '2026_11_23_0003_ocop', up: ocop.up },
  { name: '2026_11_23_0004_exchange', up: exchange.up },
  { name: '2026_11_23_0005_reports', up: reports.up },
  { name: '2026_11_23_0006_lineage', up: lineage.up },
  { name: '2026_11_23_0007_plans', up: plans.up },
  { name: '2026_11_23_0008_reform', up: reform.up },
  { name: '2026_11_23_0009_plans_outcomes', up: plansOutcomes.up },
];
