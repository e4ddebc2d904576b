import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExchangeKeyKind, ExchangeOwnKey, ExchangePeer } from '../../core/contract/index';
import { AppError } from '../../core/errors';
import type { CliCommand, CliContext } from '../types';
import { callOrThrow, withApp } from './foundation';
import { PASSPHRASE_OPTION, readPassphrase } from './passphrase';

const KIND_LABEL: Record<ExchangeKeyKind, string> = { signing: 'khoá ký', encryption: 'khoá nhận (mã hoá)' };

function kindOf(value: unknown): ExchangeKeyKind {
  if (value === 'signing' || value === 'encryption') return value;
  throw new AppError('CLI_BAD_ARGUMENTS', 'Loại khoá phải là "signing" (khoá ký) hoặc "encryption" (khoá nhận).');
}

function readInputFile(ctx: CliContext, file: string | undefined): Buffer {
  if (file === undefined) throw new AppError('CLI_BAD_ARGUMENTS', 'Thiếu đường dẫn tệp.');
  try {
    return readFileSync(resolve(ctx.cwd, file));
  } catch {
    throw new AppError('CLI_FILE_UNREADABLE', `Không đọc được tệp "${file}".`, { file });
  }
}

const formatOwn = (k: ExchangeOwnKey) =>
  `${KIND_LABEL[k.kind].padEnd(20)} ${k.fingerprint}  ${k.keyId ?? ''}${k.status === 'retired' ? ' (đã thay)' : ''} — bảo vệ bằng ${k.protection === 'os' ? 'kho khoá hệ điều hành' : 'mật khẩu'}`;
const formatPeer = (p: ExchangePeer) =>
  `${p.officeCode.padEnd(8)} ${p.name} — ${p.fingerprint}${p.kind === 'province_recipient' ? ' (khoá nhận của tỉnh)' : ''}${p.status === 'retired' ? ' (ngừng tin cậy)' : ''}`;

export const keysGenerateCommand: CliCommand = {
  path: ['keys', 'generate'],
  summary: 'Tạo khoá trao đổi dữ liệu của văn phòng (khoá bí mật được bảo vệ bằng mật khẩu)',
  usage: 'keys generate [--kind signing|encryption]... [--replace] [--passphrase-file FILE]',
  options: {
    kind: { type: 'string', multiple: true, description: 'Loại khoá (mặc định: theo loại văn phòng)' },
    replace: { type: 'boolean', description: 'Thay khoá đang dùng (các đơn vị phải đăng ký lại khoá mới)' },
    ...PASSPHRASE_OPTION,
  },
  run: (ctx, args) =>
    withApp(ctx, (app) =>
      callOrThrow<ExchangeOwnKey[]>(app, 'exchange.keys.generate', {
        kinds: Array.isArray(args.values.kind) ? args.values.kind.map(kindOf) : undefined,
        replace: args.values.replace === true,
        passphrase: readPassphrase(ctx, args),
      }),
    ),
  format: (v) => ['Đã tạo khoá. Đọc dấu vân tay qua điện thoại cho bên kia đối chiếu:', ...(v as ExchangeOwnKey[]).map(formatOwn)].join('\n'),
};

export const keysExportCommand: CliCommand = {
  path: ['keys', 'export'],
  summary: 'Xuất tệp khoá công khai để gửi cho bên kia (tỉnh hoặc đơn vị)',
  usage: 'keys export --kind signing|encryption [--out FILE] | keys export --kind encryption --private --out FILE [--passphrase-file FILE]',
  options: {
    kind: { type: 'string', description: 'signing: khoá ký của đơn vị; encryption: khoá nhận của tỉnh' },
    out: { type: 'string', description: 'Tệp ghi ra (mặc định: tên gợi ý, trong thư mục hiện tại)' },
    private: { type: 'boolean', description: 'Xuất khoá BÍ MẬT nhận gói (age-keygen) để đọc gói bằng `age -d -i`; tệp chỉ người dùng đọc được' },
    ...PASSPHRASE_OPTION,
  },
  run: (ctx, args) =>
    withApp(ctx, async (app) => {
      if (args.values.private === true) {
        if (args.values.kind !== 'encryption') {
          throw new AppError('CLI_BAD_ARGUMENTS', 'Chỉ xuất được khoá bí mật nhận gói (--kind encryption); khoá ký không bao giờ rời máy.');
        }
        if (typeof args.values.out !== 'string') throw new AppError('CLI_BAD_ARGUMENTS', 'Khoá bí mật cần --out TỆP (không ghi ra màn hình).');
        const secret = await callOrThrow<{ fileName: string; contentBase64: string; fingerprint: string }>(app, 'exchange.keys.exportIdentity', {
          passphrase: readPassphrase(ctx, args),
        });
        const path = resolve(ctx.cwd, args.values.out);
        try {
          // Never over an existing file, and readable by its owner only.
          writeFileSync(path, Buffer.from(secret.contentBase64, 'base64'), { mode: 0o600, flag: 'wx' });
        } catch (e) {
          throw new AppError('CLI_FILE_UNWRITABLE', `Không ghi được "${args.values.out}" (tệp đã có, hoặc không có quyền ghi).`, { file: args.values.out, reason: (e as Error).message });
        }
        return { path, fingerprint: secret.fingerprint };
      }
      const file = await callOrThrow<{ fileName: string; contentBase64: string; fingerprint: string }>(app, 'exchange.keys.exportPublic', {
        kind: kindOf(args.values.kind),
      });
      const path = resolve(ctx.cwd, typeof args.values.out === 'string' ? args.values.out : file.fileName);
      writeFileSync(path, Buffer.from(file.contentBase64, 'base64'));
      return { path, fingerprint: file.fingerprint };
    }),
  format: (v) => {
    const r = v as { path: string; fingerprint: string };
    return `Đã ghi ${r.path}\nDấu vân tay: ${r.fingerprint}`;
  },
};

