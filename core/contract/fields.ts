import { z } from 'zod';

/** Field schemas shared by the contract's areas, with their Vietnamese messages. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Ngày theo dạng YYYY-MM-DD.' });

/** Required text: trimmed, not empty, at most `max` characters, stored in NFC. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'Không được để trống.' })
    .max(max, { message: `Tối đa ${max} ký tự.` })
    .transform((s) => s.normalize('NFC'));

/** Optional text: an empty string becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Tối đa ${max} ký tự.` })
    .transform((s) => (s === '' ? null : s.normalize('NFC')))
    .nullable()
    .optional();
