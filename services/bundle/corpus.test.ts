import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from './readBundle';
import { parseAgeIdentityFile } from './keys';
import { parsePublicKey } from './minisignKeys';
import type { RecordValidator } from './ndjson';
import type { CorpusCase } from './__fixtures__/corpus/corpusIndex';
import { errorCodeOf } from './__fixtures__/testKit';

/*
 * Every file of the bad-input corpus must fail with exactly the code index.json lists (and the valid
 * fixtures must keep importing). Regenerate with services/bundle/__fixtures__/corpus/generate.ts.
 */

const corpusDir = join(import.meta.dirname, '__fixtures__', 'corpus');
const cases = JSON.parse(readFileSync(join(corpusDir, 'index.json'), 'utf8')) as CorpusCase[];

const validators: Record<string, RecordValidator> = {
  communeNeedsName: (type, record) => {
    if (type === 'commune' && typeof record.name !== 'string') throw new Error('commune.name is required');
    return record;
  },
};

async function readCase(c: CorpusCase): Promise<unknown> {
  const province = await parseAgeIdentityFile(readFileSync(join(corpusDir, 'keys', 'province.agekey'), 'utf8'));
  const office = parsePublicKey(readFileSync(join(corpusDir, 'keys', 'office.pub'), 'utf8'));
  return readBundle({
    path: join(corpusDir, 'files', c.file),
    identities: [province.identity],
    trustedSigners: [{ ...office, officeCode: c.signerOffice ?? 'H01' }],
    validateRecord: c.validator === undefined ? undefined : validators[c.validator],
    limits: c.limits,
  });
}

describe('bad-input corpus', () => {
  it('has at least 25 cases, one per file, each with a known validator', () => {
    expect(cases.filter((c) => c.code !== 'OK').length).toBeGreaterThanOrEqual(25);
    expect(readdirSync(join(corpusDir, 'files')).sort()).toEqual(cases.map((c) => c.file).sort());
    for (const c of cases) if (c.validator !== undefined) expect(validators[c.validator]).toBeDefined();
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s', async (_file, c) => {
    const code = await errorCodeOf(readCase(c));
    expect(code).toBe(c.code === 'OK' ? 'RESOLVED' : c.code);
  });

  it('an NFD office code compares equal to the NFC registration and comes back as NFC', async () => {
    const c = cases.find((x) => x.file === 'office-code-nfd.ntmb');
    expect(c).toBeDefined();
    const result = (await readCase(c as CorpusCase)) as Awaited<ReturnType<typeof readBundle>>;
    expect(result.officeCode).toBe('Huyện Đông Anh'.normalize('NFC'));
  });

  it('the format-1 fixture still imports with its content', async () => {
    const result = (await readCase({ file: 'valid-v1.ntmb', code: 'OK', description: '' })) as Awaited<ReturnType<typeof readBundle>>;
    expect(result.officeCode).toBe('H01');
    expect(result.sequence).toBe(1);
    expect(result.records.commune.map((r) => r.name)).toEqual(['Xã Đông Hội', 'Xã Tân Cương']);
  });
});
