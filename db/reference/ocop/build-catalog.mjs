// Builds ocop-score-catalog.json (the app's OCOP score-sheet catalog, format version 1) from the shared research
// file /work/shared/domain/ocop-criteria.json. Run: node db/reference/ocop/build-catalog.mjs [path/to/ocop-criteria.json]
// The conversion is mechanical; every change of content is listed in CORRECTIONS below with the line of the
// decision text it comes from, and is copied into the output's `corrections` so the app can show it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sourcePath = process.argv[2] ?? '/work/shared/domain/ocop-criteria.json';
const outPath = join(here, 'ocop-score-catalog.json');
const FORMAT_VERSION = 1;

const raw = readFileSync(sourcePath);
const src = JSON.parse(raw.toString('utf8'));

/** Corrections made here, on top of those the research file already applied (its `corrections_applied`). */
const CORRECTIONS = {
  'QD26-2026': [
    {
      sheet: 3,
      criterion: '5.1',
      option: 5,
      set: { minStars: 4 },
      note:
        'Bộ 3, 5.1, phương án "…đưa vào nội dung truy xuất nguồn gốc điện tử": văn bản in dấu "* * * *" (có dấu cách) ' +
        'nên tệp nghiên cứu bỏ sót; đặt tối thiểu 4 sao như các bộ khác (sources/qd26-2026.txt, dòng 1688).',
    },
    {
      sheet: 3,
      criterion: '5.1',
      option: 5,
      set: { stripLabelStars: true },
      note: 'Bộ 3, 5.1: bỏ dấu "* * * *" khỏi nhãn phương án (đã chuyển thành yêu cầu tối thiểu).',
    },
    {
      sheet: 19,
      set: {
        disqualification:
          'Giả mạo hồ sơ hoặc không có đủ điều kiện bắt buộc để sản xuất sản phẩm theo quy định quản lý chuyên ngành của Bộ Y tế; ' +
          'hoặc không có Bản công bố sản phẩm (hoặc tương đương) hoặc không đáp ứng về Hồ sơ đăng ký theo quy định',
      },
      note:
        'Bộ 19: văn bản ghi "Bị loại khi: …" (không có chữ "Hồ sơ") nên tệp nghiên cứu bỏ sót điều kiện loại; ' +
        'chép lại nguyên văn (sources/qd26-2026.txt, dòng 8961).',
    },
    ...[
      [21, 10184],
      [22, 10611],
    ].map(([sheet, line]) => ({
      sheet,
      criterion: '6.2',
      option: 3,
      set: { splitNote: /\s*Ghi chú:\s*Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ\s*$/ },
      note:
        `Bộ ${sheet}, 6.2: câu "Ghi chú: Nếu sản phẩm vi phạm sở hữu trí tuệ, sẽ bị loại bỏ" là ghi chú của tiêu chí ` +
        `(văn bản in ở dòng riêng, sources/qd26-2026.txt dòng ${line}); tệp nghiên cứu gộp nó vào nhãn phương án 3, ` +
        'nay tách ra thành ghi chú để Hội đồng ghi được trường hợp loại hồ sơ.',
    })),
  ],
};

/**
 * Research-file corrections whose wording misdescribes the source, reworded here (the values are unchanged).
 * Bộ 23, 9: the source does print the group maximum, as "4" followed by a stray "1" (sources/qd26-2026.txt dòng
 * 11079–11080); 4 is the maximum used.
 */
const REWORDED = {
  'set 23 (Hoa), C.9 Hướng dẫn sử dụng: group max missing in source; set to 4 so that Phần C sums to 35 (inferred)':
    'Bộ 23 (Hoa), 9. Hướng dẫn sử dụng: văn bản in ô điểm tối đa là "4" rồi "1" (dòng 11079–11080); dùng 4, để Phần C đủ 35 điểm.',
};

const round1 = (x) => Math.round(x * 10) / 10;
const num = (x) => (x === null || x === undefined ? null : round1(Number(x)));
const sumOf = (xs) => round1(xs.reduce((a, b) => a + b, 0));

function option(o) {
  return { label: o.label.trim(), points: num(o.points), minStars: o.min_star_marker ?? null };
}

