import { timingSafeEqual } from 'node:crypto';
import { isAbsolute, normalize, resolve, sep } from 'node:path';

/**
 * Request checks of the web host. It serves one person on this computer, so it answers only to requests
 * addressed to its own loopback address (a foreign Host header means DNS rebinding), from its own pages
 * (a foreign Origin means another local page or site is calling), carrying the per-run secret.
 */
export type GuardVerdict = { ok: true } | { ok: false; status: number; code: string; message: string };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function checkHost(hostHeader: string | undefined, port: number): GuardVerdict {
  if (!hostHeader || !allowedHosts(port).has(hostHeader.toLowerCase())) {
    return { ok: false, status: 403, code: 'HOST_REJECTED', message: 'Yêu cầu bị từ chối: địa chỉ máy chủ không hợp lệ.' };
  }
  return { ok: true };
}

export function checkOrigin(originHeader: string | undefined, port: number, required: boolean): GuardVerdict {
  if (originHeader === undefined) {
    return required
      ? { ok: false, status: 403, code: 'ORIGIN_REJECTED', message: 'Yêu cầu bị từ chối: thiếu nguồn gốc (Origin).' }
      : { ok: true };
  }
  const allowed = [...allowedHosts(port)].map((h) => `http://${h}`);
  if (!allowed.includes(originHeader.toLowerCase())) {
    return { ok: false, status: 403, code: 'ORIGIN_REJECTED', message: 'Yêu cầu bị từ chối: trang gọi không thuộc ứng dụng.' };
  }
  return { ok: true };
}

export function checkSecret(presented: string | undefined | null, secret: string): GuardVerdict {
  const a = Buffer.from(presented ?? '');
  const b = Buffer.from(secret);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return { ok: false, status: 401, code: 'SECRET_REQUIRED', message: 'Phiên làm việc không hợp lệ: hãy mở ứng dụng bằng đường dẫn được in ra khi khởi động.' };
  }
  return { ok: true };
}

/** Maps a URL path to a file under root, or null if it would escape root (`..`, encoded dots, NUL, absolute). */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = normalize(decoded.replace(/^\/+/, ''));
  if (relative.startsWith('..') || isAbsolute(relative)) return null;
  const rootResolved = resolve(root);
  const full = resolve(rootResolved, relative);
  if (full !== rootResolved && !full.startsWith(rootResolved + sep)) return null;
  return full;
}
