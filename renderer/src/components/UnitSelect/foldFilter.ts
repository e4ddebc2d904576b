import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { foldVietnamese } from '../../../../core/text/vietnamese';

/** Combobox filter that ignores diacritics and case: "ha tinh" finds "Hà Tĩnh", "dong" finds "Đông". */
export const foldFilter: OptionsFilter = ({ options, search, limit }) => {
  const needle = foldVietnamese(search);
  const out: ComboboxParsedItem[] = [];
  for (const option of options) {
    if (out.length >= limit) break;
    if ('group' in option) continue;
    const item = option as ComboboxItem;
    if (needle === '' || foldVietnamese(item.label).includes(needle) || item.value.includes(needle)) out.push(item);
  }
  return out;
};
