/**
 * Unbiased pass@k from n samples of which c are correct (Chen et al. 2021, "Evaluating Large
 * Language Models Trained on Code"): 1 − C(n−c, k) / C(n, k), as a stable running product.
 */
export function passAtK(n: number, c: number, k: number): number {
  if (k > n) throw new Error(`pass@${k} needs at least ${k} samples, got ${n}`);
  if (n - c < k) return 1;
  let fail = 1;
  for (let i = n - c + 1; i <= n; i++) fail *= 1 - k / i;
  return 1 - fail;
}
