import {
  citationOf,
  COMMUNE_GROUP_NAMES,
  REGION_NAMES,
  type AppliesTo,
  type Catalog,
  type Indicator,
} from '../../../core/ntm/index';
import { thresholdTestText } from '../../../core/ntm/thresholdText';

export const KIND_LABELS: Readonly<Record<Indicator['valueKind'], string>> = {
  boolean: 'Có / Không',
  number: 'Số (≥ 0)',
  percent: 'Tỷ lệ % (0–100)',
  choice: 'Chọn trong danh sách',
  text: 'Văn bản',
};

/** Who a threshold applies to, in words: "vùng Đồng bằng sông Hồng; Xã có trên 3 trường: không". */
export function appliesToText(appliesTo: AppliesTo, catalog: Catalog): string {
  const parts: string[] = [];
  if (appliesTo.regions) parts.push(`vùng ${appliesTo.regions.map((r) => REGION_NAMES[r]).join(', ')}`);
  if (appliesTo.groups) parts.push(appliesTo.groups.map((g) => COMMUNE_GROUP_NAMES[g].split(':')[0]).join(', '));
  if (appliesTo.years) parts.push(`năm ${appliesTo.years.from}–${appliesTo.years.to}`);
  for (const [flag, wanted] of Object.entries(appliesTo.flags ?? {})) {
    const label = catalog.profileFlags.find((f) => f.code === flag)?.label ?? flag;
    parts.push(`${label}: ${wanted ? 'có' : 'không'}`);
  }
  return parts.join('; ');
}

/**
 * Every threshold of a rule indicator with who it applies to ("≥ 70 % (vùng …; Xã có trên 3 trường: có)"),
 * or the sourced reference of a manual one ("Tham khảo: …"). The sources are cited in full on "Hướng dẫn".
 */
export function thresholdSummary(indicator: Indicator, catalog: Catalog): string {
  if (indicator.judgement === 'rule') {
    if (indicator.thresholds.length === 0) return 'Chưa có ngưỡng trong nguồn: đánh giá thủ công trong ứng dụng.';
    return indicator.thresholds
      .map((t) => {
        const who = appliesToText(t.appliesTo, catalog);
        return `${thresholdTestText(t.test, indicator.unit)}${who ? ` (${who})` : ''}`;
      })
      .map((s) => (indicator.choices ? labelChoices(s, indicator) : s))
      .join('; ');
  }
  const refs = indicator.references.map((r) => r.text);
  return refs.length > 0 ? `Tham khảo: ${refs.join('; ')}` : 'Đánh giá thủ công theo văn bản hướng dẫn.';
}

/** "Một trong: muc_2, muc_3" reads better with the choices' labels. */
function labelChoices(text: string, indicator: Indicator): string {
  let out = text;
  for (const c of indicator.choices ?? []) out = out.replace(new RegExp(`\\b${c.value}\\b`, 'g'), c.label);
  return out;
}

/** The decisions an indicator's thresholds or references come from, for the guide sheet. */
export function sourcesOf(indicator: Indicator): string {
  const cited = [
    ...indicator.thresholds.map((t) => citationOf(t.source)),
    ...indicator.references.map((r) => citationOf(r.source)),
  ];
  return [...new Set(cited)].join('; ');
}
