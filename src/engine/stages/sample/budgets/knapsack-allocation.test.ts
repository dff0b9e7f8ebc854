import { describe, expect, it } from 'vitest';
import { allocateBudget, clampBounds, knapsackValue, probNonZeroGradient, solveKnapsack } from './knapsack-allocation';

describe('Knapsack RL allocation (algorithms-llm.md §15, Appendix C)', () => {
  it('value table for N = 2, 4, 8, 12, 16', () => {
    const ns = [2, 4, 8, 12, 16];
    const table: Record<number, number[]> = {
      0.9: [0.00162, 0.00309, 0.00513, 0.00646, 0.00733],
      0.5: [0.0625, 0.1094, 0.124, 0.1249, 0.125],
      0.1: [0.0146, 0.0279, 0.0461, 0.0581, 0.066],
    };
    for (const [p, values] of Object.entries(table)) ns.forEach((n, k) => expect(Math.abs(knapsackValue(n, Number(p)) - values[k])).toBeLessThan(1e-4));
  });

  it('p = 0.1: the chance of a mixed group rises from 0.570 (N = 8) to 0.815 (N = 16)', () => {
    expect(probNonZeroGradient(8, 0.1)).toBeCloseTo(0.57, 3);
    expect(probNonZeroGradient(16, 0.1)).toBeCloseTo(0.815, 3);
  });

  it('p = [0.9, 0.5, 0.1], N_total 24, N ∈ [2, 16] → (2, 7, 15), value 0.1890 vs 0.1753 for (8, 8, 8)', () => {
    const { sizes, value } = solveKnapsack([0.9, 0.5, 0.1], 24, 2, 16);
    expect(sizes).toEqual([2, 7, 15]);
    expect(value).toBeCloseTo(0.189, 4);
    const uniform = [0.9, 0.5, 0.1].reduce((a, p) => a + knapsackValue(8, p), 0);
    expect(uniform).toBeCloseTo(0.1753, 4);
    expect(allocateBudget([0.9, 0.5, 0.1], 24, 2, 16)).toEqual([2, 7, 15]);
  });

  it('the DP matches an exhaustive search on a small case', () => {
    const ps = [0.3, 0.6, 0.05, 0.95];
    let best = -1;
    for (let a = 2; a <= 9; a++)
      for (let b = 2; b <= 9; b++)
        for (let c = 2; c <= 9; c++)
          for (let d = 2; d <= 9; d++) {
            if (a + b + c + d > 20) continue;
            best = Math.max(best, knapsackValue(a, ps[0]) + knapsackValue(b, ps[1]) + knapsackValue(c, ps[2]) + knapsackValue(d, ps[3]));
          }
    expect(solveKnapsack(ps, 20, 2, 9).value).toBeCloseTo(best, 12);
  });

  it('fallback: p ∈ {0, 1} keep N_low; what the knapsack cannot use goes to never-solved prompts up to N_up', () => {
    // p = 0.5 saturates at N_up = 4; 12 − (2 + 2 + 4) = 4 left, of which the p = 0 prompt takes 2.
    expect(allocateBudget([0, 1, 0.5], 12, 2, 4)).toEqual([4, 2, 4]);
    // nothing learnable and nothing unsolved: everyone at N_low, the rest of the budget unused.
    expect(allocateBudget([1, 1], 16, 2, 8)).toEqual([2, 2]);
    // two unsolved prompts share the leftover round-robin.
    expect(allocateBudget([0, 0, 1], 12, 2, 8)).toEqual([5, 5, 2]);
  });

  it('bounds are clamped to what the round can afford', () => {
    expect(clampBounds(8, 8, 2, 32)).toEqual({ lo: 1, hi: 1 });
    expect(clampBounds(8, 64, 2, 128)).toEqual({ lo: 2, hi: 50 });
    expect(allocateBudget(new Array(8).fill(0.5), 64, 2, 32)).toEqual(new Array(8).fill(8));
  });
});