export const keysImportCommand: CliCommand = {
  path: ['keys', 'import'],
  summary: 'Đăng ký khoá công khai của bên kia (tỉnh: khoá ký của đơn vị; đơn vị: khoá nhận của tỉnh)',
  usage: 'keys import FILE [--office MA_DON_VI] [--name TEN]',
  options: {
    office: { type: 'string', description: 'Mã đơn vị gửi (X12345, H123); mặc định lấy từ tệp khoá' },
    name: { type: 'string', description: 'Tên đơn vị hiển thị' },
  },
  run: (ctx, args) =>
    withApp(ctx, (app) => {
      const file = args.positionals[0];
      const bytes = readInputFile(ctx, file);
      return callOrThrow<ExchangePeer>(app, 'exchange.keys.importPeer', {
        fileName: file,
        contentBase64: bytes.toString('base64'),
        officeCode: typeof args.values.office === 'string' ? args.values.office : undefined,
        name: typeof args.values.name === 'string' ? args.values.name : undefined,
      });
    }),
  format: (v) => `Đã đăng ký: ${formatPeer(v as ExchangePeer)}\nHãy đối chiếu dấu vân tay với bên gửi qua điện thoại.`,
};

export const keysImportPrivateCommand: CliCommand = {
  path: ['keys', 'import-private'],
  summary: 'Dùng khoá bí mật có sẵn (age-keygen, minisign -G) làm khoá của văn phòng',
  usage: 'keys import-private FILE [--key-password-file FILE] [--replace] [--passphrase-file FILE]',
  options: {
    'key-password-file': { type: 'string', description: 'Tệp chứa mật khẩu của tệp khoá minisign (dòng đầu tiên)' },
    replace: { type: 'boolean', description: 'Thay khoá đang dùng (các đơn vị phải đăng ký lại khoá mới)' },
    ...PASSPHRASE_OPTION,
  },
  run: (ctx, args) =>
    withApp(ctx, (app) => {
      const file = args.positionals[0];
      const bytes = readInputFile(ctx, file);
      const passwordFile = args.values['key-password-file'];
      const keyPassword = typeof passwordFile === 'string' ? (readInputFile(ctx, passwordFile).toString('utf8').split(/\r?\n/)[0] ?? '') : undefined;
      return callOrThrow<ExchangeOwnKey>(app, 'exchange.keys.importPrivate', {
        fileName: file,
        contentBase64: bytes.toString('base64'),
        keyPassword,
        passphrase: readPassphrase(ctx, args),
        replace: args.values.replace === true,
      });
    }),
  format: (v) => `Đã nhận khoá: ${formatOwn(v as ExchangeOwnKey)}`,
};

export const keysListCommand: CliCommand = {
  path: ['keys', 'list'],
  summary: 'Liệt kê khoá của văn phòng và khoá đã đăng ký của các bên',
  usage: 'keys list',
  options: {},
  run: (ctx) => withApp(ctx, (app) => callOrThrow<{ own: ExchangeOwnKey[]; peers: ExchangePeer[] }>(app, 'exchange.keys.list', {})),
  format: (v) => {
    const r = v as { own: ExchangeOwnKey[]; peers: ExchangePeer[] };
    return [
      'Khoá của văn phòng:',
      ...(r.own.length === 0 ? ['  (chưa có)'] : r.own.map((k) => `  ${formatOwn(k)}`)),
      'Khoá đã đăng ký:',
      ...(r.peers.length === 0 ? ['  (chưa có)'] : r.peers.map((p) => `  ${formatPeer(p)}`)),
    ].join('\n');
  },
};

export const KEYS_COMMANDS = [keysGenerateCommand, keysExportCommand, keysImportCommand, keysImportPrivateCommand, keysListCommand];
