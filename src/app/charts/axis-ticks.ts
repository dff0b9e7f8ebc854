/** Round tick values covering [lo, hi]: about `count` of them at 1, 2 or 5 × 10^k spacing. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const span = hi - lo;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).reduce((best, s) => (Math.abs(span / s - count) < Math.abs(span / best - count) ? s : best));
  const out: number[] = [];
  const first = Math.ceil(lo / step - 1e-9);
  for (let k = first; k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

/** The y range a chart draws: fixed ends where the spec has them, else the data's, padded 5%. */
export function yRange(
  values: number[],
  domain: [number | 'auto', number | 'auto' | ((dataMax: number) => number)] | undefined,
): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return [0, 1];
  const pad = (max - min || Math.abs(max) || 1) * 0.05;
  let lo = min - pad;
  let hi = max + pad;
  if (domain) {
    const [d0, d1] = domain;
    if (typeof d0 === 'number') lo = d0;
    if (typeof d1 === 'number') hi = d1;
    else if (typeof d1 === 'function') hi = d1(max);
  }
  if (hi <= lo) hi = lo + 1;
  return [lo, hi];
}