function criterion(code, title, max, options, notes, parent, aliases = []) {
  const pts = options.map((o) => o.points).filter((x) => x !== null);
  // A criterion whose maximum the transcription left blank takes its best option (only QĐ 148 set 3 has this;
  // the sheet stays unverified because the group sums then disagree with the source).
  const m = max === null || max === undefined ? (pts.length > 0 ? Math.max(...pts) : 0) : num(max);
  return { code, title: title.trim(), max: m, parent, options, notes: notes ?? [], aliases };
}

/** QĐ 26/2026 Phụ lục II: groups numbered 1..n across the sheet, criteria x.y, sub-criteria x.y.z. */
function convertQd26Sheet(s) {
  const parts = s.sections.map((sec) => ({
    code: sec.code,
    title: sec.title,
    max: num(sec.max),
    groups: sec.groups.map((g) => {
      const criteria = [];
      if (g.options.length > 0) {
        // A group scored directly (e.g. "7. DINH DƯỠNG"): the group is its own criterion, code = group number.
        criteria.push(criterion(g.code, g.title, g.max, g.options.map(option), g.notes, null));
      }
      for (const c of g.criteria) {
        if (c.subcriteria && c.subcriteria.length > 0) {
          for (const x of c.subcriteria) {
            criteria.push(criterion(x.code, x.title, x.max, x.options.map(option), x.notes, { code: c.code, title: c.title, max: num(c.max) }));
          }
        } else {
          criteria.push(criterion(c.code, c.title, c.max, c.options.map(option), c.notes, null));
        }
      }
      return { code: g.code, title: g.title, max: num(g.max), criteria };
    }),
  }));
  return { no: s.no, name: s.name, classification: s.classification ?? null, disqualification: s.disqualification ?? null, parts };
}

const VI_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n'];

/** QĐ 148/2023 (third-party transcription): groups "N. TITLE", criteria "a) …"; some groups are scored directly. */
function convertQd148Sheet(s) {
  const warnings = [];
  const parts = s.sections.map((sec) => ({
    code: sec.code,
    title: sec.title,
    max: num(sec.max),
    groups: sec.groups.map((g, gi) => {
      const gm = /^\s*(\d+)\s*\./.exec(g.title);
      const gcode = gm ? gm[1] : String(gi + 1);
      const gtitle = g.title.replace(/^\s*\d+\s*\.\s*/, '').trim();
      // A criterion printed as a bare "a)" under its group takes the group's title.
      const clean = (t) => t.replace(/^\s*[a-zđ]\s*\)\s*/, '').trim() || gtitle;
      const criteria = [];
      let parent = null;
      let subIndex = 0;
      g.criteria.forEach((c, ci) => {
        const letter = /^\s*([a-zđ])\s*\)/.exec(c.title);
        const numbered = /^\s*(\d+)\s*\./.exec(c.title);
        const dash = /^\s*-\s*/.test(c.title);
        let options = c.options.map(option);
        if (c.min_star_marker) {
          // A marker printed on the criterion's title ("e) Sở hữu trí tuệ****"): the product must reach at least the
          // lowest listed option. Kept as a minimum on that option.
          options = options.map((o, i) => (i === 0 ? { ...o, minStars: o.minStars ?? c.min_star_marker } : o));
          warnings.push(`${gcode}: dấu sao in ở tên tiêu chí "${c.title.trim()}", coi là yêu cầu đạt ít nhất phương án thấp nhất`);
        }
        const title = c.title.replace(/\*+\s*$/, '').trim();
        if (dash && parent) {
          subIndex += 1;
          criteria.push(criterion(`${parent.code}.${subIndex}`, title.replace(/^-\s*/, ''), c.max, options, c.note ? [c.note] : [], parent));
          return;
        }
        if (letter) {
          let code = `${gcode}.${letter[1]}`;
          const pos = VI_LETTERS.indexOf(letter[1]) + 1;
          const sameLetter = g.criteria.filter((x) => new RegExp(`^\\s*${letter[1]}\\s*\\)`).test(x.title));
          if (sameLetter.length > 1) {
            // The transcription repeats a letter (set 13 "a) Ngoại hình - …" ×5; set 18 "c)" twice): number them.
            code = `${code}.${sameLetter.indexOf(c) + 1}`;
            warnings.push(`${gcode}: chữ "${letter[1]})" lặp lại, đánh mã ${code}`);
            criteria.push(criterion(code, clean(title), c.max, options, c.note ? [c.note] : [], null));
            return;
          }
          if (c.options.length === 0 && /^\s*-/.test(g.criteria[ci + 1]?.title ?? '')) {
            parent = { code, title: clean(title), max: num(c.max) };
            subIndex = 0;
            return;
          }
          parent = null;
          criteria.push(
            criterion(code, clean(title), c.max, options, c.note ? [c.note] : [], null, pos > 0 ? [`${gcode}.${pos}`] : []),
          );
          return;
        }
        parent = null;
        const code = numbered ? numbered[1] : `${gcode}.${ci + 1}`;
        criteria.push(criterion(code, title, c.max, options, c.note ? [c.note] : [], null));
      });
      return { code: gcode, title: gtitle, max: num(g.max), criteria };
    }),
  }));
  // A positional alias ("1.1" for "1.a") is dropped where it would collide with a printed code.
  const codes = new Set(parts.flatMap((p) => p.groups.flatMap((g) => g.criteria.map((c) => c.code))));
  for (const p of parts) for (const g of p.groups) for (const c of g.criteria) c.aliases = c.aliases.filter((a) => !codes.has(a));
  return { no: s.no, name: s.name, classification: s.classification ?? null, disqualification: null, parts, warnings };
}

