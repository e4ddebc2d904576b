/**
 * Dossier contents, QĐ 26/2026/QĐ-TTg, Điều 6, as data. The kinds of registration are those of Mẫu số 01
 * ("Lần đăng ký: Lần đầu / Nâng hạng / Đánh giá lại").
 */
export type RegistrationKind = 'first' | 'upgrade' | 're_evaluation';

export type DossierStage = 'owner' | 'commune_to_province' | 'province_to_ministry';

export type DossierItem = { id: string; title: string; article: string; note?: string };

/** Điều 7, khoản 2: UBND cấp xã checks and assesses the dossier within 15 working days of receipt. */
export const COMMUNE_REVIEW_WORKING_DAYS = 15;

/** Điều 6, khoản 2, điểm d and khoản 3: 05 samples, except for the tourism group (bộ tiêu chí số 26). */
export const SAMPLE_COUNT = 5;
export const TOURISM_SHEET_NO = 26;

const FORM_01: DossierItem = {
  id: 'mau_01',
  title: 'Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP (Mẫu số 01 Phụ lục III)',
  article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1',
};
const FORM_02: DossierItem = {
  id: 'mau_02',
  title: 'Báo cáo tự đánh giá về sản phẩm (Mẫu số 02 Phụ lục III)',
  article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1',
};

const OWNER: Record<RegistrationKind, DossierItem[]> = {
  first: [
    { ...FORM_01, article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm a' },
    { ...FORM_02, article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm a' },
  ],
  upgrade: [
    { ...FORM_01, article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm b' },
    {
      ...FORM_02,
      article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm b',
      note: 'Phải thể hiện rõ nội dung và tài liệu minh chứng về những thay đổi so với sản phẩm OCOP đã được công nhận.',
    },
  ],
  re_evaluation: [
    { ...FORM_01, article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm c' },
    { ...FORM_02, article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm c' },
    {
      id: 'cap_nhat_sau_cong_nhan',
      title:
        'Cập nhật nội dung mới và kết quả sau thời gian được công nhận về: nguyên liệu, công nghệ sử dụng, bao bì, nhãn mác, công bố chất lượng, các phiếu kiểm nghiệm định kỳ, thị trường tiêu thụ, sản lượng, doanh thu',
      article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm c',
    },
    {
      id: 'giay_to_co_thoi_han',
      title: 'Bổ sung minh chứng các giấy tờ pháp lý có thời hạn',
      article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1, điểm c',
    },
  ],
};

function samples(article: string): DossierItem {
  return {
    id: 'san_pham_mau',
    title: `${String(SAMPLE_COUNT).padStart(2, '0')} sản phẩm mẫu (do chủ thể OCOP cung cấp)`,
    article,
  };
}

const COMMUNE: DossierItem[] = [
  { id: 'van_ban_xa', title: 'Văn bản của UBND cấp xã đề nghị UBND cấp tỉnh đánh giá, phân hạng sản phẩm OCOP', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 2, điểm a' },
  {
    id: 'mau_03',
    title: 'Báo cáo của UBND cấp xã đánh giá một số nội dung của hồ sơ (Mẫu số 03 Phụ lục III)',
    article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 2, điểm b',
  },
  { id: 'ho_so_san_pham', title: 'Hồ sơ sản phẩm', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 2, điểm c' },
  samples('QĐ 26/2026/QĐ-TTg, Điều 6, khoản 2, điểm d'),
];

const PROVINCE_FIRST: DossierItem[] = [
  { id: 'van_ban_tinh', title: 'Văn bản của UBND cấp tỉnh gửi Bộ Nông nghiệp và Môi trường đề nghị đánh giá, phân hạng sản phẩm OCOP', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm a' },
  { id: 'bao_cao_to_tu_van', title: 'Báo cáo đánh giá của Tổ tư vấn Hội đồng cấp tỉnh', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm a' },
  { id: 'bao_cao_hoi_dong', title: 'Báo cáo đánh giá của Hội đồng cấp tỉnh', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm a' },
  { id: 'quyet_dinh_phe_duyet', title: 'Quyết định phê duyệt kết quả đánh giá của Chủ tịch UBND cấp tỉnh', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm a' },
  { id: 'ho_so_san_pham', title: 'Hồ sơ sản phẩm', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm a' },
  { id: 'kiem_nghiem_bo_sung', title: 'Các văn bản xác nhận kiểm tra, kiểm nghiệm bổ sung của cấp tỉnh (nếu có)', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm a' },
  samples('QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm a'),
];

const PROVINCE_RE_EVALUATION: DossierItem[] = [
  { id: 'van_ban_tinh', title: 'Văn bản của UBND cấp tỉnh gửi Bộ Nông nghiệp và Môi trường đề nghị đánh giá, phân hạng lại sản phẩm OCOP 5 sao', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm b' },
  { id: 'bao_cao_co_quan_tham_muu', title: 'Báo cáo đánh giá của cơ quan tham mưu quản lý OCOP cấp tỉnh', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm b' },
  { id: 'ho_so_san_pham', title: 'Hồ sơ sản phẩm', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm b' },
  { id: 'kiem_nghiem_bo_sung', title: 'Các văn bản xác nhận kiểm tra, kiểm nghiệm bổ sung của cấp tỉnh (nếu có)', article: 'QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm b' },
  samples('QĐ 26/2026/QĐ-TTg, Điều 6, khoản 3, điểm b'),
];

/**
 * The documents one stage needs. Samples are left out for the tourism group (Điều 6, khoản 2, điểm d; khoản 3).
 * An upgrade to 5 stars goes to the ministry with the first-time set (Điều 7, khoản 5, điểm a → khoản 3, điểm a).
 */
export function dossierChecklist(kind: RegistrationKind, stage: DossierStage = 'owner', sheetNo?: number): DossierItem[] {
  const tourism = sheetNo === TOURISM_SHEET_NO;
  const items =
    stage === 'owner'
      ? OWNER[kind]
      : stage === 'commune_to_province'
        ? COMMUNE
        : kind === 're_evaluation'
          ? PROVINCE_RE_EVALUATION
          : PROVINCE_FIRST;
  return items.filter((i) => !(tourism && i.id === 'san_pham_mau'));
}
