import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../core/errors';
import type { CouncilScoreResult, OcopCatalog, OcopScoreResult, PartCode, UnmetMinimum } from '../../core/ocop';
import { findSheet, findVersion, loadCatalog, parseDisqualification, pointsText, scoreCouncil, scoreSheet } from '../../core/ocop';
import type { CliCommand, CliContext, CliParsed } from '../types';

/** The catalog shipped with the app, built by db/reference/ocop/build-catalog.mjs. */
export const SHIPPED_CATALOG_PATH = fileURLToPath(new URL('../../db/reference/ocop/ocop-score-catalog.json', import.meta.url));

const catalogCache = new Map<string, OcopCatalog>();

export function loadCatalogFile(path: string = SHIPPED_CATALOG_PATH): OcopCatalog {
  const cached = catalogCache.get(path);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('CATALOG_UNREADABLE', `Không đọc được tệp danh mục bộ tiêu chí OCOP: ${path}`, { path });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new AppError('CATALOG_INVALID', 'Tệp danh mục bộ tiêu chí OCOP không phải JSON hợp lệ.', { path });
  }
  const catalog = loadCatalog(doc);
  catalogCache.set(path, catalog);
  return catalog;
}

export type OcopScoreRequest = {
  /** Sheet number (bộ tiêu chí số 1–26); may also come from the answers file's "sheet". */
  sheet?: number | string;
  /** Path of the answers file (JSON); relative paths resolve against `cwd`. Or pass `answers` already parsed. */
  answersPath?: string;
  answers?: unknown;
  /** Catalog version id, e.g. "QD26-2026" (default: the catalog's current version). */
  version?: string;
  cwd?: string;
  catalogPath?: string;
};

export type OcopScoreValue = (OcopScoreResult | CouncilScoreResult) & {
  mode: 'single' | 'council';
  partMax: Record<PartCode, number>;
};

const RESERVED = new Set(['sheet', 'version', 'disqualification', 'disqualified', 'answers', 'members']);

/**
 * Scores an answers file against the shipped catalog. The answers file is JSON, one of:
 *   { "1.1": 3, "2.4": true, … }                                   one evaluator, flat
 *   { "answers": { … }, "disqualification": ["forged_dossier"] }   one evaluator with exclusion
 *   { "members": [ { "name": "…", "answers": { … } }, … ] }         a council (average, QĐ 26/2026, Điều 3 khoản 3)
 * Optional "sheet" and "version" keys in the file are used when the caller gives none.
 */
export function runOcopScore(request: OcopScoreRequest): OcopScoreValue {
  const file = request.answers !== undefined ? request.answers : readAnswersFile(request.answersPath, request.cwd);
  if (typeof file !== 'object' || file === null || Array.isArray(file)) {
    throw new AppError('OCOP_ANSWERS_INVALID', 'Tệp trả lời phải là một đối tượng JSON.');
  }
  const body = file as Record<string, unknown>;
  const sheetArg = request.sheet ?? (body.sheet as number | string | undefined);
  if (sheetArg === undefined) {
    throw new AppError('OCOP_UNKNOWN_SHEET', 'Cần chọn bộ tiêu chí: --sheet N (1–26).');
  }
  const sheetNo = typeof sheetArg === 'number' ? sheetArg : /^\d+$/.test(String(sheetArg).trim()) ? Number(sheetArg) : NaN;
  const catalog = loadCatalogFile(request.catalogPath);
  const version = findVersion(catalog, request.version ?? (typeof body.version === 'string' ? body.version : undefined));
  if (!Number.isInteger(sheetNo)) {
    throw new AppError('OCOP_UNKNOWN_SHEET', `Không có bộ tiêu chí số "${String(sheetArg)}" trong ${version.id}.`, { sheet: sheetArg });
  }
  const sheet = findSheet(version, sheetNo);
  const disqualification = parseDisqualification(body.disqualification ?? body.disqualified, sheet);
  const partMax = { A: sheet.parts[0].max, B: sheet.parts[1].max, C: sheet.parts[2].max };

  if (Array.isArray(body.members)) {
    const members = body.members.map((m: unknown) => {
      const o = (typeof m === 'object' && m !== null ? m : {}) as Record<string, unknown>;
      return 'answers' in o ? { name: typeof o.name === 'string' ? o.name : undefined, answers: o.answers } : { answers: m };
    });
    return { mode: 'council', partMax, ...scoreCouncil(version, sheet, members, disqualification) };
  }
  const answers =
    'answers' in body ? body.answers : Object.fromEntries(Object.entries(body).filter(([k]) => !RESERVED.has(k)));
  return { mode: 'single', partMax, ...scoreSheet(version, sheet, answers, disqualification) };
}

function readAnswersFile(path: string | undefined, cwd: string | undefined): unknown {
  if (!path) throw new AppError('OCOP_ANSWERS_INVALID', 'Cần chỉ ra tệp trả lời: --answers TỆP.json');
  const full = resolve(cwd ?? process.cwd(), path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new AppError('OCOP_ANSWERS_UNREADABLE', `Không đọc được tệp trả lời: ${path}`, { path: full });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('OCOP_ANSWERS_INVALID', `Tệp trả lời không phải JSON hợp lệ: ${path}`, { path: full });
  }
}