/** QĐ 1048/2019 (one sheet, from a database dump): no numbering in the dump, so codes are positional. */
function convertQd1048Sheet(s) {
  let gno = 0;
  const parts = s.sections.map((sec) => ({
    code: sec.code,
    title: sec.title,
    max: num(sec.max),
    groups: sec.groups.map((g) => {
      gno += 1;
      const gcode = String(gno);
      return {
        code: gcode,
        title: g.title,
        max: num(g.max),
        criteria: g.criteria.map((c, i) =>
          criterion(`${gcode}.${i + 1}`, c.title, c.max, c.options.map(option), [c.note, g.max_note].filter(Boolean), null),
        ),
      };
    }),
  }));
  return { no: s.no, name: s.name, classification: s.classification ?? null, disqualification: null, parts };
}

/** The checks every sheet must pass to be marked verified (and so be scored without a warning). */
function checkSheet(sheet, weights) {
  const problems = [];
  const total = sumOf(sheet.parts.map((p) => p.max));
  if (total !== 100) problems.push(`tổng điểm tối đa ${total} ≠ 100`);
  for (const p of sheet.parts) {
    if (weights[p.code] !== p.max) problems.push(`Phần ${p.code}: tối đa ${p.max} ≠ ${weights[p.code]} theo quyết định`);
    const gsum = sumOf(p.groups.map((g) => g.max));
    if (gsum !== p.max) problems.push(`Phần ${p.code}: tổng các nhóm ${gsum} ≠ ${p.max}`);
    for (const g of p.groups) {
      const parents = new Map();
      let csum = 0;
      for (const c of g.criteria) {
        if (c.parent) parents.set(c.parent.code, c.parent);
        csum += c.parent ? 0 : c.max;
        if (c.options.some((o) => o.points === null)) problems.push(`${c.code}: có phương án không ghi điểm`);
        const pts = c.options.map((o) => o.points).filter((x) => x !== null);
        if (pts.length > 0 && Math.max(...pts) !== c.max) problems.push(`${c.code}: điểm cao nhất ${Math.max(...pts)} ≠ tối đa ${c.max}`);
      }
      for (const par of parents.values()) {
        const sub = sumOf(g.criteria.filter((c) => c.parent?.code === par.code).map((c) => c.max));
        if (sub !== par.max) problems.push(`${par.code}: tổng tiêu chí con ${sub} ≠ ${par.max}`);
        csum += par.max;
      }
      if (round1(csum) !== g.max) problems.push(`Nhóm ${g.code}: tổng tiêu chí ${round1(csum)} ≠ ${g.max}`);
    }
  }
  const codes = sheet.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria.flatMap((c) => [c.code, ...c.aliases])));
  const dup = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (dup.length > 0) problems.push(`mã tiêu chí trùng: ${[...new Set(dup)].join(', ')}`);
  return problems;
}

