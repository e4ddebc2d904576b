import { AppError } from '../../core/errors';
import { foldVietnamese } from '../../core/text/vietnamese';
import { getOfficeProfile } from '../../db/office';
import type { ServiceContext } from '../context';
import { todayOf } from '../ocop/actor';
import type { Nd30Heading, Nd30Signature } from './nd30Docx';
import { getReportSettings } from './reportService';

/** What a caller may set on a document the office issues; everything left out comes from the office and the report settings. */
export type DocumentLineOverrides = {
  documentNo?: string;
  symbol?: string;
  place?: string;
  date?: string;
  signerTitle?: string;
  signerName?: string;
  recipients?: string[];
};

export type DocumentLines = { heading: Nd30Heading; signature: Nd30Signature };

/**
 * The header and signature lines of a document this office issues (NĐ 30/2020): the office and its parent body
 * from the office profile, the place from its unit, the signer and recipients from the report settings, today's
 * date, and the caller's overrides over all of them. `recipientsFirst` come before the settings' recipients
 * ("Như trên", the body reported to), never twice.
 */
export async function documentLines(
  ctx: ServiceContext,
  overrides: DocumentLineOverrides = {},
  defaults: { symbol?: (settingsSymbol: string) => string; recipientsFirst?: string[]; date?: string } = {},
): Promise<DocumentLines> {
  const profile = await getOfficeProfile(ctx.db);
  if (!profile) throw new AppError('SETUP_REQUIRED', 'Chưa thiết lập văn phòng. Hãy hoàn thành bước thiết lập ban đầu.');
  const settings = await getReportSettings(ctx);
  const unit = await ctx.db.selectFrom('admin_unit').select('name').where('code', '=', profile.unitCode).where('era', '=', profile.unitEra).executeTakeFirst();
  const nfc = (s: string) => s.normalize('NFC').trim();
  const settingsRecipients = settings.recipients.map(nfc).filter(Boolean);
  const first = (defaults.recipientsFirst ?? []).map(nfc).filter(Boolean);
  const recipients = overrides.recipients ? overrides.recipients.map(nfc).filter(Boolean) : [...first, ...settingsRecipients.filter((r) => !first.includes(r))];
  return {
    heading: {
      parentBodyName: profile.parentBodyName,
      officeName: profile.officeName,
      documentNo: nfc(overrides.documentNo ?? ''),
      symbol: nfc(overrides.symbol ?? (defaults.symbol ? defaults.symbol(settings.symbol) : settings.symbol)),
      place: nfc(overrides.place ?? unit?.name ?? profile.unitName),
      date: overrides.date ?? defaults.date ?? todayOf(ctx.now()),
    },
    signature: {
      recipients,
      signerTitle: nfc(overrides.signerTitle ?? settings.signerTitle),
      signerName: nfc(overrides.signerName ?? settings.signerName),
      fallbackTitle: profile.officeName,
    },
  };
}

/** A file name part from Vietnamese text: "08/BCĐ-VPĐP" → "08-bcd-vpdp". */
export function fileSlug(text: string, max = 40): string {
  return (
    foldVietnamese(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max)
      .replace(/-+$/, '') || 'van-ban'
  );
}
