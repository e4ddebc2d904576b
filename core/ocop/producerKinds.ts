/**
 * Chủ thể OCOP, QĐ 26/2026/QĐ-TTg, Điều 2, khoản 3: "hợp tác xã; tổ hợp tác; doanh nghiệp nhỏ và vừa; trang trại,
 * hộ sản xuất, hộ gia đình có đăng ký kinh doanh. Đối với nhóm sản phẩm dịch vụ du lịch cộng đồng, du lịch sinh thái
 * và điểm du lịch bao gồm thêm: hội, hiệp hội, trung tâm điều hành hoặc tổ chức tương đương."
 */
export const PRODUCER_KINDS = {
  hop_tac_xa: 'Hợp tác xã',
  to_hop_tac: 'Tổ hợp tác',
  doanh_nghiep_nho_va_vua: 'Doanh nghiệp nhỏ và vừa',
  trang_trai: 'Trang trại',
  ho_san_xuat: 'Hộ sản xuất có đăng ký kinh doanh',
  ho_gia_dinh: 'Hộ gia đình có đăng ký kinh doanh',
  hoi: 'Hội (chỉ nhóm du lịch)',
  hiep_hoi: 'Hiệp hội (chỉ nhóm du lịch)',
  trung_tam_dieu_hanh: 'Trung tâm điều hành hoặc tổ chức tương đương (chỉ nhóm du lịch)',
} as const;

export type ProducerKind = keyof typeof PRODUCER_KINDS;

export const PRODUCER_KIND_CODES = Object.keys(PRODUCER_KINDS) as [ProducerKind, ...ProducerKind[]];

/** Kinds admitted only for bộ tiêu chí số 26 (dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch). */
export const TOURISM_ONLY_PRODUCER_KINDS: readonly ProducerKind[] = ['hoi', 'hiep_hoi', 'trung_tam_dieu_hanh'];

export function producerKindAllowedFor(kind: ProducerKind, sheetNo: number): boolean {
  return sheetNo === 26 || !TOURISM_ONLY_PRODUCER_KINDS.includes(kind);
}
