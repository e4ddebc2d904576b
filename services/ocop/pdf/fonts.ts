import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../core/errors';

/**
 * A TrueType font with Vietnamese glyphs for generated PDFs. DejaVu Sans ships beside this module (services/ocop/
 * fonts, Bitstream Vera licence, see LICENSE there); NTM_DESK_FONT_DIR overrides the folder (a packaged app points
 * it at its resources); the system copies of DejaVu and Liberation are the last resort.
 */
export type FontFiles = { regular: Uint8Array; bold: Uint8Array; name: string };

function candidates(env: Record<string, string | undefined>): { dir: string; regular: string; bold: string }[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const dejavu = (dir: string) => ({ dir, regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' });
  return [
    ...(env.NTM_DESK_FONT_DIR ? [dejavu(env.NTM_DESK_FONT_DIR)] : []),
    dejavu(join(here, '..', 'fonts')),
    dejavu(join(here, 'fonts')),
    dejavu('/usr/share/fonts/truetype/dejavu'),
    { dir: '/usr/share/fonts/truetype/liberation2', regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf' },
    { dir: '/usr/share/fonts/truetype/liberation', regular: 'LiberationSans-Regular.ttf', bold: 'LiberationSans-Bold.ttf' },
  ];
}

let cached: FontFiles | null = null;

export function loadPdfFonts(env: Record<string, string | undefined> = process.env): FontFiles {
  if (cached) return cached;
  for (const c of candidates(env)) {
    const regular = join(c.dir, c.regular);
    const bold = join(c.dir, c.bold);
    if (existsSync(regular) && existsSync(bold)) {
      cached = { regular: readFileSync(regular), bold: readFileSync(bold), name: c.regular.replace(/\.ttf$/, '') };
      return cached;
    }
  }
  throw new AppError('PDF_FONT_MISSING', 'Không tìm thấy phông chữ tiếng Việt (DejaVu Sans) để tạo tệp PDF. Hãy cài lại ứng dụng.');
}
