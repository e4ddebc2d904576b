import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../core/errors';
import type { CliContext, CliOptionSpec, CliParsed } from '../types';

/** The passphrase comes from a file or the environment, never from an argument that `ps` would show. */
export const PASSPHRASE_OPTION: Record<string, CliOptionSpec> = {
  'passphrase-file': {
    type: 'string',
    description: 'Tệp chứa mật khẩu bảo vệ khoá (dòng đầu tiên); hoặc đặt biến môi trường NTM_DESK_PASSPHRASE',
  },
};

export function readPassphrase(ctx: CliContext, args: CliParsed): string | undefined {
  const file = args.values['passphrase-file'];
  if (typeof file === 'string') {
    let text: string;
    try {
      text = readFileSync(resolve(ctx.cwd, file), 'utf8');
    } catch {
      throw new AppError('CLI_PASSPHRASE_FILE_UNREADABLE', `Không đọc được tệp mật khẩu "${file}".`, { file });
    }
    const first = text.split(/\r?\n/)[0] ?? '';
    return first === '' ? undefined : first;
  }
  const env = ctx.env.NTM_DESK_PASSPHRASE;
  return env === undefined || env === '' ? undefined : env;
}
