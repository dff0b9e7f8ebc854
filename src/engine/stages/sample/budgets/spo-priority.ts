/**
 * SPO's prioritised prompt sampling (algorithms-llm.md §5; verl recipe/spo): prompts whose tracked
 * success rate is most uncertain are drawn most, with a floor ε so that none is starved.
 */

/** w(x) = √(p̂(1 − p̂)) + ε. */
export function spoPriority(pHat: number, epsilon: number): number {
  return Math.sqrt(pHat * (1 - pHat)) + epsilon;
}

/** p̂ = α / (α + β), the tracker's mean. */
export function trackerMean(t: { alpha: number; beta: number }): number {
  return t.alpha / (t.alpha + t.beta);
}
