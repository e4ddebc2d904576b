import type { RegistrationKind } from './dossierChecklist';

/**
 * The life of a product through the procedure of QĐ 26/2026/QĐ-TTg, Điều 7 and 8:
 * đăng ký (chủ thể nộp hồ sơ cho UBND xã, khoản 1) → xã kiểm tra (15 ngày làm việc, Mẫu 03, khoản 2) → gửi tỉnh →
 * đánh giá (Hội đồng cấp tỉnh, khoản 3–4; cấp trung ương for 5 sao, khoản 5) → công nhận (3–4 sao: UBND tỉnh; 5 sao:
 * Bộ NN&MT, Điều 4) → hết hạn (36 tháng) / đánh giá lại (khoản 6) / nâng hạng (khoản 5) / thu hồi (Điều 8).
 */
export const PRODUCT_STATUSES = {
  registered: 'Đăng ký',
  commune_review: 'Xã kiểm tra',
  sent_to_province: 'Đã gửi tỉnh',
  evaluating: 'Đang đánh giá',
  recognized: 'Đã công nhận',
  not_recognized: 'Không đạt',
  expired: 'Hết hạn',
  re_evaluating: 'Đánh giá lại',
  upgrading: 'Nâng hạng',
  revoked: 'Đã thu hồi',
} as const;

export type ProductStatus = keyof typeof PRODUCT_STATUSES;
export const PRODUCT_STATUS_CODES = Object.keys(PRODUCT_STATUSES) as [ProductStatus, ...ProductStatus[]];

/**
 * Moves a person may make by hand. 'recognized' and 'revoked' are not here: they follow from issuing or revoking a
 * certificate (a decision with its number), never from a status click.
 */
export const PRODUCT_TRANSITIONS: Record<ProductStatus, readonly ProductStatus[]> = {
  registered: ['commune_review'],
  commune_review: ['sent_to_province', 'registered'],
  sent_to_province: ['evaluating', 'commune_review'],
  evaluating: ['not_recognized', 'sent_to_province'],
  recognized: ['expired', 're_evaluating', 'upgrading'],
  not_recognized: ['registered', 'upgrading'],
  expired: ['re_evaluating'],
  re_evaluating: ['commune_review'],
  upgrading: ['commune_review'],
  revoked: ['registered'],
};

export function canMoveProduct(from: ProductStatus, to: ProductStatus): boolean {
  return PRODUCT_TRANSITIONS[from].includes(to);
}

/** Which dossier (Mẫu 01, "Lần đăng ký") a move starts: re-evaluation and upgrade change the checklist. */
export function registrationKindAfter(to: ProductStatus, current: RegistrationKind): RegistrationKind {
  if (to === 're_evaluating') return 're_evaluation';
  if (to === 'upgrading') return 'upgrade';
  return current;
}

export const REGISTRATION_KINDS: Record<RegistrationKind, string> = {
  first: 'Lần đầu',
  upgrade: 'Nâng hạng',
  re_evaluation: 'Đánh giá lại',
};
