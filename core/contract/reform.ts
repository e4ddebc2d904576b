import { z } from 'zod';
import { unitCodeSchema, type AdminUnit } from './domain';
import { method } from './method';

/** Records that carry an address unit and are re-pointed across the reform. NTM rows are never re-pointed. */
export const REFORM_ENTITIES = ['ocop_producer', 'ocop_product'] as const;
export type ReformEntity = (typeof REFORM_ENTITIES)[number];

export const REFORM_ENTITY_LABELS: Record<ReformEntity, string> = { ocop_producer: 'Chủ thể OCOP', ocop_product: 'Sản phẩm OCOP' };

/** A new unit an old one went into, with the resolution clause that says so. */
export type ReformCandidate = { unit: AdminUnit; share: 'full' | 'partial'; resolution: string; clauseText: string };

/** One record addressed to an old unit, and what re-pointing does with it. */
export type ReformRecord = {
  entity: ReformEntity;
  id: string;
  /** Producer or product name, and the product code when it is a product. */
  label: string;
  officeCode: string;
  oldCode: string;
  oldName: string | null;
};

export type ReformRepointResult = {
  dryRun: boolean;
  /** Full links: moved (or, in a dry run, to be moved) to the one new unit, each with an audit entry. */
  repointed: (ReformRecord & { newCode: string; newName: string; resolution: string })[];
  /** Partial links: in the review queue (created now or already there). */
  queued: (ReformRecord & { candidates: ReformCandidate[]; queueId: string | null })[];
  /** Owned by another office (merged from its bundle): that office re-points them; changing them here would fork the record. */
  otherOffice: ReformRecord[];
  /** Codes in neither unit list, or old units without a lineage link: reported, never changed. */
  unknown: ReformRecord[];
};

export type ReformQueueItem = ReformRecord & {
  queueId: string;
  status: 'pending' | 'later' | 'resolved';
  candidates: ReformCandidate[];
  resolvedCode: string | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * How an Excel sheet (or bundle) that uses old commune codes was read into a current office: rows moved through a
 * full lineage link, and rows that wait for a person (a split old unit, or several old rows landing on one new
 * commune); a waiting row imports nothing.
 */
export type UnitCodeMapping = {
  mapped: { row: number; oldCode: string; oldName: string | null; newCode: string; newName: string; resolution: string }[];
  waiting: {
    row: number;
    oldCode: string;
    oldName: string | null;
    reason: 'partial' | 'merged';
    candidates: { code: string; fullName: string; share: 'full' | 'partial' }[];
    message: string;
  }[];
};

export const reformSchemas = {
  repoint: z.object({ dryRun: z.boolean().default(false) }),
  queueList: z.object({ status: z.enum(['open', 'pending', 'later', 'resolved', 'all']).default('open') }),
  queueResolve: z.object({
    id: z.string().min(1).max(100),
    newUnitCode: z.union([unitCodeSchema, z.literal('later')]),
  }),
};

export const reformContract = {
  /**
   * Re-points this office's OCOP producers and products addressed to an old unit (before 1 July 2025): a full
   * lineage link moves the record at once (one transaction, an audit entry per record naming the resolution);
   * a partial one goes to the review queue. Product codes are kept as certified.
   */
  'reform.repoint': method(reformSchemas.repoint, 'dryRun reports the plan and changes nothing.').returns<ReformRepointResult>(),
  /** The review queue: 'open' is pending and later together. */
  'reform.queue.list': method(reformSchemas.queueList, 'No paths; read-only.').returns<ReformQueueItem[]>(),
  /** Pick the new unit of a queued record (must be one of its candidates; audited), or put it off with 'later'. */
  'reform.queue.resolve': method(reformSchemas.queueResolve, 'newUnitCode is a candidate code or "later"; anything else is refused.').returns<ReformQueueItem>(),
} as const;
