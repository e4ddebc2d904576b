import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import type { Result } from '../core/errors';
import type { AppHandle } from '../services/app';
import { checkHost, checkOrigin, checkSecret, resolveStaticPath, type GuardVerdict } from './guards';

export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

// A 25 MB attachment is about 34 MB as base64 inside JSON.
const MAX_BODY_BYTES = 48 * 1024 * 1024;

export type WebServerOptions = { app: AppHandle; rendererDir: string; secret: string; port: number };

export type WebServer = { server: Server; port: number; url: string; close: () => Promise<void> };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, verdict: Exclude<GuardVerdict, { ok: true }>): void {
  sendJson(res, verdict.status, { ok: false, error: { code: verdict.code, message: verdict.message } });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser host: the built renderer and the API contract over HTTP on 127.0.0.1 only.
 * POST /api/call {method, input} with header X-NTM-Secret → Result. GET /api/events?secret= → server-sent events.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { app, rendererDir, secret } = options;
  let port = options.port;
  const eventClients = new Set<ServerResponse>();
  const unsubscribe = app.onEvent((event) => {
    const line = `data: ${JSON.stringify(event)}\n\n`;
    for (const c of eventClients) c.write(line);
  });

  const server = createServer(async (req, res) => {
    try {
      const host = checkHost(req.headers.host, port);
      if (!host.ok) return refuse(res, host);
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

      if (url.pathname === '/api/call') {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Chỉ chấp nhận POST.' } });
        // Browsers always send Origin on a POST; a missing one means a non-browser client, which must still hold the secret.
        const origin = checkOrigin(req.headers.origin, port, false);
        if (!origin.ok) return refuse(res, origin);
        const secretOk = checkSecret(req.headers['x-ntm-secret'] as string | undefined, secret);
        if (!secretOk.ok) return refuse(res, secretOk);
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, error: { code: 'BAD_CONTENT_TYPE', message: 'Yêu cầu phải ở dạng JSON.' } });
        }
        const body = await readBody(req);
        if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'BODY_TOO_LARGE', message: 'Yêu cầu quá lớn.' } });
        let parsed: { method?: unknown; input?: unknown };
        try {
          parsed = JSON.parse(body) as { method?: unknown; input?: unknown };
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'BAD_JSON', message: 'Nội dung yêu cầu không phải JSON hợp lệ.' } });
        }
        const result: Result<unknown> = await app.dispatch(String(parsed.method ?? ''), parsed.input);
        return sendJson(res, 200, result);
      }

      if (url.pathname === '/api/events') {
        const origin = checkOrigin(req.headers.origin, port, false);
        if (!origin.ok) return refuse(res, origin);
        const secretOk = checkSecret(url.searchParams.get('secret'), secret);
        if (!secretOk.ok) return refuse(res, secretOk);
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
        res.write(': connected\n\n');
        eventClients.add(res);
        req.on('close', () => eventClients.delete(res));
        return;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Phương thức không được hỗ trợ.' } });
      }
      let file = resolveStaticPath(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
      if (file === null) return sendJson(res, 400, { ok: false, error: { code: 'BAD_PATH', message: 'Đường dẫn không hợp lệ.' } });
      if (!existsSync(file) || !statSync(file).isFile()) {
        // Unknown paths fall back to the app shell; assets that are missing are a real 404.
        if (extname(url.pathname) !== '') return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
        file = join(rendererDir, 'index.html');
        if (!existsSync(file)) {
          return sendJson(res, 503, { ok: false, error: { code: 'RENDERER_NOT_BUILT', message: 'Giao diện chưa được dựng: hãy chạy "npm run build:renderer".' } });
        }
      }
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': WEB_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
        'Cache-Control': extname(file) === '.html' ? 'no-store' : 'public, max-age=3600',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch (e) {
      console.error('[web]', e);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Lỗi máy chủ nội bộ.' } });
      else res.end();
    }
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen());
  });
  const address = server.address();
  if (address && typeof address === 'object') port = address.port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(secret)}`,
    close: () =>
      new Promise<void>((r) => {
        unsubscribe();
        for (const c of eventClients) c.end();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
