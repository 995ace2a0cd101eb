/**
 * Waymark's mark, drawn by code: a bold "W" (a path with two valleys, like a trail marker)
 * anti-aliased by 4×4 supersampling. Deterministic: same input, same bytes.
 */
import { encodePng } from './png.js';

export const ACCENT_COLOUR = '#1F6F5C';

/** The W as a polyline in unit coordinates (0..1), stroked with round joins and caps. */
const W_POINTS: [number, number][] = [
  [0.2, 0.28],
  [0.35, 0.72],
  [0.5, 0.38],
  [0.65, 0.72],
  [0.8, 0.28],
];
const STROKE = 0.105; // half-width, in units of the icon size

function distToSegment(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage (0..1) of the W at each pixel of a size×size grid. */
export function markCoverage(size: number, halfWidth = STROKE): Float64Array {
  const out = new Float64Array(size * size);
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = (x + (sx + 0.5) / ss) / size;
          const py = (y + (sy + 0.5) / ss) / size;
          let d = Infinity;
          for (let i = 0; i + 1 < W_POINTS.length; i++) {
            d = Math.min(d, distToSegment(px, py, W_POINTS[i] as [number, number], W_POINTS[i + 1] as [number, number]));
          }
          if (d <= halfWidth) hits += 1;
        }
      }
      out[y * size + x] = hits / (ss * ss);
    }
  }
  return out;
}

function hex(colour: string): [number, number, number] {
  const n = Number.parseInt(colour.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Full-colour icon: white W on an opaque accent square. */
export function colorIcon(size = 192, background = ACCENT_COLOUR): Buffer {
  const [br, bg, bb] = hex(background);
  const cov = markCoverage(size);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const a = cov[i] as number;
    rgba[i * 4] = Math.round(br + (255 - br) * a);
    rgba[i * 4 + 1] = Math.round(bg + (255 - bg) * a);
    rgba[i * 4 + 2] = Math.round(bb + (255 - bb) * a);
    rgba[i * 4 + 3] = 255;
  }
  return encodePng(size, size, rgba);
}

/** Outline icon: white W on a transparent background (every pixel white, alpha = coverage). */
export function outlineIcon(size = 32): Buffer {
  // A slightly heavier stroke keeps the mark legible at 32 px and below.
  const cov = markCoverage(size, size <= 32 ? 0.12 : STROKE);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    rgba.set([255, 255, 255, Math.round(255 * (cov[i] as number))], i * 4);
  }
  return encodePng(size, size, rgba);
}
