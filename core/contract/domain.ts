import { z } from 'zod';

/** Kinds of office that run NTM Desk. The district tier ended on 1 July 2025 (NQ 60-NQ/TW, 12/4/2025);
 * district offices keep working on their historical records, communes and provinces inherited the work. */
export const OFFICE_KINDS = ['district', 'commune', 'province'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Which administrative map a unit belongs to: before the 1 July 2025 reform (three tiers) or after it. */
export const UNIT_ERAS = ['before-2025-07', 'current'] as const;
export type UnitEra = (typeof UNIT_ERAS)[number];

/** The day the two-tier structure took effect (NQ 202/2025/QH15; NQ 1654–1687/NQ-UBTVQH15). */
export const REFORM_DATE = '2025-07-01';

export type AdminUnit = {
  code: string;
  level: UnitLevel;
  era: UnitEra;
  name: string;
  fullName: string;
  unitType: string;
  provinceCode: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** Set when a search found this current unit through one of its predecessors' names ("Nậm Càn" → Xã Na Ngoi). */
  matchedVia?: { code: string; fullName: string; share: 'full' | 'partial' };
};

export type LineageLink = {
  unit: AdminUnit;
  share: 'full' | 'partial';
  /** The resolution and its clause, verbatim, that moved the old unit into the new one. */
  resolution: string;
  clauseTitle: string;
  clauseText: string;
  confidence: string | null;
};

export type UnitLineage = {
  unit: AdminUnit;
  /** For a current unit: the old units it took over (all or part of). */
  predecessors: LineageLink[];
  /** For an old unit: the new units that took it over. */
  successors: LineageLink[];
  /** Old provinces merged into a current province, or the current province an old one went into. */
  provinces: { code: string; name: string }[];
};

export type OfficeProfile = {
  /** The owning-office code stamped on every record this office makes (see officeCodeOf). */
  officeCode: string;
  kind: OfficeKind;
  provinceCode: string;
  unitCode: string;
  unitLevel: UnitLevel;
  unitEra: UnitEra;
  unitName: string;
  provinceName: string;
  officeName: string;
  /** The issuing body line above the office name in documents (cơ quan chủ quản), e.g. "UBND XÃ NA NGOI". */
  parentBodyName: string;
  updatedAt: string;
};

export type StaffMember = { id: string; name: string; createdAt: string };

export type AuditEntry = {
  id: number;
  at: string;
  staffName: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
};

const nonEmpty = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'Không được để trống.' })
    .max(max, { message: `Tối đa ${max} ký tự.` })
    .transform((s) => s.normalize('NFC'));

export const unitCodeSchema = z.string().regex(/^\d{2,5}$/, { message: 'Mã đơn vị hành chính phải gồm 2–5 chữ số.' });

export const officeSetupSchema = z.object({
  kind: z.enum(OFFICE_KINDS),
  provinceCode: z.string().regex(/^\d{2}$/, { message: 'Mã tỉnh phải gồm 2 chữ số.' }),
  unitCode: unitCodeSchema,
  officeName: nonEmpty(200),
  parentBodyName: nonEmpty(200),
  staffName: nonEmpty(100),
});
export type OfficeSetupInput = z.infer<typeof officeSetupSchema>;

export const officeUpdateSchema = officeSetupSchema.omit({ staffName: true });

/**
 * A stable code for an office, unique across the country: the kind's letter and the official unit code
 * (H = huyện before the reform, X = xã/phường, T = tỉnh). Records and bundles are stamped with it.
 */
export function officeCodeOf(kind: OfficeKind, unitCode: string): string {
  const letter = kind === 'district' ? 'H' : kind === 'commune' ? 'X' : 'T';
  return `${letter}${unitCode}`;
}
