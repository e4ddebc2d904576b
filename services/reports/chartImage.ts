import { deflateSync } from 'node:zlib';
import { layoutBarChart, type BarChartLayout, type BarChartSpec } from '../../core/reports/index';

/**
 * The report's charts as images for the DOCX: an SVG (Word shows it) and a PNG drawn here pixel by pixel (every
 * reader shows it, LibreOffice included), both from core/reports/chartLayout.ts. The PNG's text is a 5×7 bitmap
 * font with only the characters the layout's labels use (digits, "Q", "/", "sao").
 */
const GLYPHS: Record<string, string[]> = {
  '0': ['.###.', '#...#', '#..##', '#.#.#', '##..#', '#...#', '.###.'],
  '1': ['..#..', '.##..', '..#..', '..#..', '..#..', '..#..', '.###.'],
  '2': ['.###.', '#...#', '....#', '...#.', '..#..', '.#...', '#####'],
  '3': ['#####', '...#.', '..#..', '...#.', '....#', '#...#', '.###.'],
  '4': ['...#.', '..##.', '.#.#.', '#..#.', '#####', '...#.', '...#.'],
  '5': ['#####', '#....', '####.', '....#', '....#', '#...#', '.###.'],
  '6': ['..##.', '.#...', '#....', '####.', '#...#', '#...#', '.###.'],
  '7': ['#####', '....#', '...#.', '..#..', '.#...', '.#...', '.#...'],
  '8': ['.###.', '#...#', '#...#', '.###.', '#...#', '#...#', '.###.'],
  '9': ['.###.', '#...#', '#...#', '.####', '....#', '...#.', '.##..'],
  Q: ['.###.', '#...#', '#...#', '#...#', '#...#', '.###.', '...##'],
  '/': ['....#', '...#.', '...#.', '..#..', '.#...', '.#...', '#....'],
  s: ['.....', '.....', '.####', '#....', '.###.', '....#', '####.'],
  a: ['.....', '.....', '.###.', '....#', '.####', '#...#', '.####'],
  o: ['.....', '.....', '.###.', '#...#', '#...#', '#...#', '.###.'],
  '-': ['.....', '.....', '.....', '#####', '.....', '.....', '.....'],
  ',': ['.....', '.....', '.....', '.....', '.##..', '..#..', '.#...'],
  '.': ['.....', '.....', '.....', '.....', '.....', '.##..', '.##..'],
  ' ': ['.....', '.....', '.....', '.....', '.....', '.....', '.....'],
};

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

class Raster {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }
  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 3;
        this.pixels[i] = color[0];
        this.pixels[i + 1] = color[1];
        this.pixels[i + 2] = color[2];
      }
    }
  }
  /** Text centred on x (anchor 'middle') or ending at x ('end'), baseline-free: y is the top of the glyphs. */
  text(text: string, x: number, y: number, scale: number, color: Rgb, anchor: 'middle' | 'end'): void {
    const advance = 6 * scale;
    const width = text.length * advance - scale;
    let cx = anchor === 'middle' ? x - width / 2 : x - width;
    for (const ch of text) {
      const glyph = GLYPHS[ch] ?? GLYPHS[' ']!;
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < row.length; gx++) if (row[gx] === '#') this.fillRect(cx + gx * scale, y + gy * scale, scale, scale, color);
      });
      cx += advance;
    }
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A minimal PNG encoder (RGB, 8 bits, filter 0 on every row, zlib from node:zlib): www.w3.org/TR/png/. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const GRID: Rgb = [222, 226, 230];
const AXIS: Rgb = [73, 80, 87];
const LABEL: Rgb = [33, 37, 41];

/** The chart as a PNG at `scale` times the layout's size (2 by default, sharp when printed). */
export function chartPng(spec: BarChartSpec, scale = 2): Buffer {
  const layout = layoutBarChart(spec);
  // Glyph pixels of 1.5 layout units: 7.5 × 10.5 units per character, about the 12-unit text of the SVG.
  const font = Math.round(scale * 1.5);
  const r = new Raster(layout.width * scale, layout.height * scale);
  const s = (v: number) => v * scale;
  const { plot } = layout;
  for (const t of layout.yTicks) {
    r.fillRect(s(plot.x), s(t.y), s(plot.w), Math.max(1, scale / 2), GRID);
    r.text(String(t.value), s(plot.x - 6), s(t.y) - 3.5 * font, font, AXIS, 'end');
  }
  for (const b of layout.bars) {
    if (b.h > 0) r.fillRect(s(b.x), s(b.y), s(b.w), s(b.h), rgbOf(b.color));
    r.text(String(b.value), s(b.x + b.w / 2), s(b.y) - 9 * font, font, LABEL, 'middle');
  }
  r.fillRect(s(plot.x), s(plot.y + plot.h), s(plot.w), scale, AXIS);
  for (const l of layout.categoryLabels) r.text(l.text, s(l.x), s(l.y) - 7 * font, font, AXIS, 'middle');
  return encodePng(r.width, r.height, r.pixels);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The same chart as SVG text (Times New Roman, as the document). */
export function chartSvg(spec: BarChartSpec): string {
  const layout: BarChartLayout = layoutBarChart(spec);
  const { plot } = layout;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="Times New Roman, serif">`];
  parts.push(`<rect width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`);
  for (const t of layout.yTicks) {
    parts.push(`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${t.y}" y2="${t.y}" stroke="#dee2e6"/>`);
    parts.push(`<text x="${plot.x - 6}" y="${t.y + 4}" font-size="12" text-anchor="end" fill="#495057">${t.value}</text>`);
  }
  for (const b of layout.bars) {
    if (b.h > 0) parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${b.color}"/>`);
    parts.push(`<text x="${b.x + b.w / 2}" y="${b.y - 4}" font-size="12" text-anchor="middle" fill="#212529">${b.value}</text>`);
  }
  parts.push(`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${plot.y + plot.h}" y2="${plot.y + plot.h}" stroke="#495057"/>`);
  for (const l of layout.categoryLabels) parts.push(`<text x="${l.x}" y="${l.y}" font-size="13" text-anchor="middle" fill="#495057">${esc(l.text)}</text>`);
  parts.push('</svg>');
  return parts.join('');
}
