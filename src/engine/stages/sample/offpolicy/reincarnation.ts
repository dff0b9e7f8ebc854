/**
 * ReMix's reincarnation point (algorithms-llm.md §24): the number of updates done when the run
 * reincarnates, round(T_r · N); null when it never does. The sampler goes on-policy from its
 * collect number k_r (0-based) on, and the kl-convex regulariser re-copies the policy into the
 * reference after update k_r (1-based), so both switch between the same two updates.
 */
export function reincarnationStep(at: number | null, updates: number): number | null {
  return at === null ? null : Math.round(at * updates);
}
