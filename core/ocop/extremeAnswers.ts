import type { OcopAnswers } from './answers';
import type { OcopSheet } from './catalogModel';

/**
 * The answers that give the most (or the fewest) points on a sheet: what "đạt tối đa" means for each criterion.
 * Used to show the ceiling of a sheet and to prove that each sheet's maxima add up to 100.
 */
export function bestAnswers(sheet: OcopSheet): OcopAnswers {
  return pick(sheet, (a, b) => a > b, true);
}

export function worstAnswers(sheet: OcopSheet): OcopAnswers {
  return pick(sheet, (a, b) => a < b, false);
}

function pick(sheet: OcopSheet, better: (a: number, b: number) => boolean, yes: boolean): OcopAnswers {
  const answers: OcopAnswers = {};
  for (const c of sheet.criteria) {
    if (c.kind === 'yesno') {
      answers[c.code] = yes;
      continue;
    }
    let chosen = c.options.find((o) => o.tenths !== null)!;
    for (const o of c.options) if (o.tenths !== null && better(o.tenths, chosen.tenths!)) chosen = o;
    answers[c.code] = chosen.number;
  }
  return answers;
}
