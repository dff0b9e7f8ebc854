/**
 * Knapsack RL's budget allocation (algorithms-llm.md §15; Li et al. 2025): each prompt is an item
 * whose weight is its rollout count N_i and whose value is the expected learning signal.
 */

/** Chance that N rollouts at success rate p are not all equal: 1 − p^N − (1 − p)^N. */
export function probNonZeroGradient(n: number, p: number): number {
  return 1 - p ** n - (1 - p) ** n;
}

/** InfoGain(p) = p(1 − p)²: expected one-step improvement (Taylor approximation). */
export function infoGain(p: number): number {
  return p * (1 - p) ** 2;
}

/** Value(N, p) = ProbNonZeroGradient(N, p) · InfoGain(p). */
export function knapsackValue(n: number, p: number): number {
  return probNonZeroGradient(n, p) * infoGain(p);
}

// Values within this of each other are a tie: the smaller allocation wins.
const TIE = 1e-12;

/**
 * Grouped knapsack by dynamic programming: N_i ∈ [lo, hi], Σ N_i ≤ total, maximise Σ Value(N_i, p_i).
 * O(M · total · (hi − lo)). Ties go to the smaller allocation, so a prompt with value 0
 * (p ∈ {0, 1}) keeps lo. Assumes M·lo ≤ total.
 */
export function solveKnapsack(ps: number[], total: number, lo: number, hi: number): { sizes: number[]; value: number } {
  const m = ps.length;
  const extra = total - m * lo; // budget beyond every prompt's minimum
  const span = hi - lo;
  // best[i][b]: best value of the first i prompts using exactly b extra rollouts; pick[i][b]: prompt i−1's extra.
  const best = Array.from({ length: m + 1 }, () => new Float64Array(extra + 1).fill(-Infinity));
  const pick = Array.from({ length: m + 1 }, () => new Int32Array(extra + 1));
  best[0][0] = 0;
  for (let i = 1; i <= m; i++) {
    const values = Array.from({ length: span + 1 }, (_, e) => knapsackValue(lo + e, ps[i - 1]));
    for (let b = 0; b <= extra; b++) {
      for (let e = 0; e <= Math.min(span, b); e++) {
        const prev = best[i - 1][b - e];
        if (prev === -Infinity) continue;
        const v = prev + values[e];
        if (v > best[i][b] + TIE) {
          best[i][b] = v;
          pick[i][b] = e;
        }
      }
    }
  }
  let used = 0;
  for (let b = 1; b <= extra; b++) if (best[m][b] > best[m][used] + TIE) used = b;
  const sizes = new Array<number>(m).fill(lo);
  for (let i = m, b = used; i >= 1; i--) {
    sizes[i - 1] += pick[i][b];
    b -= pick[i][b];
  }
  return { sizes, value: best[m][used] };
}

/**
 * The bounds that fit a round of M prompts and a total budget: N_low ≤ total/M (at least 1) and
 * N_up ≤ total − (M − 1)·N_low.
 */
export function clampBounds(m: number, total: number, lo: number, hi: number): { lo: number; hi: number } {
  const low = Math.max(1, Math.min(lo, Math.floor(total / m)));
  return { lo: low, hi: Math.max(low, Math.min(hi, total - (m - 1) * low)) };
}

/**
 * §15's allocation for one round: the knapsack over all prompts (p ∈ {0, 1} have value 0 and keep
 * N_low), then the budget the knapsack could not use — every prompt with 0 < p < 1 already at
 * N_up — goes round-robin to prompts with p = 0, so hard prompts still get explored.
 */
export function allocateBudget(ps: number[], total: number, lo: number, hi: number): number[] {
  const b = clampBounds(ps.length, total, lo, hi);
  const { sizes } = solveKnapsack(ps, total, b.lo, b.hi);
  let left = total - sizes.reduce((a, n) => a + n, 0);
  const unsolved = ps.map((p, i) => (p === 0 ? i : -1)).filter((i) => i >= 0);
  while (left > 0) {
    const open = unsolved.filter((i) => sizes[i] < b.hi);
    if (open.length === 0) break;
    for (const i of open) {
      if (left === 0) break;
      sizes[i] += 1;
      left -= 1;
    }
  }
  return sizes;
}
