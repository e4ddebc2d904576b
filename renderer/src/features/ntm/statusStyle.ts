import type { IndicatorStatusName, NtmCriterionView } from '../../../../core/contract/index';

/**
 * Status is never told by colour alone (colour-blind readers, black-and-white printing): each has a glyph
 * and a word as well.
 */
export type CriterionStatus = NtmCriterionView['status'];

export const CRITERION_STATUS: Record<CriterionStatus, { glyph: string; label: string; color: string; bg: string; fg: string }> = {
  met: { glyph: '✓', label: 'Đạt', color: 'green', bg: '#d3f9d8', fg: '#1b5e20' },
  not_met: { glyph: '✗', label: 'Không đạt', color: 'red', bg: '#ffe3e3', fg: '#a61e1e' },
  undetermined: { glyph: '?', label: 'Chưa xác định', color: 'gray', bg: '#f1f3f5', fg: '#495057' },
};

/** The matrix packs statuses as letters: D = đạt, K = không đạt, ? = chưa xác định. */
export function statusOfLetter(letter: string): CriterionStatus {
  return letter === 'D' ? 'met' : letter === 'K' ? 'not_met' : 'undetermined';
}

export const INDICATOR_STATUS: Record<IndicatorStatusName, { label: string; color: string; glyph: string }> = {
  met: { label: 'Đạt', color: 'green', glyph: '✓' },
  not_met: { label: 'Chưa đạt', color: 'red', glyph: '✗' },
  needs_manual: { label: 'Chờ đánh giá', color: 'yellow', glyph: '…' },
  missing_value: { label: 'Thiếu số liệu', color: 'gray', glyph: '?' },
};

export const ASSESSMENT_STATUS: Record<'draft' | 'submitted' | 'locked' | 'none', { label: string; color: string }> = {
  none: { label: 'Chưa đánh giá', color: 'gray' },
  draft: { label: 'Đang nhập', color: 'blue' },
  submitted: { label: 'Đã gửi', color: 'orange' },
  locked: { label: 'Đã khóa', color: 'dark' },
};

/** "Chưa đạt: 3.1 · Chờ đánh giá: 3.* · Thiếu số liệu: 5.a", or null when nothing is missing. */
export function missingText(c: Pick<NtmCriterionView, 'notMet' | 'needsManual' | 'missingValue'>): string | null {
  const parts = [
    c.notMet.length ? `Chưa đạt: ${c.notMet.join(', ')}` : null,
    c.needsManual.length ? `Chờ đánh giá thủ công: ${c.needsManual.join(', ')}` : null,
    c.missingValue.length ? `Thiếu số liệu: ${c.missingValue.join(', ')}` : null,
  ].filter((x): x is string => x !== null);
  return parts.length ? parts.join(' · ') : null;
}
