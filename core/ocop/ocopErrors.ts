/** Stable error codes of the OCOP scoring engine. The UI and the CLI show the Vietnamese message; tests match the code. */
export const OcopErrorCode = {
  catalogInvalid: 'CATALOG_INVALID',
  catalogFormatTooNew: 'CATALOG_FORMAT_TOO_NEW',
  unknownVersion: 'OCOP_UNKNOWN_VERSION',
  unknownSheet: 'OCOP_UNKNOWN_SHEET',
  answersInvalid: 'OCOP_ANSWERS_INVALID',
  unknownCriterion: 'OCOP_UNKNOWN_CRITERION',
  wrongAnswerType: 'OCOP_ANSWER_WRONG_TYPE',
  optionOutOfRange: 'OCOP_OPTION_OUT_OF_RANGE',
  optionPointsUnknown: 'OCOP_OPTION_POINTS_UNKNOWN',
  missingCriteria: 'OCOP_MISSING_CRITERIA',
  councilEmpty: 'OCOP_COUNCIL_EMPTY',
  disqualificationInvalid: 'OCOP_DISQUALIFICATION_INVALID',
  productCodeInvalid: 'OCOP_PRODUCT_CODE_INVALID',
  dateInvalid: 'OCOP_DATE_INVALID',
} as const;

export type OcopErrorCode = (typeof OcopErrorCode)[keyof typeof OcopErrorCode];
