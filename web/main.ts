import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../core/errors';
import { openApp } from '../services/app';
import { defaultDataDir } from '../services/paths';
import { startWebServer } from './server';

/**
 * `npm run web -- [--port N] [--data-dir DIR] [--secret S]`: serves NTM Desk on 127.0.0.1.
 * The secret defaults to a fresh random one per run; the printed URL carries it to the page.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.NTM_DESK_PORT ?? '5178' },
      'data-dir': { type: 'string' },
      secret: { type: 'string', default: process.env.NTM_DESK_WEB_SECRET },
      'renderer-dir': { type: 'string', default: resolve(import.meta.dirname, '..', 'out', 'renderer') },
    },
  });
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const secret = values.secret ?? randomBytes(24).toString('base64url');
  const app = await openApp({ dataDir, host: { kind: 'web' }, maintenance: true });
  const web = await startWebServer({ app, rendererDir: values['renderer-dir']!, secret, port: Number(values.port) });
  console.log(`NTM Desk đang chạy — mở trình duyệt tại: ${web.url}`);
  console.log(`Thư mục dữ liệu: ${dataDir}`);
  const stop = async () => {
    await web.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (isAppError(e)) console.error(`Lỗi ${e.code}: ${e.message}`);
  else console.error(e);
  process.exit(1);
});