function applyCorrections(versionId, sheets) {
  const applied = [];
  for (const fix of CORRECTIONS[versionId] ?? []) {
    const sheet = sheets.find((s) => s.no === fix.sheet);
    if (!sheet) throw new Error(`correction: sheet ${fix.sheet} not found`);
    if (fix.criterion) {
      const c = sheet.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria)).find((x) => x.code === fix.criterion);
      const o = c?.options[fix.option - 1];
      if (!o) throw new Error(`correction: ${fix.sheet}/${fix.criterion}/${fix.option} not found`);
      if (fix.set.minStars !== undefined) o.minStars = fix.set.minStars;
      if (fix.set.stripLabelStars) o.label = o.label.replace(/[\s*]+$/, '').trim();
      if (fix.set.splitNote) {
        const m = fix.set.splitNote.exec(o.label);
        if (!m) throw new Error(`correction: ${fix.sheet}/${fix.criterion}/${fix.option}: note not in the label`);
        c.notes.push(m[0].trim());
        o.label = o.label.slice(0, m.index).trim();
      }
    } else if (fix.set.disqualification !== undefined) {
      sheet.disqualification = fix.set.disqualification;
    }
    applied.push(fix.note);
  }
  return applied;
}

function bands(v) {
  return v.star_bands.map((b) => ({
    stars: b.stars,
    min: b.min,
    // QĐ 1048 printed integer bands (70–89); with integer points "≤ 89" is "< 90".
    maxExclusive: b.stars === 5 ? null : (b.max_exclusive ?? b.max + 1),
  }));
}

function weightsOf(v) {
  return { A: v.sections.A.max, B: v.sections.B.max, C: v.sections.C.max };
}

const versions = src.versions.map((v) => {
  const weights = weightsOf(v);
  let sheets;
  let minimumsKnown = true;
  let status;
  if (v.id === 'QD26-2026') {
    sheets = v.score_sheets.map(convertQd26Sheet);
    status = 'current';
  } else if (v.id === 'QD148-2023') {
    sheets = v.score_sheets.map(convertQd148Sheet);
    status = 'superseded';
  } else if (v.id === 'QD1048-2019') {
    sheets = v.score_sheets.map(convertQd1048Sheet);
    minimumsKnown = false;
    status = 'superseded';
  } else {
    throw new Error(`unknown version ${v.id}`);
  }
  const corrections = [...(v.corrections_applied ?? []).map((c) => REWORDED[c] ?? c), ...applyCorrections(v.id, sheets)];
  const out = sheets.map((s) => {
    const sourceSheet = v.score_sheets.find((x) => x.no === s.no);
    const sourceWarnings = (sourceSheet.validation ?? []).filter((w) => !/^ok/.test(w));
    const problems = checkSheet(s, weights);
    const warnings = [...(s.warnings ?? []), ...sourceWarnings.map((w) => `nguồn: ${w}`), ...problems];
    const { warnings: _drop, ...rest } = s;
    return { ...rest, verified: problems.length === 0 && sourceWarnings.length === 0 && minimumsKnown, warnings };
  });
  const complete = out.length === 26 && out.every((s) => s.verified);
  return {
    id: v.id,
    decision: v.decision,
    status,
    reliability: v.reliability,
    complete,
    minimumsKnown,
    weights,
    starBands: bands(v),
    certificateValidityMonths: v.certificate_validity_months ?? 36,
    corrections,
    gaps: v.score_sheets_gap ? [v.score_sheets_gap] : [],
    sheets: out,
  };
});

const doc = {
  format: 'ntm-desk.ocop-score-catalog',
  formatVersion: FORMAT_VERSION,
  currentVersion: src.current_version,
  source: {
    file: 'shared/domain/ocop-criteria.json',
    sha256: createHash('sha256').update(raw).digest('hex'),
    decisionText: 'shared/domain/sources/qd26-2026.txt',
    generatedBy: 'db/reference/ocop/build-catalog.mjs',
    gaps: src.gaps,
  },
  versions,
};

writeFileSync(outPath, JSON.stringify(doc, null, 1) + '\n');
for (const v of versions) {
  const bad = v.sheets.filter((s) => !s.verified);
  console.log(`${v.id}: ${v.sheets.length} sheets, complete=${v.complete}, unverified=${bad.map((s) => s.no).join(',') || '-'}`);
  for (const s of bad) for (const w of s.warnings) console.log(`   ${s.no}: ${w}`);
}
