/**
 * Draws the NTM Desk icon and writes build/icon.png (512×512, Linux) and build/icon.ico (16–256 px, Windows).
 * Only Node builtins: the PNG is encoded by hand (zlib for IDAT), and the ICO embeds PNGs (valid since Windows
 * Vista; electron-builder needs the 256 px entry). Run `node build/make-icons.mjs` and commit both files.
 *
 * The picture, original to this project: a green rounded square, a yellow five-point star (the OCOP stars) over
 * three light curved bands (terraced fields, the countryside of nông thôn mới).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const SUPERSAMPLE = 4;

const TOP = [47, 158, 68];
const BOTTOM = [27, 110, 53];
const STAR = [255, 212, 59];
const BANDS = [
  { center: 0.6, color: [235, 251, 238] },
  { center: 0.72, color: [178, 242, 187] },
  { center: 0.84, color: [140, 233, 154] },
];

/** Signed distance to a rounded square covering [m, 1-m]², negative inside. */
function roundedSquare(x, y, margin, radius) {
  const half = 0.5 - margin;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

const STAR_POINTS = (() => {
  const points = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? 0.17 : 0.07;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([0.5 + r * Math.cos(a), 0.34 + r * Math.sin(a)]);
  }
  return points;
})();

function insidePolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The colour at a point of the unit square, or null for transparent. */
function sample(x, y) {
  if (roundedSquare(x, y, 0.04, 0.17) > 0) return null;
  if (insidePolygon(x, y, STAR_POINTS)) return STAR;
  for (const band of BANDS) {
    const edge = band.center + 0.035 * Math.sin(2 * Math.PI * (x * 0.85 + band.center));
    if (y >= edge && y <= edge + 0.06) return band.color;
  }
  const t = Math.min(Math.max((y - 0.04) / 0.92, 0), 1);
  return TOP.map((c, i) => c + (BOTTOM[i] - c) * t);
}

/** RGBA pixels of the icon at `size`×`size`, anti-aliased by supersampling. */
export function renderIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const color = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          if (color === null) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        pixels[o] = Math.round(r / a);
        pixels[o + 1] = Math.round(g / a);
        pixels[o + 2] = Math.round(b / a);
        pixels[o + 3] = Math.round((255 * a) / n);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG (8-bit RGBA, no interlace, filter 0 on every row) of `size`×`size` RGBA pixels. */
export function encodePng(pixels, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose entries are PNG images, largest last. */
export function encodeIco(pngsBySize) {
  const entries = [...pngsBySize.entries()].sort(([a], [b]) => a - b);
  const directory = Buffer.alloc(6 + 16 * entries.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // type: icon
  directory.writeUInt16LE(entries.length, 4);
  let offset = directory.length;
  entries.forEach(([size, png], i) => {
    const at = 6 + 16 * i;
    directory[at] = size >= 256 ? 0 : size; // 0 means 256
    directory[at + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, at + 4); // colour planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(png.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([directory, ...entries.map(([, png]) => png)]);
}

export function makeIcons() {
  const png = encodePng(renderIcon(512), 512);
  const ico = encodeIco(new Map(ICO_SIZES.map((size) => [size, encodePng(renderIcon(size), size)])));
  return { png, ico };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { png, ico } = makeIcons();
  writeFileSync(path.join(here, 'icon.png'), png);
  writeFileSync(path.join(here, 'icon.ico'), ico);
  console.log(`build/icon.png ${png.length} B, build/icon.ico ${ico.length} B`);
}
