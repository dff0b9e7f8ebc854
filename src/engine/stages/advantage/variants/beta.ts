/** Log-gamma by the Lanczos approximation (g = 7, 9 terms; ~1e-15 relative error for x > 0). */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The Beta(α, β) density at p ∈ [0, 1] (a zero exponent contributes 1, also at the ends). */
export function betaPdf(p: number, alpha: number, beta: number): number {
  const term = (e: number, x: number) => (e === 0 ? 0 : e * Math.log(x));
  const logB = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta);
  return Math.exp(term(alpha - 1, p) + term(beta - 1, 1 - p) - logB);
}
