/**
 * Draws the extension's icon from one list of shapes: images/icon.svg (the file icon of charters)
 * and images/icon.png (the Marketplace icon, which must be a PNG). Run with `npm run icon`; the
 * outputs are committed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const NAVY = "#1e3a5f";
const PAPER = "#f4f7fb";
const INK = "#8aa4c2";
const TEAL = "#2bb39a";

type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; r: number; fill: string }
  | { kind: "polygon"; points: [number, number][]; fill: string }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: string };

/** A charter page with its folded corner and text lines, and a teal seal: a role, written down and agreed. */
const SHAPES: Shape[] = [
  { kind: "rect", x: 0, y: 0, w: 128, h: 128, r: 24, fill: NAVY },
  { kind: "polygon", points: [[30, 18], [80, 18], [100, 38], [100, 110], [30, 110]], fill: PAPER },
  { kind: "polygon", points: [[80, 18], [100, 38], [80, 38]], fill: INK },
  { kind: "rect", x: 40, y: 48, w: 50, h: 6, r: 3, fill: INK },
  { kind: "rect", x: 40, y: 62, w: 50, h: 6, r: 3, fill: INK },
  { kind: "rect", x: 40, y: 76, w: 30, h: 6, r: 3, fill: INK },
  { kind: "circle", cx: 88, cy: 96, r: 20, fill: TEAL },
  { kind: "polygon", points: [[78, 95], [84, 89], [88, 93], [97, 84], [103, 90], [88, 105]], fill: PAPER },
];

function svg(): string {
  const body = SHAPES.map((s) => {
    if (s.kind === "rect") return `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.fill}"/>`;
    if (s.kind === "circle") return `  <circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"/>`;
    return `  <polygon points="${s.points.map((p) => p.join(",")).join(" ")}" fill="${s.fill}"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">\n${body.join("\n")}\n</svg>\n`;
}

function inside(shape: Shape, x: number, y: number): boolean {
  if (shape.kind === "circle") return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
  if (shape.kind === "rect") {
    const dx = Math.max(shape.x + shape.r - x, 0, x - (shape.x + shape.w - shape.r));
    const dy = Math.max(shape.y + shape.r - y, 0, y - (shape.y + shape.h - shape.r));
    return x >= shape.x && x <= shape.x + shape.w && y >= shape.y && y <= shape.y + shape.h && dx * dx + dy * dy <= shape.r * shape.r;
  }
  let crossings = false;
  const p = shape.points;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
    if (p[i][1] > y !== p[j][1] > y && x < ((p[j][0] - p[i][0]) * (y - p[i][1])) / (p[j][1] - p[i][1]) + p[i][0]) crossings = !crossings;
  }
  return crossings;
}

/** RGBA pixels, 4×4 samples per pixel for smooth edges. */
function raster(): Buffer {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const samples = 4;
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          const top = [...SHAPES].reverse().find((s) => inside(s, x, y));
          if (!top) continue;
          const hex = top.fill.slice(1);
          for (let c = 0; c < 3; c++) sum[c] += parseInt(hex.slice(c * 2, c * 2 + 2), 16);
          sum[3] += 255;
        }
      }
      const n = samples * samples;
      const covered = sum[3] / 255;
      const at = (py * SIZE + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = covered ? Math.round(sum[c] / covered) : 0;
      pixels[at + 3] = Math.round(sum[3] / n);
    }
  }
  return pixels;
}

function png(pixels: Buffer): Buffer {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) pixels.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const dir = path.join(__dirname, "..", "images");
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "icon.svg"), svg());
fs.writeFileSync(path.join(dir, "icon.png"), png(raster()));
