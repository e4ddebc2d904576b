import type { ThresholdTest } from './catalogSchema';

function num(n: number): string {
  return String(n).replace('.', ',');
}

/** A threshold as a person reads it: "≥ 45 triệu đồng/người/năm", "Có", "một trong: …". */
export function thresholdTestText(test: ThresholdTest, unit: string | null): string {
  const u = unit ? ` ${unit}` : '';
  switch (test.op) {
    case 'gte':
      return `≥ ${num(test.value)}${u}`;
    case 'gt':
      return `> ${num(test.value)}${u}`;
    case 'lte':
      return `≤ ${num(test.value)}${u}`;
    case 'lt':
      return `< ${num(test.value)}${u}`;
    case 'is':
      return test.value ? 'Có / Đạt' : 'Không';
    case 'oneOf':
      return `Một trong: ${test.values.join(', ')}`;
    default: {
      const never: never = test;
      return never;
    }
  }
}
