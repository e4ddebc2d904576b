import { useEffect, useState } from 'react';

/** Sub-routes under '#/ocop' (the shell routes the first segment). */
export type OcopRoute =
  | { view: 'products' }
  | { view: 'producers' }
  | { view: 'due' }
  | { view: 'product'; id: string; tab: 'score' | 'dossier' | 'info' };

export function parseOcopHash(hash: string): OcopRoute {
  const parts = hash.replace(/^#\/?/, '').split('/');
  if (parts[1] === 'producers') return { view: 'producers' };
  if (parts[1] === 'due') return { view: 'due' };
  if (parts[1] === 'product' && parts[2]) {
    const tab = parts[3] === 'dossier' || parts[3] === 'info' ? parts[3] : 'score';
    return { view: 'product', id: parts[2], tab };
  }
  return { view: 'products' };
}

export function ocopHref(route: OcopRoute): string {
  switch (route.view) {
    case 'products':
      return '#/ocop';
    case 'producers':
      return '#/ocop/producers';
    case 'due':
      return '#/ocop/due';
    case 'product':
      return `#/ocop/product/${route.id}/${route.tab}`;
    default: {
      const never: never = route;
      return never;
    }
  }
}

export function useOcopRoute(): [OcopRoute, (r: OcopRoute) => void] {
  const [route, setRoute] = useState<OcopRoute>(() => parseOcopHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseOcopHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [route, (r) => (window.location.hash = ocopHref(r))];
}
