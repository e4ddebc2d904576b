import { describe, expect, it } from 'vitest';
import { resolveLimits } from '../../core/bundle/limits';
import { TarReader } from './tarReader';
import { tarEnd, tarHeader, tarPadding } from './tarWriter';
import { errorCodeOf, runTool, makeTempDir } from './__fixtures__/testKit';
import { join } from 'node:path';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

function archive(entries: Array<{ name: string; data: string }>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = new TextEncoder().encode(e.data);
    parts.push(tarHeader({ name: e.name, size: data.length, mtimeSeconds: 0 }), data, tarPadding(data.length));
  }
  parts.push(tarEnd());
  return Buffer.concat(parts);
}

/** Feeds the archive in awkward 7-byte chunks to exercise buffering. */
async function* chunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
}

async function readAll(bytes: Uint8Array, limits = resolveLimits()): Promise<Array<{ name: string; data: string }>> {
  const reader = new TarReader(chunks(bytes), limits);
  const out: Array<{ name: string; data: string }> = [];
  for (let e = await reader.next(); e !== null; e = await reader.next()) {
    out.push({ name: e.name, data: Buffer.from(await reader.readBody()).toString('utf8') });
  }
  return out;
}

describe('TarReader', () => {
  it('reads what the writer writes, and what GNU tar writes', async () => {
    const entries = [{ name: 'manifest.json', data: '{}' }, { name: 'data/x.ndjson', data: 'y'.repeat(1000) }];
    expect(await readAll(archive(entries))).toEqual(entries);

    const { dir, cleanup } = makeTempDir();
    try {
      mkdirSync(join(dir, 'src', 'data'), { recursive: true });
      writeFileSync(join(dir, 'src', 'manifest.json'), '{"a":1}');
      writeFileSync(join(dir, 'src', 'data', 'x.ndjson'), 'z\n');
      runTool('tar', ['--format=ustar', '-c', '-f', join(dir, 'a.tar'), '-C', join(dir, 'src'), 'manifest.json', 'data']);
      expect(await readAll(readFileSync(join(dir, 'a.tar')))).toEqual([
        { name: 'manifest.json', data: '{"a":1}' },
        { name: 'data/', data: '' },
        { name: 'data/x.ndjson', data: 'z\n' },
      ]);
    } finally {
      cleanup();
    }
  });

  it('refuses NFC/NFD twins as duplicates', async () => {
    const bytes = archive([{ name: 'Nguyễn'.normalize('NFC'), data: 'a' }, { name: 'Nguyễn'.normalize('NFD'), data: 'b' }]);
    expect(await errorCodeOf(readAll(bytes))).toBe('BUNDLE_DUPLICATE_ENTRY');
  });

  it('enforces limits at the header, before reading data', async () => {
    const big = archive([{ name: 'a', data: 'x'.repeat(2000) }]);
    expect(await errorCodeOf(readAll(big, resolveLimits({ maxEntryBytes: 1000 })))).toBe('BUNDLE_TOO_LARGE');
    const two = archive([{ name: 'a', data: 'x'.repeat(600) }, { name: 'b', data: 'x'.repeat(600) }]);
    expect(await errorCodeOf(readAll(two, resolveLimits({ maxTotalBytes: 1000 })))).toBe('BUNDLE_TOO_LARGE');
    expect(await errorCodeOf(readAll(two, resolveLimits({ maxEntries: 1 })))).toBe('BUNDLE_TOO_MANY_ENTRIES');
  });

  it('reports a cut archive as truncated', async () => {
    const bytes = archive([{ name: 'a', data: 'x'.repeat(2000) }]);
    expect(await errorCodeOf(readAll(bytes.subarray(0, 1024)))).toBe('BUNDLE_TRUNCATED');
  });
});
