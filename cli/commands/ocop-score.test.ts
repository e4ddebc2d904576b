import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bestAnswers, findSheet, findVersion } from '../../core/ocop';
import type { CliContext } from '../types';
import { loadCatalogFile, ocopScoreCommand } from './ocop-score';

const dir = mkdtempSync(join(tmpdir(), 'ocop-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctx: CliContext = { cwd: dir, env: {}, dataDir: dir, log: () => {} };
const sheet1 = findSheet(findVersion(loadCatalogFile()), 1);

function write(name: string, value: unknown): string {
  writeFileSync(join(dir, name), JSON.stringify(value));
  return name;
}

const run = (values: Record<string, string | boolean>) => ocopScoreCommand.run(ctx, { values, positionals: [] });

describe('ocop score', () => {
  it('is the command "ocop score"', () => {
    expect(ocopScoreCommand.path).toEqual(['ocop', 'score']);
    expect(Object.keys(ocopScoreCommand.options)).toEqual(expect.arrayContaining(['sheet', 'answers', 'version', 'json']));
  });

  it('scores a real answers file (relative to cwd) and returns the agreed JSON shape', async () => {
    const answers = { ...bestAnswers(sheet1), '1.5': 2 };
    const value = (await run({ sheet: '1', answers: write('a.json', answers) })) as Record<string, unknown>;
    expect(value).toMatchObject({
      catalog: 'QD26-2026',
      sheet: 1,
      sheetName: 'Rau, củ, quả, hạt tươi',
      parts: { A: 38, B: 25, C: 35 },
      total: 98,
      band: 5,
      stars: 3,
      disqualified: false,
    });
    expect((value.heldBackBy as { code: string; stars: number }[]).map((m) => [m.code, m.stars])).toEqual([
      ['1.5', 4],
      ['1.5', 5],
    ]);
    const text = ocopScoreCommand.format!(value);
    expect(text).toContain('Tổng điểm: 98/100');
    expect(text).toContain('Xếp hạng: 3 sao');
    expect(text).toContain('1.5 Liên kết sản xuất');
  });

  it('reads exclusion and a council from the file', async () => {
    const disq = await run({ sheet: '1', answers: write('d.json', { answers: bestAnswers(sheet1), disqualification: ['forged_dossier'] }) });
    expect(disq).toMatchObject({ disqualified: true, stars: 0, total: 100 });
    expect(ocopScoreCommand.format!(disq)).toContain('HỒ SƠ BỊ LOẠI');
    const council = await run({
      sheet: '1',
      answers: write('c.json', { members: [{ name: 'A', answers: bestAnswers(sheet1) }, { ...bestAnswers(sheet1), '2.4': false }] }),
    });
    expect(council).toMatchObject({ mode: 'council', total: 99.5, stars: 5 });
  });

  it('uses --version for history catalogs', async () => {
    const qd148 = findSheet(findVersion(loadCatalogFile(), 'QD148-2023'), 1);
    const value = await run({ sheet: '1', version: 'QD148-2023', answers: write('h.json', bestAnswers(qd148)) });
    expect(value).toMatchObject({ catalog: 'QD148-2023', total: 100 });
  });

  it('fails with stable codes', async () => {
    await expect(run({ sheet: '27', answers: write('x.json', bestAnswers(sheet1)) })).rejects.toMatchObject({ code: 'OCOP_UNKNOWN_SHEET' });
    await expect(run({ sheet: 'một', answers: 'x.json' })).rejects.toMatchObject({ code: 'OCOP_UNKNOWN_SHEET' });
    await expect(run({ sheet: '1', answers: 'missing.json' })).rejects.toMatchObject({ code: 'OCOP_ANSWERS_UNREADABLE' });
    writeFileSync(join(dir, 'broken.json'), '{ "1.1": ');
    await expect(run({ sheet: '1', answers: 'broken.json' })).rejects.toMatchObject({ code: 'OCOP_ANSWERS_INVALID' });
    await expect(run({ sheet: '1', answers: write('m.json', { '1.1': 3 }) })).rejects.toMatchObject({ code: 'OCOP_MISSING_CRITERIA' });
    await expect(run({ sheet: '1', version: 'QD0', answers: 'x.json' })).rejects.toMatchObject({ code: 'OCOP_UNKNOWN_VERSION' });
  });
});