const vn = pointsText;

function minimumLine(m: UnmetMinimum): string {
  const chosen = m.chosenOption !== null ? `đã chọn phương án ${m.chosenOption} (${vn(m.chosenPoints)} điểm)` : `điểm trung bình ${vn(m.chosenPoints)}`;
  return `  - ${m.code} ${m.title}: ${m.stars} sao cần ít nhất phương án ${m.requiredOption} "${m.requiredLabel}" (${vn(m.requiredPoints)} điểm); ${chosen}`;
}

export function formatOcopScore(value: unknown): string {
  const v = value as OcopScoreValue;
  const lines: string[] = [];
  lines.push(`Bộ tiêu chí số ${v.sheet}: ${v.sheetName} (${v.catalog})`);
  if (v.mode === 'council') {
    const c = v as CouncilScoreResult & OcopScoreValue;
    lines.push(`Hội đồng: ${c.members.length} thành viên; điểm từng người: ${c.members.map((m) => vn(m.total)).join('; ')}`);
  }
  lines.push(`Phần A: ${vn(v.parts.A)}/${vn(v.partMax.A)} · Phần B: ${vn(v.parts.B)}/${vn(v.partMax.B)} · Phần C: ${vn(v.parts.C)}/${vn(v.partMax.C)}`);
  lines.push(`${v.mode === 'council' ? 'Tổng điểm trung bình' : 'Tổng điểm'}: ${vn(v.total)}/${vn(v.maxTotal)} (khoảng điểm ${v.band} sao)`);
  if (v.disqualified) {
    const stoppedOnly = (v.disqualification?.reasons ?? []).every((r) => r.code === 'evaluation_stopped');
    lines.push(stoppedOnly ? 'Kết quả: DỪNG ĐÁNH GIÁ theo ghi chú của bộ tiêu chí, không xếp hạng.' : 'Kết quả: HỒ SƠ BỊ LOẠI, không xếp hạng.');
    for (const r of v.disqualification?.reasons ?? []) lines.push(`  - ${r.criterion ? `${r.criterion}: ` : ''}${r.text}`);
  } else {
    lines.push(`Xếp hạng: ${v.stars} sao${v.recognition.certificate ? ` (công nhận và cấp giấy chứng nhận: ${v.recognition.authority})` : ' (không ban hành quyết định công nhận, không cấp giấy chứng nhận)'}`);
    if (v.heldBackBy.length > 0) {
      lines.push(`Chưa đạt yêu cầu tối thiểu nên bị hạ từ ${v.band} xuống ${v.stars} sao:`);
      for (const m of v.heldBackBy) lines.push(minimumLine(m));
    }
    if (v.nextStar) {
      const extra = v.nextStar.minimumsUnmet.filter((m) => !v.heldBackBy.includes(m));
      if (v.nextStar.pointsNeeded > 0 || extra.length > 0) {
        lines.push(`Để đạt ${v.nextStar.stars} sao: cần thêm ${vn(v.nextStar.pointsNeeded)} điểm${extra.length > 0 ? ' và đạt các yêu cầu tối thiểu:' : ''}`);
        for (const m of extra) lines.push(minimumLine(m));
      }
    }
  }
  for (const w of v.warnings) lines.push(`Lưu ý: ${w}`);
  return lines.join('\n');
}

function optionString(args: CliParsed, name: string): string | undefined {
  const value = args.values[name];
  if (Array.isArray(value)) return value[value.length - 1];
  return typeof value === 'string' ? value : undefined;
}

export const ocopScoreCommand: CliCommand = {
  path: ['ocop', 'score'],
  summary: 'Chấm điểm, xếp hạng sao sản phẩm OCOP theo bộ tiêu chí (QĐ 26/2026/QĐ-TTg)',
  usage: 'ocop score --sheet N --answers TỆP.json [--version QD26-2026] [--json]',
  options: {
    sheet: { type: 'string', description: 'Số bộ tiêu chí (1–26, Phụ lục II)' },
    answers: { type: 'string', description: 'Tệp JSON: mã tiêu chí → số thứ tự phương án (từ 1) hoặc true/false; hoặc { "members": [...] } cho Hội đồng' },
    version: { type: 'string', description: 'Phiên bản bộ tiêu chí: QD26-2026 (mặc định), QD148-2023, QD1048-2019' },
    json: { type: 'boolean', description: 'In kết quả dạng JSON' },
  },
  run: async (ctx: CliContext, args: CliParsed) =>
    runOcopScore({
      sheet: optionString(args, 'sheet'),
      answersPath: optionString(args, 'answers') ?? args.positionals[0],
      version: optionString(args, 'version'),
      cwd: ctx.cwd,
    }),
  format: formatOcopScore,
};
