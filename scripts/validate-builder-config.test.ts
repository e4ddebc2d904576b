import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICO_SIZES, renderIcon } from '../build/make-icons.mjs';
import {
  DEFAULT_CONFIG_FILE,
  icoSizes,
  loadBuilderConfig,
  packOffline,
  packProblems,
  pngSize,
  projectRuleProblems,
  validateBuilderConfigFile,
} from './validate-builder-config.mjs';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const checkedIn = readFileSync(DEFAULT_CONFIG_FILE, 'utf8');
let dir: string;

beforeAll(() => {
  // A scratch project with the real icons, so only the YAML differs between cases.
  dir = mkdtempSync(path.join(tmpdir(), 'ntm-builder-config-'));
  mkdirSync(path.join(dir, 'build'));
  for (const icon of ['icon.png', 'icon.ico'])
    copyFileSync(path.join(projectDir, 'build', icon), path.join(dir, 'build', icon));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function variant(name: string, yaml: string): string {
  const file = path.join(dir, `${name}.yml`);
  writeFileSync(file, yaml);
  return file;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and the project rules', async () => {
    const config = await validateBuilderConfigFile();
    expect(config).toMatchObject({
      appId: 'vn.ntmdesk.app',
      productName: 'NTM Desk',
      directories: { output: 'dist' },
      npmRebuild: false,
    });
  });

  it('targets NSIS x64 on Windows and AppImage + deb x64 on Linux', async () => {
    const config = await loadBuilderConfig();
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux.description).toMatch(/nông thôn mới/);
  });

  it('packs the built app and unpacks the native module', async () => {
    const config = await loadBuilderConfig();
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asarUnpack).toEqual(['**/node_modules/better-sqlite3/**/*.node']);
  });

  it('validates the same copy in the scratch project', async () => {
    await expect(validateBuilderConfigFile(variant('same', checkedIn))).resolves.toBeTruthy();
  });
});

describe('a broken config fails', () => {
  it.each([
    ['an unknown top-level option', `${checkedIn}\nnotAnOption: true\n`, /unknown property 'notAnOption'/],
    ['a misspelt NSIS option', checkedIn.replace('oneClick: false', 'oneClik: false'), /configuration\.nsis/],
    ['a wrong type', checkedIn.replace('npmRebuild: false', 'npmRebuild: sometimes'), /npmRebuild should be a boolean/],
    [
      'an unknown architecture',
      checkedIn.replace('        - x64\n    - target: deb', '        - x65\n    - target: deb'),
      /configuration\.linux/,
    ],
    ['files as an object', checkedIn.replace(/^files:\n( {2}- .*\n)+/m, 'files: {a: 1}\n'), /configuration\.files/],
  ])('on the schema: %s', async (_name, yaml, message) => {
    expect(yaml).not.toBe(checkedIn);
    const error = await validateBuilderConfigFile(variant(_name.replace(/\W+/g, '-'), yaml)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Invalid configuration object/);
    expect((error as Error).message).toMatch(message);
  });

  it('on YAML syntax', async () => {
    await expect(validateBuilderConfigFile(variant('syntax', 'appId: [unclosed\n'))).rejects.toThrow();
  });

  it('on npmRebuild turned on (STACK.md trap 4)', async () => {
    const file = variant('rebuild', checkedIn.replace('npmRebuild: false', 'npmRebuild: true'));
    await expect(validateBuilderConfigFile(file)).rejects.toThrow(/npmRebuild must be false/);
  });

  it('on a deb target without a maintainer', async () => {
    const file = variant('maintainer', checkedIn.replace(/^ {2}maintainer: .*\n/m, ''));
    await expect(validateBuilderConfigFile(file)).rejects.toThrow(/linux\.maintainer is required/);
  });

  it('on a missing icon', async () => {
    const file = variant('icon', checkedIn.replace('icon: build/icon.ico', 'icon: build/missing.ico'));
    await expect(validateBuilderConfigFile(file)).rejects.toThrow(/win\.icon build\/missing\.ico does not exist/);
  });

  it('on a native module left inside app.asar', () => {
    expect(
      projectRuleProblems({ npmRebuild: false, appId: 'x', productName: 'NTM Desk', asarUnpack: [] }, dir),
    ).toContain('asarUnpack must unpack better-sqlite3’s .node file.');
  });
});

/** Decodes an RGBA, filter-0 PNG written by build/make-icons.mjs. */
function decodeOwnPng(bytes: Buffer): Buffer {
  const size = pngSize(bytes)!;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('ascii');
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = size.width * 4 + 1;
  const pixels = Buffer.alloc(size.width * size.height * 4);
  for (let y = 0; y < size.height; y++) {
    expect(raw[y * stride]).toBe(0);
    raw.copy(pixels, y * size.width * 4, y * stride + 1, (y + 1) * stride);
  }
  return pixels;
}

describe('build/ icons', () => {
  const png = readFileSync(path.join(projectDir, 'build', 'icon.png'));
  const ico = readFileSync(path.join(projectDir, 'build', 'icon.ico'));

  it('icon.png is a 512×512 PNG', () => {
    expect(pngSize(png)).toEqual({ width: 512, height: 512 });
  });

  it('icon.ico holds PNG entries from 16 to 256 px', () => {
    expect(icoSizes(ico)).toEqual(ICO_SIZES);
    const count = ico.readUInt16LE(4);
    for (let i = 0; i < count; i++) {
      const length = ico.readUInt32LE(6 + 16 * i + 8);
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      const size = pngSize(ico.subarray(offset, offset + length));
      expect(size).toEqual({ width: ICO_SIZES[i], height: ICO_SIZES[i] });
    }
  });

  it('the committed icon is what build/make-icons.mjs draws', () => {
    expect(decodeOwnPng(png).equals(renderIcon(512))).toBe(true);
  });
});

describe('packProblems', () => {
  const good = {
    asarFiles: [
      '/package.json',
      '/out/electron/main.cjs',
      '/out/electron/preload.cjs',
      '/out/renderer/index.html',
      '/node_modules/better-sqlite3/lib/index.js',
      '/node_modules/bindings/bindings.js',
      '/node_modules/file-uri-to-path/index.js',
    ],
    unpackedFiles: ['node_modules/better-sqlite3/build/Release/better_sqlite3.node'],
  };

  it('accepts the expected layout', () => {
    expect(packProblems(good)).toEqual([]);
  });

  it('names bundled modules copied again, missing runtime modules, maps and a packed .node', () => {
    const problems = packProblems({
      asarFiles: [
        ...good.asarFiles.filter((f) => !f.includes('bindings') && !f.includes('preload')),
        '/node_modules/zod/index.cjs',
        '/out/electron/main.cjs.map',
      ],
      unpackedFiles: [],
    });
    expect(problems).toEqual([
      'app.asar lacks /out/electron/preload.cjs',
      'app.asar carries node_modules/zod, which main.cjs already bundles or never loads',
      'app.asar lacks node_modules/bindings, needed at run time',
      'app.asar carries source maps: /out/electron/main.cjs.map',
      'better-sqlite3’s .node binary is not in app.asar.unpacked',
    ]);
  });
});

const built = ['out/electron/main.cjs', 'out/electron/preload.cjs', 'out/renderer/index.html'].every((f) =>
  existsSync(path.join(projectDir, f)),
);

describe('offline packaging (electron-builder --linux dir, stub Electron)', () => {
  it.runIf(built && process.platform === 'linux')(
    'puts the built app, better-sqlite3’s runtime closure and nothing else into app.asar',
    async () => {
      expect(packProblems(await packOffline())).toEqual([]);
    },
    120_000,
  );
});
