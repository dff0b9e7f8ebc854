import { meanStd } from '../stages/advantage/group-stats';

export function minMax(xs: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    min = Math.min(min, xs[i]);
    max = Math.max(max, xs[i]);
  }
  return { min, max };
}

/** Mean over steps of (logp − mean logp)(A − mean A): the entropy-mechanism covariance. */
export function covariance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const ma = meanStd(a).mean;
  const mb = meanStd(b).mean;
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - ma) * (b[i] - mb);
  return a.length ? s / a.length : 0;
}

/** 1 − Var(returns − values) / Var(returns). */
export function explainedVariance(values: ArrayLike<number>, returns: ArrayLike<number>): number {
  const diff = Array.from(returns, (r, i) => r - values[i]);
  const varY = meanStd(returns).std ** 2;
  return varY === 0 ? NaN : 1 - meanStd(diff).std ** 2 / varY;
}
