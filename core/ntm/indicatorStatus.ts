/**
 * Outcome of one indicator. Kept as small integers so a province-wide run fills typed arrays instead of
 * allocating an object per indicator; `INDICATOR_STATUS_NAMES` maps them back for callers.
 */
export const IndicatorStatusCode = {
  met: 0,
  notMet: 1,
  needsManual: 2,
  missingValue: 3,
} as const;
export type IndicatorStatusCode = (typeof IndicatorStatusCode)[keyof typeof IndicatorStatusCode];

export type IndicatorStatus = 'met' | 'not_met' | 'needs_manual' | 'missing_value';
export const INDICATOR_STATUS_NAMES: readonly IndicatorStatus[] = ['met', 'not_met', 'needs_manual', 'missing_value'];

/** Why an indicator has its status. */
export const IndicatorReasonCode = {
  /** A sourced threshold was applied to the value. */
  rule: 0,
  /** Judged by hand, with evidence. */
  manual: 1,
  /** The catalog says this indicator is judged by hand and nobody has judged it yet. */
  manualIndicator: 2,
  /** A hand judgement without evidence does not count (đạt / chưa đạt phải kèm minh chứng). */
  manualWithoutEvidence: 3,
  /** The indicator is rule-judged but its source gives no threshold for this profile or year. */
  noThreshold: 4,
  /** The threshold depends on a profile fact (region, group, flag) that is not entered. */
  profileIncomplete: 5,
  /** No value entered. */
  noValue: 6,
  /** The value has the wrong kind or is out of range (e.g. a percentage over 100). */
  invalidValue: 7,
} as const;
export type IndicatorReasonCode = (typeof IndicatorReasonCode)[keyof typeof IndicatorReasonCode];

export type IndicatorReason =
  | 'rule'
  | 'manual'
  | 'manual_indicator'
  | 'manual_without_evidence'
  | 'no_threshold'
  | 'profile_incomplete'
  | 'no_value'
  | 'invalid_value';
export const INDICATOR_REASON_NAMES: readonly IndicatorReason[] = [
  'rule',
  'manual',
  'manual_indicator',
  'manual_without_evidence',
  'no_threshold',
  'profile_incomplete',
  'no_value',
  'invalid_value',
];

export const INDICATOR_REASON_TEXT: Readonly<Record<IndicatorReason, string>> = {
  rule: 'Đánh giá tự động theo ngưỡng có nguồn.',
  manual: 'Đánh giá thủ công, có minh chứng.',
  manual_indicator:
    'Chỉ tiêu đánh giá thủ công (nguồn chưa có ngưỡng định lượng): cần cán bộ kết luận đạt / chưa đạt kèm minh chứng.',
  manual_without_evidence: 'Đã chọn đạt / chưa đạt nhưng chưa ghi minh chứng.',
  no_threshold: 'Nguồn chưa có ngưỡng cho vùng, nhóm xã hoặc năm này: cần đánh giá thủ công kèm minh chứng.',
  profile_incomplete: 'Chưa đủ thông tin về xã (vùng, nhóm xã hoặc đặc điểm) để chọn ngưỡng.',
  no_value: 'Chưa nhập số liệu.',
  invalid_value: 'Số liệu không đúng loại hoặc ngoài phạm vi cho phép.',
};

/** What the caller supplies for one indicator. */
export type IndicatorInput = {
  value?: boolean | number | string | null;
  /** Hand judgement: only counted for manual indicators, or rule indicators without a threshold. */
  manual?: { met: boolean; evidence: string } | null;
};
