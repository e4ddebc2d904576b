import type { DossierItem, DossierStage, RegistrationKind } from './dossierChecklist';
import { dossierChecklist } from './dossierChecklist';

export type ProductDossierItem = DossierItem & {
  stage: DossierStage | 'evidence';
  required: boolean;
  /** Mẫu số 01, 02, 03: written by the app from the records (a signed scan may be attached as well). */
  generated: boolean;
  /** The 05 samples: handed over, never a file. */
  physical: boolean;
};

const GENERATED = new Set(['mau_01', 'mau_02', 'mau_03']);

/**
 * Mẫu số 02, Phần III, "tham khảo hướng dẫn theo bảng": evidence the owner attaches as an appendix of the report.
 * The decision offers the table as guidance, so these items are optional; they are listed so that each file has a place.
 */
export const EVIDENCE_ITEMS: readonly DossierItem[] = [
  ['giay_dkkd', 'Giấy đăng ký kinh doanh'],
  ['gcn_du_dieu_kien', 'Giấy chứng nhận cơ sở đủ điều kiện sản xuất (an toàn thực phẩm hoặc điều kiện bắt buộc)'],
  ['nguon_goc_nguyen_lieu', 'Nguồn gốc nguyên liệu, vùng nguyên liệu, liên kết chuỗi'],
  ['moi_truong', 'Bảo vệ môi trường, sử dụng công nghệ theo hướng bền vững'],
  ['lao_dong_dia_phuong', 'Sử dụng lao động địa phương (danh sách lao động đóng bảo hiểm)'],
  ['tang_truong', 'Tăng trưởng sản xuất kinh doanh (phân loại hợp tác xã, báo cáo tài chính 2 năm gần nhất)'],
  ['so_huu_tri_tue', 'Sở hữu trí tuệ'],
  ['thi_truong', 'Phát triển thị trường, hoạt động quảng bá, xúc tiến thương mại'],
  ['quang_ba', 'Quảng bá sản phẩm (website, hoạt động quảng bá)'],
  ['cau_chuyen', 'Câu chuyện về sản phẩm (tờ rơi, hình ảnh, phim, ghi âm)'],
  ['cong_bo_chat_luong', 'Công bố chất lượng sản phẩm'],
  ['phieu_kiem_nghiem', 'Phiếu kết quả kiểm nghiệm chỉ tiêu chất lượng, an toàn thực phẩm theo tiêu chuẩn công bố'],
  ['ma_vach_truy_xuat', 'Mã số mã vạch, tem truy xuất nguồn gốc'],
  ['he_thong_qlcl', 'Hệ thống quản lý chất lượng tiên tiến, kiểm soát chất lượng'],
  ['giai_thuong', 'Giải thưởng, bình chọn của các tổ chức uy tín trong nước và quốc tế'],
].map(([id, title]) => ({ id, title, article: 'QĐ 26/2026/QĐ-TTg, Phụ lục III, Mẫu số 02, Phần III' }));

/**
 * The checklist of one product's dossier as it leaves the commune for the province (Điều 6, khoản 1 and 2): the
 * owner's part for the registration kind, the commune's part ("Hồ sơ sản phẩm" of khoản 2 điểm c is the owner's
 * part itself, so it is not listed twice), then the optional evidence of Mẫu số 02.
 */
export function productDossierItems(kind: RegistrationKind, sheetNo: number): ProductDossierItem[] {
  const owner = dossierChecklist(kind, 'owner', sheetNo).map((i) => ({ ...i, stage: 'owner' as const }));
  const commune = dossierChecklist(kind, 'commune_to_province', sheetNo)
    .filter((i) => i.id !== 'ho_so_san_pham')
    .map((i) => ({ ...i, stage: 'commune_to_province' as const }));
  const required = [...owner, ...commune].map((i) => ({
    ...i,
    required: true,
    generated: GENERATED.has(i.id),
    physical: i.id === 'san_pham_mau',
  }));
  const evidence = EVIDENCE_ITEMS.map((i) => ({ ...i, stage: 'evidence' as const, required: false, generated: false, physical: false }));
  return [...required, ...evidence];
}
