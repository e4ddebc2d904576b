import type { Kysely } from 'kysely';
import * as foundation from './2026_11_23_0001_foundation';
import * as ntm from './2026_11_23_0002_ntm';

export type Migration = { name: string; up: (db: Kysely<any>) => Promise<void> };

/**
 * Every migration, in order. A static list, not a directory scan: bundling breaks scans (STACK.md, kysely).
 * Names are frozen once released; append only.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '2026_11_23_0001_foundation', up: foundation.up },
  { name: '2026_11_23_0002_ntm', up: ntm.up },
];
