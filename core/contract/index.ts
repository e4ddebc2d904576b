import { z } from 'zod';
import { method } from './method';
import {
  UNIT_ERAS,
  UNIT_LEVELS,
  officeSetupSchema,
  officeUpdateSchema,
  unitCodeSchema,
  type AdminUnit,
  type AuditEntry,
  type OfficeProfile,
  type StaffMember,
  type UnitLineage,
} from './domain';
import { ntmContract } from './ntm';
import { safetyContract } from './safety';
import { ocopContract } from './ocop';
import { exchangeContract } from './exchange';
import { reportsContract } from './reports';
import { plansContract } from './plans';
import { reformContract } from './reform';

export * from './domain';
export * from './ntm';
export * from './safety';
export * from './ocop';
export * from './exchange';
export * from './reports';
export * from './plans';
export * from './reform';

/** The one IPC channel for calls, and the one for events pushed to the renderer. */
export const API_CALL_CHANNEL = 'api:call';
export const API_EVENT_CHANNEL = 'api:event';

export type AppInfo = {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  setupDone: boolean;
  office: OfficeProfile | null;
  staff: StaffMember | null;
};

export type DbCheck = {
  integrity: 'ok' | string[];
  appliedMigrations: string[];
  pendingMigrations: string[];
  schemaVersion: number;
};

/**
 * The API contract. Every host (Electron IPC, HTTP on loopback, CLI) validates `input` with these schemas
 * before a service sees it. `output` is a type witness only (never parsed at run time).
 * Names are `area.verb`.
 */

const empty = z.object({}).strict();

export const contract = {
  /** Application state for the shell: version, data folder, whether the first-run setup is done. */
  'app.info': method(empty, 'No input.').returns<AppInfo>(),
  /** First-run setup: office kind, province, unit (must exist in the official list for the kind), names. */
  'setup.complete': method(
    officeSetupSchema,
    'Refused with SETUP_ALREADY_DONE once an office exists; unit must match the kind (district: a pre-reform district).',
  ).returns<AppInfo>(),
  /** Correct the office profile; an audit entry records before and after. */
  'office.update': method(officeUpdateSchema, 'Same rules as setup.').returns<OfficeProfile>(),
  /** Search units by name or code, diacritics and case ignored. */
  'units.search': method(
    z.object({
      query: z.string().max(100),
      level: z.enum(UNIT_LEVELS).optional(),
      era: z.enum(UNIT_ERAS).optional(),
      provinceCode: z.string().regex(/^\d{2}$/).optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    'An empty query lists units in order.',
  ).returns<AdminUnit[]>(),
  /** Units of one level in one era, optionally under a parent (a province's communes, a district's communes). */
  'units.list': method(
    z.object({ level: z.enum(UNIT_LEVELS), era: z.enum(UNIT_ERAS), parentCode: unitCodeSchema.optional() }),
    'parentCode is a province code for districts and current communes, a district code for old communes.',
  ).returns<AdminUnit[]>(),
  /** A unit's predecessors or successors across the 1 July 2025 reform, each with the resolution clause. */
  'units.lineage': method(
    z.object({ code: unitCodeSchema, era: z.enum(UNIT_ERAS).optional() }),
    'A current commune lists its predecessors; an old commune its successors; a province its merged provinces.',
  ).returns<UnitLineage>(),
  /** The audit trail, newest first, optionally for one entity. */
  'audit.list': method(
    z.object({
      entity: z.string().max(50).optional(),
      entityId: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    'Read-only: the trail cannot be edited through the API.',
  ).returns<AuditEntry[]>(),
  /** Integrity check and migration state of the open database. */
  'db.check': method(empty, 'Runs PRAGMA integrity_check; may take seconds on a large database.').returns<DbCheck>(),

  ...ntmContract,
  ...safetyContract,
  ...ocopContract,
  ...exchangeContract,
  ...reportsContract,
  ...plansContract,
  ...reformContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
export * from './host';
