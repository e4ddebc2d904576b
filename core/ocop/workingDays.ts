import type { IsoDate } from './isoDate';
import { addDays, parseIsoDate } from './isoDate';

/**
 * Working days (ngày làm việc) counted from the day after `from`, skipping Saturdays and Sundays (Bộ luật Lao động
 * 2019, Điều 105: the State's offices work Monday to Friday). Public holidays (Điều 112) are not known here: a
 * deadline that crosses Tết comes out early, never late.
 */
export function addWorkingDays(from: IsoDate, workingDays: number): IsoDate {
  let date = from;
  let left = workingDays;
  while (left > 0) {
    date = addDays(date, 1);
    const { y, m, d } = parseIsoDate(date);
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}
