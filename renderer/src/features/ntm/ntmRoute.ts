import { useCallback, useEffect, useState } from 'react';
import { currentPeriod } from './format';

/**
 * Sub-routes of the NTM page, read from the hash the shell routes as '#/ntm':
 * '#/ntm' and '#/ntm/matrix/2025-Q2' (matrix), '#/ntm/overview/2025-Q2', '#/ntm/commune/16873/2025-Q2',
 * '#/ntm/criterion/10/2025-Q2'. The quarter defaults to the current one.
 */
export type NtmView =
  | { kind: 'matrix'; period: string }
  | { kind: 'overview'; period: string }
  | { kind: 'commune'; unitCode: string; period: string }
  | { kind: 'criterion'; no: number; period: string };

const PERIOD = /^\d{4}-Q[1-4]$/;

export function parseNtmHash(hash: string, fallbackPeriod: string): NtmView {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] !== 'ntm') return { kind: 'matrix', period: fallbackPeriod };
  const [, kind, a, b] = parts;
  const periodOr = (p: string | undefined) => (p && PERIOD.test(p) ? p : fallbackPeriod);
  switch (kind) {
    case 'commune':
      if (a && /^\d{5}$/.test(a)) return { kind: 'commune', unitCode: a, period: periodOr(b) };
      break;
    case 'criterion':
      if (a && /^\d{1,2}$/.test(a)) return { kind: 'criterion', no: Number(a), period: periodOr(b) };
      break;
    case 'overview':
      return { kind: 'overview', period: periodOr(a) };
    case 'matrix':
      return { kind: 'matrix', period: periodOr(a) };
    default:
      break;
  }
  return { kind: 'matrix', period: fallbackPeriod };
}

export function ntmHash(view: NtmView): string {
  switch (view.kind) {
    case 'matrix':
      return `#/ntm/matrix/${view.period}`;
    case 'overview':
      return `#/ntm/overview/${view.period}`;
    case 'commune':
      return `#/ntm/commune/${view.unitCode}/${view.period}`;
    case 'criterion':
      return `#/ntm/criterion/${view.no}/${view.period}`;
    default: {
      const never: never = view;
      return never;
    }
  }
}

/** The NTM screen's view from the address; `defaultPeriod` when the address names no quarter (the current one). */
export function useNtmView(defaultPeriod: string = currentPeriod()): [NtmView, (v: NtmView) => void] {
  const read = () => parseNtmHash(window.location.hash, defaultPeriod);
  const [view, setView] = useState<NtmView>(read);
  useEffect(() => {
    const onChange = () => setView(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((v: NtmView) => {
    window.location.hash = ntmHash(v);
  }, []);
  return [view, go];
}
