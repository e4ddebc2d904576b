/**
 * The `app://ntm-desk/` protocol handler body: serves the built renderer (`out/renderer/`) with our CSP and
 * content types. Uses only `node:fs` and the WHATWG `Request`/`Response` of Node 20 and Electron, so it runs (and
 * is tested) in plain Node; `main.ts` passes it to `protocol.handle`.
 */
import { readFile } from 'node:fs/promises';
import { appResponseHeaders, contentSecurityPolicy, resolveAppPath } from './security';

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
  const filePath = resolveAppPath(rendererDir, request.url);
  if (filePath === null) return plain(404, 'Not Found');
  let body: Buffer;
  try {
    body = await readFile(filePath);
  } catch {
    return plain(404, 'Not Found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: appResponseHeaders(filePath),
  });
}
