import type { MetricBuffer } from '../store/metric-buffer';

/** Points per line at full resolution (no run training). */
export const MAX_POINTS = 400;
/** Points per line while some run trains (the charts redraw several times a second). */
export const TRAINING_POINTS = 200;

export interface Point {
  x: number;
  y: number;
}
export interface BandPoint {
  x: number;
  y: [number, number];
}

/**
 * Indices of the rows where every given column is present (not NaN), thinned to at most
 * `max` evenly spaced rows (the last one always kept). Reads the buffers; copies nothing else.
 */
function pickRows(buf: MetricBuffer, keys: readonly string[], max: number): number[] {
  const cols = keys.map((k) => buf.get(k));
  if (cols.some((c) => c === undefined)) return [];
  const present = (i: number) => cols.every((c) => !Number.isNaN((c as Float64Array)[i]));
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (present(i)) n++;
  const rows: number[] = [];
  if (n === 0) return rows;
  const stride = n <= max ? 1 : (n - 1) / (max - 1);
  let seen = 0;
  let next = 0;
  for (let i = 0; i < buf.length; i++) {
    if (!present(i)) continue;
    if (seen === Math.round(next)) {
      rows.push(i);
      next += stride;
    }
    seen++;
  }
  return rows;
}

/** A metric against the update index, at most `max` points. */
export function seriesPoints(buf: MetricBuffer, key: string, max = MAX_POINTS): Point[] {
  const x = buf.get('step');
  const y = buf.get(key);
  if (!x || !y) return [];
  return pickRows(buf, ['step', key], max).map((i) => ({ x: x[i], y: y[i] }));
}

/** A [low, high] band (e.g. adv/min–adv/max) against the update index. */
export function bandPoints(buf: MetricBuffer, low: string, high: string, max = MAX_POINTS): BandPoint[] {
  const x = buf.get('step');
  const lo = buf.get(low);
  const hi = buf.get(high);
  if (!x || !lo || !hi) return [];
  return pickRows(buf, ['step', low, high], max).map((i) => ({ x: x[i], y: [lo[i], hi[i]] }));
}
