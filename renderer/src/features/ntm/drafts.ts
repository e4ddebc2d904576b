/**
 * Unsaved entries survive a closed window: every keystroke of an indicator field is kept in localStorage under
 * commune / quarter / indicator / field until the host confirms the save. Storage may be full or disabled
 * (private window); then the draft is simply not kept, and typing still works.
 */
export type DraftField = 'value' | 'evidence';

const PREFIX = 'ntm-desk:draft:';

export function draftKey(unitCode: string, period: string, indicatorCode: string, field: DraftField): string {
  return `${PREFIX}${unitCode}/${period}/${indicatorCode}/${field}`;
}

export function readDraft(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeDraft(key: string, text: string): void {
  try {
    window.localStorage.setItem(key, text);
  } catch {
    // Full or disabled storage: nothing to do but keep going (see above).
  }
}

export function clearDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // As in writeDraft.
  }
}

/** How many drafts are waiting for one commune and quarter (shown on the page after a restart). */
export function countDrafts(unitCode: string, period: string): number {
  try {
    const prefix = `${PREFIX}${unitCode}/${period}/`;
    let n = 0;
    for (let i = 0; i < window.localStorage.length; i++) if (window.localStorage.key(i)?.startsWith(prefix)) n++;
    return n;
  } catch {
    return 0;
  }
}
