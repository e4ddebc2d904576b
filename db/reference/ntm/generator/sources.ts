import type { SourceRef } from '../../../../core/ntm';

/** Where each shipped threshold and rule was read. Reliability follows the tags of DOMAIN.md. */

export const QD318_SUMMARY: SourceRef = {
  decision: 'Quyết định 318/QĐ-TTg ngày 08/3/2022',
  article: null,
  location: 'Quy định chung của Bộ tiêu chí xã NTM giai đoạn 2021–2025',
  via: 'http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/39774/ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025',
  reliability: 'secondary',
};

export const QD318_IRRIGATION_PRESS: SourceRef = {
  decision: 'Quyết định 318/QĐ-TTg ngày 08/3/2022',
  article: null,
  location: 'Phụ lục I, tiêu chí số 3 Thủy lợi và phòng, chống thiên tai',
  via: 'Báo chí (URL không lưu), DOMAIN.md §1.1',
  reliability: 'uncertain',
  note: 'Chưa rõ mức theo vùng và số hiệu chỉ tiêu.',
};

export const QD318_WATER_PRESS: SourceRef = {
  decision: 'Quyết định 318/QĐ-TTg ngày 08/3/2022',
  article: null,
  location: 'Tiêu chí số 17, nước sạch từ hệ thống cấp nước tập trung',
  via: 'https://m.baomoi.com/tieu-chi-nuoc-sach-tap-trung-diem-nghen-trong-xay-dung-ntm-o-nhu-thanh/c/44061754.epi',
  reliability: 'secondary',
  note: 'Báo Thanh Hóa; độ tin cậy thấp, không có số hiệu chỉ tiêu và mức cho từng vùng.',
};

export const QD318_ATTP_CODE: SourceRef = {
  decision: 'Quyết định 318/QĐ-TTg ngày 08/3/2022',
  article: null,
  location: 'Phụ lục I, chỉ tiêu 17.8 An toàn thực phẩm',
  via: 'Mã chỉ tiêu thấy trong ứng dụng NTM của một Sở Công Thương (mã nguồn công khai trên GitHub)',
  reliability: 'third_party',
};

/** Criterion 5 and indicator 14.1 thresholds come from the education ministry's guidance of QĐ 318. */
export const QD1491_BGDDT: SourceRef = {
  decision:
    'Quyết định 1491/QĐ-BGDĐT ngày 06/6/2022 (hướng dẫn tiêu chí Trường học, Giáo dục và Đào tạo của Bộ tiêu chí QĐ 318/QĐ-TTg)',
  article: null,
  location: 'Tiêu chí số 5 Trường học và chỉ tiêu 14.1',
  via: 'Bài tóm tắt trên chatluongvacuocsong.vn; nhánh "xã có 3 trường trở xuống" đối chiếu với QĐ 1347/QĐ-UBND tỉnh Vĩnh Long (báo chí); DOMAIN.md §9',
  reliability: 'secondary',
};

export const QD18_REVOCATION: SourceRef = {
  decision: 'Quyết định 18/2022/QĐ-TTg ngày 02/8/2022',
  article: 'Điều 23',
  location: 'Thu hồi quyết định công nhận xã đạt chuẩn NTM',
  via: 'https://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/41861/truong-hop-thu-hoi-quyet-dinh-cong-nhan-xa-dat-chuan-nong-thon-moi; https://www.quangninh.gov.vn/so/sokhdt/Trang/ChiTietTinTuc.aspx?nid=1665',
  reliability: 'secondary',
  note: 'Số điều theo dẫn chiếu của NĐ 131/2025/NĐ-CP (Điều 44 dẫn Điều 23 và khoản 1 Điều 24 QĐ 18/2022); chưa đối chiếu nguyên văn QĐ 18/2022.',
};

export const QD319_PRESS: (condition: number) => SourceRef = (condition) => ({
  decision: 'Quyết định 319/QĐ-TTg ngày 08/3/2022',
  article: null,
  location: `Quy định xã NTM kiểu mẫu giai đoạn 2021–2025, điều kiện thứ ${condition}`,
  via: 'https://baoquangnam.vn/thoi-su-nong-thon-moi/quy-dinh-xa-nong-thon-moi-kieu-mau-giai-doan-2021-2025-124590.html',
  reliability: 'secondary',
});

export const QD1980_INCOME: SourceRef = {
  decision: 'Quyết định 1980/QĐ-TTg ngày 17/10/2016',
  article: null,
  location: 'Bộ tiêu chí ban hành kèm theo, tiêu chí số 10 Thu nhập (mức đến năm 2020)',
  via: 'https://thuviennhadat.vn/phap-ly-nha-dat/tieu-chi-ve-thu-nhap-xa-nong-thon-moi-giai-doan-2016---2020-hien-nay-duoc-quy-dinh-ra-sao-318802.html',
  reliability: 'secondary',
};

export const QD1980_HIGHLIGHTS: (location: string) => SourceRef = (location) => ({
  decision: 'Quyết định 1980/QĐ-TTg ngày 17/10/2016',
  article: null,
  location,
  via: 'http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/14746/bo-tieu-chi-xa-nong-thon-moi-giai-doan-2016-2020',
  reliability: 'secondary',
  note: 'Bài tóm tắt chỉ nêu mức chung; mức theo từng vùng chưa có nên chỉ dùng để tham khảo.',
});
