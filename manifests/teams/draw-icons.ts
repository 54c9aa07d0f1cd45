/**
 * Draws the Teams app icons (a speech bubble with "TV" cut out of it) with pngjs.
 * Teams wants a full-colour 192×192 icon and a 32×32 outline icon that is white on a
 * transparent background: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
 *
 * The committed color.png and outline.png are this file's output; regenerate them with
 * `npx tsx manifests/teams/draw-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Point = readonly [number, number];
/** True when (x, y), in mark units (a 32×32 grid), is inside the shape. */
type Shape = (x: number, y: number) => boolean;

export const ACCENT_COLOUR = '#1F6F8B';

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function polygon(points: readonly Point[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

const rect = (x0: number, y0: number, x1: number, y1: number): Shape =>
  polygon([[x0, y0], [x1, y0], [x1, y1], [x0, y1]]);

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y));

const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

const bubble = union(roundedRect(3, 4, 29, 22, 4), polygon([[8, 21], [15, 21], [7, 27]]));
const letters = union(
  rect(7, 8, 15, 10), // T: bar
  rect(10, 8, 12, 18), // T: stem
  polygon([[16, 8], [18.2, 8], [20.5, 15.4], [22.8, 8], [25, 8], [21.6, 18], [19.4, 18]]), // V
);
/** The Techvoice mark: a speech bubble with the letters cut out. */
const mark = minus(bubble, letters);

/** Fraction of an n×n grid of samples inside `shape` for the pixel at (px, py). */
function coverage(shape: Shape, px: number, py: number, unitsPerPixel: number, offset: number, n: number): number {
  let hits = 0;
  for (let sy = 0; sy < n; sy++) {
    for (let sx = 0; sx < n; sx++) {
      const x = (px + (sx + 0.5) / n) * unitsPerPixel + offset;
      const y = (py + (sy + 0.5) / n) * unitsPerPixel + offset;
      if (shape(x, y)) hits++;
    }
  }
  return hits / (n * n);
}

function hexToRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** 192×192, opaque accent background, white mark inside Teams' central 120×120 safe area. */
export function drawColourIcon(): PNG {
  const size = 192;
  const png = new PNG({ width: size, height: size });
  const [r, g, b] = hexToRgb(ACCENT_COLOUR);
  // The 26-unit-wide mark is scaled to about 117 px and centred.
  const unitsPerPixel = 32 / 144;
  const offset = 16 - (size / 2) * unitsPerPixel;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const c = coverage(mark, px, py, unitsPerPixel, offset, 4);
      const i = (py * size + px) * 4;
      png.data[i] = Math.round(r + (255 - r) * c);
      png.data[i + 1] = Math.round(g + (255 - g) * c);
      png.data[i + 2] = Math.round(b + (255 - b) * c);
      png.data[i + 3] = 255;
    }
  }
  return png;
}

/** 32×32, white mark on a fully transparent background, hard edges (white or transparent only). */
export function drawOutlineIcon(): PNG {
  const size = 32;
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const i = (py * size + px) * 4;
      png.data[i] = 255;
      png.data[i + 1] = 255;
      png.data[i + 2] = 255;
      png.data[i + 3] = coverage(mark, px, py, 1, 0, 1) === 1 ? 255 : 0;
    }
  }
  return png;
}

if (require.main === module) {
  writeFileSync(join(__dirname, 'color.png'), PNG.sync.write(drawColourIcon()));
  writeFileSync(join(__dirname, 'outline.png'), PNG.sync.write(drawOutlineIcon()));
  console.log(`Wrote ${join(__dirname, 'color.png')} and ${join(__dirname, 'outline.png')}`);
}
