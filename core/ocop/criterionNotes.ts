import type { OcopCriterion, OcopSheet } from './catalogModel';
import type { ResolvedAnswer } from './answers';

/*
 * The notes printed under criteria of QĐ 26/2026/QĐ-TTg, Phụ lục II that change the outcome, not just explain:
 *
 * - "Bị loại nếu …" (e.g. bộ 7, 1.1; bộ 21 and 22, 6.2 "Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ"): the
 *   dossier is excluded when the Council finds the case. Declared by the Council.
 * - "Không đánh giá / không xem xét …" (the impurity notes on 6.1 of bộ 1–10, 12, 15, 17; "Không đánh giá những sản
 *   phẩm có tính phổ biến …" on 2.1 of bộ 1–4; bộ 19 and 20, tiêu chí 6 "Không đánh giá các bước tiếp theo nếu không
 *   có Phiếu công bố …"): the evaluation stops there and the product is not ranked. Declared by the Council, and
 *   found from the answers where the sheet makes the case an option or a score:
 *     · bộ 16, 6.4 "Nếu được 0 điểm tại một trong các chỉ tiêu trên, sẽ không đánh giá các bước tiếp theo": a 0 on
 *       any criterion of that group up to the note (6.1–6.4) stops it (sources/qd26-2026.txt, dòng 7981);
 *     · bộ 19, 6: its only 0-point option is "Không có hồ sơ công bố tiêu chuẩn sản phẩm" (dòng 9272, 9284), and the
 *       sheet's header excludes a dossier "không có Bản công bố sản phẩm" (dòng 8961).
 * - "Chỉ áp dụng khi có câu chuyện sản phẩm" (5.2 of every sheet that has it): with 5.1 at "Không có câu chuyện sản
 *   phẩm", 5.2 scores nothing (dòng 734).
 * A Council's average stops on a 0 only when every member gave 0 (the average is 0), as minimums are read on the
 * average (councilScore.ts).
 */

const EXCLUDES = /bị loại/i;
const STOPS = /không đánh giá|không xem xét/i;
const ZERO_ABOVE = /Nếu được 0 điểm tại một trong các chỉ tiêu trên/i;
const WITHOUT = /không đánh giá các bước tiếp theo nếu không có/i;
const ONLY_WITH_STORY = /^Chỉ áp dụng khi có câu chuyện sản phẩm/i;
const NO_STORY_OPTION = /^Không có câu chuyện sản phẩm/i;

const clean = (note: string) => note.replace(/^(Ghi chú|Chú ý):\s*/i, '').trim();

export type NoteKind = 'excludes' | 'stops';

/** The note of a criterion a Council can declare (exclusion or stop), with its kind; null when it has none. */
export function declarableNote(criterion: OcopCriterion): { kind: NoteKind; text: string } | null {
  const exclude = criterion.notes.find((n) => EXCLUDES.test(n));
  if (exclude) return { kind: 'excludes', text: clean(exclude) };
  const stop = criterion.notes.find((n) => STOPS.test(n));
  if (stop) return { kind: 'stops', text: clean(stop) };
  return null;
}

/** The criteria whose score alone stops the evaluation, each with the criteria it watches and the note. */
function zeroRules(sheet: OcopSheet): { watched: OcopCriterion[]; note: string }[] {
  const rules: { watched: OcopCriterion[]; note: string }[] = [];
  sheet.criteria.forEach((c, i) => {
    const zeroAbove = c.notes.find((n) => ZERO_ABOVE.test(n));
    if (zeroAbove) {
      const watched: OcopCriterion[] = [];
      for (let j = i; j >= 0 && sheet.criteria[j]!.groupCode === c.groupCode; j--) watched.unshift(sheet.criteria[j]!);
      rules.push({ watched, note: clean(zeroAbove) });
    }
    const without = c.notes.find((n) => WITHOUT.test(n));
    if (without && c.options.some((o) => o.tenths === 0 && /^Không có/i.test(o.label))) rules.push({ watched: [c], note: clean(without) });
  });
  return rules;
}

/** Stops found from the scores: criteria (code) at 0 that a zero rule watches, with the note that stops. */
export function stopsFromScores(sheet: OcopSheet, scoreTenths: (c: OcopCriterion) => number): { criterion: string; text: string }[] {
  const out: { criterion: string; text: string }[] = [];
  for (const rule of zeroRules(sheet)) {
    const zero = rule.watched.find((c) => scoreTenths(c) === 0);
    if (zero) out.push({ criterion: zero.code, text: rule.note });
  }
  return out;
}

export function notAppliedWarning(code: string): string {
  return `Tiêu chí ${code} chỉ áp dụng khi có câu chuyện sản phẩm; phiếu chọn "Không có câu chuyện sản phẩm" nên ${code} không được tính điểm.`;
}

/**
 * One evaluator's answers with "Chỉ áp dụng khi có câu chuyện sản phẩm" applied: without a story, 5.2 scores 0.
 * Returns the answers (new objects where changed) and the codes that scored nothing for it.
 */
export function applyOnlyWithStory(resolved: ResolvedAnswer[]): { resolved: ResolvedAnswer[]; notApplied: string[] } {
  const notApplied: string[] = [];
  const out = resolved.map((r) => {
    if (!r.criterion.notes.some((n) => ONLY_WITH_STORY.test(n))) return r;
    const story = resolved.find((s) => s.criterion.groupCode === r.criterion.groupCode && s.criterion.options.some((o) => NO_STORY_OPTION.test(o.label)));
    if (!story || story.option === null || !NO_STORY_OPTION.test(story.option.label) || r.tenths === 0) return r;
    notApplied.push(r.criterion.code);
    return { ...r, tenths: 0 };
  });
  return { resolved: out, notApplied };
}
