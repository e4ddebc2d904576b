/**
 * The profile axes along which national NTM thresholds differ.
 *
 * 2021–2025: "chỉ tiêu chung và chỉ tiêu theo từng vùng" for 7 socio-economic regions
 * (QĐ 318/QĐ-TTg ngày 08/3/2022; summary at tintuc.thuvienphapluat.com …/39774). The same 7 columns appear in
 * QĐ 491/QĐ-TTg (2009) and QĐ 1980/QĐ-TTg (2016).
 * 2026–2030: three commune groups replace the regions (QĐ 51/2025/QĐ-TTg, Phụ lục I; DOMAIN.md §6.2 and §9,
 * final numbering: nhóm 1 giáp đô thị, nhóm 3 khu vực II–III vùng DTTS&MN, nhóm 2 còn lại).
 */
export const REGION_CODES = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const REGION_NAMES: Readonly<Record<RegionCode, string>> = {
  TDMNPB: 'Trung du và miền núi phía Bắc',
  DBSH: 'Đồng bằng sông Hồng',
  BTB: 'Bắc Trung Bộ',
  DHNTB: 'Duyên hải Nam Trung Bộ',
  TN: 'Tây Nguyên',
  DNB: 'Đông Nam Bộ',
  DBSCL: 'Đồng bằng sông Cửu Long',
};

export const COMMUNE_GROUPS = [1, 2, 3] as const;
export type CommuneGroup = (typeof COMMUNE_GROUPS)[number];

export const COMMUNE_GROUP_NAMES: Readonly<Record<CommuneGroup, string>> = {
  1: 'Nhóm 1: xã giáp ranh đô thị, tỷ trọng nông nghiệp dưới 10% hoặc định hướng lên đô thị',
  2: 'Nhóm 2: các xã còn lại',
  3: 'Nhóm 3: xã khu vực II, III vùng đồng bào dân tộc thiểu số và miền núi',
};
