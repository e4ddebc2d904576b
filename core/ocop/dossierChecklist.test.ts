import { describe, expect, it } from 'vitest';
import { dossierChecklist } from './dossierChecklist';

describe('dossier checklist, QĐ 26/2026/QĐ-TTg Điều 6', () => {
  it('owner: Mẫu 01 + Mẫu 02 for every kind; re-evaluation adds updates and time-limited papers', () => {
    expect(dossierChecklist('first').map((i) => i.id)).toEqual(['mau_01', 'mau_02']);
    expect(dossierChecklist('upgrade').map((i) => i.id)).toEqual(['mau_01', 'mau_02']);
    expect(dossierChecklist('upgrade')[1].note).toMatch(/thay đổi/);
    expect(dossierChecklist('re_evaluation').map((i) => i.id)).toEqual(['mau_01', 'mau_02', 'cap_nhat_sau_cong_nhan', 'giay_to_co_thoi_han']);
    expect(dossierChecklist('first').every((i) => i.article.startsWith('QĐ 26/2026/QĐ-TTg, Điều 6, khoản 1'))).toBe(true);
  });

  it('commune → province: letter, Mẫu 03, dossier, 05 samples (none for tourism, bộ 26)', () => {
    expect(dossierChecklist('first', 'commune_to_province').map((i) => i.id)).toEqual(['van_ban_xa', 'mau_03', 'ho_so_san_pham', 'san_pham_mau']);
    expect(dossierChecklist('first', 'commune_to_province', 26).map((i) => i.id)).not.toContain('san_pham_mau');
  });

  it('province → ministry: first-time (and upgrade) vs re-evaluation sets', () => {
    expect(dossierChecklist('first', 'province_to_ministry')).toHaveLength(7);
    expect(dossierChecklist('upgrade', 'province_to_ministry')).toEqual(dossierChecklist('first', 'province_to_ministry'));
    expect(dossierChecklist('re_evaluation', 'province_to_ministry').map((i) => i.id)).toContain('bao_cao_co_quan_tham_muu');
  });
});
