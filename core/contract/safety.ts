import { z } from 'zod';
import { method } from './method';
import type { AuditEntry, StaffMember } from './domain';

export type BackupManifestView = {
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  reason: 'manual' | 'daily' | 'pre-migration' | 'pre-restore';
  office: { officeCode: string; officeName: string; unitName: string } | null;
  database: { size: number };
  attachments: { sha256: string; size: number }[];
  counts: Record<string, number>;
};

export type BackupEntryView = { fileName: string; size: number; manifest: BackupManifestView | null; problem: string | null };

export type StaffView = StaffMember & { hasPin: boolean; current: boolean };

const backupName = z.string().regex(/^[^/\\\0]+\.ntmbak$/, { message: 'Tên tệp sao lưu không hợp lệ.' });
const pin = z.string().regex(/^\d{4,8}$/, { message: 'Mã PIN gồm 4 đến 8 chữ số.' });

export const safetyContract = {
  /** Backups in the data folder (automatic and manual), newest first, each verified. */
  'backup.list': method(z.object({}).strict(), 'No input.').returns<BackupEntryView[]>(),
  /** Make a backup now: into the data folder, or a folder chosen in a native dialog (Electron only). */
  'backup.create': method(
    z.object({ where: z.enum(['data-folder', 'choose-folder']).default('data-folder') }),
    'The renderer never sends a path; choose-folder asks the host.',
  ).returns<{ fileName: string; folder: string; manifest: BackupManifestView } | null>(),
  /** Restore one of the data folder's backups by file name; the current database is kept aside first. */
  'backup.restore': method(z.object({ fileName: backupName }), 'A file name from backup.list, not a path.').returns<{
    restored: BackupManifestView;
    keptAside: string;
  }>(),
  /** Restore from a file chosen in a native dialog (Electron only). */
  'backup.restoreFromFile': method(z.object({}).strict(), 'Asks the host for the file.').returns<{
    restored: BackupManifestView;
    keptAside: string;
  } | null>(),
  /** Staff members of this computer; who is at the keyboard now. */
  'staff.list': method(z.object({}).strict(), 'No input.').returns<StaffView[]>(),
  'staff.add': method(
    z.object({ name: z.string().trim().min(1, { message: 'Không được để trống.' }).max(100).transform((s) => s.normalize('NFC')), pin: pin.optional() }),
    'PIN optional; stored as a salted scrypt hash.',
  ).returns<StaffView>(),
  /** Choose the person at the keyboard (recorded on every change); the PIN is required when one is set. */
  'staff.select': method(z.object({ id: z.string().uuid(), pin: z.string().max(8).optional() }), 'Wrong PIN: STAFF_PIN_WRONG.').returns<StaffView>(),
  /** Search the audit trail (read-only). */
  'audit.search': method(
    z.object({
      query: z.string().max(200).optional(),
      entity: z.string().max(50).optional(),
      from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    'Matches who, what entity, its id and the before/after values, diacritics ignored.',
  ).returns<AuditEntry[]>(),
} as const;
