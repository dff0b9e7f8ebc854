/** Mean and unbiased (n−1) standard deviation, as torch.std computes it. */
export function meanStd(xs: ArrayLike<number>): { mean: number; std: number } {
  const n = xs.length;
  if (n === 0) return { mean: 0, std: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  if (n < 2) return { mean, std: 0 };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  return { mean, std: Math.sqrt(ss / (n - 1)) };
}

/** Indices of the sequences in each group, in order of first appearance. */
export function groupIndices(groups: ArrayLike<number>): number[][] {
  const byId = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const list = byId.get(groups[i]);
    if (list) list.push(i);
    else byId.set(groups[i], [i]);
  }
  return [...byId.values()];
}
