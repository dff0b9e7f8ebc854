import { describe, expect, it } from 'vitest';
import { betaPdf, logGamma } from './beta';
import { bnpoAdvantage, bnpoAdvantages, bnpoBetaFit } from './bnpo.module';
import { close, groupsBatch, perSequence } from './test-batch';

/** Groups of G with the given number of successes first. */
const groupsOf = (g: number, successes: number[]) =>
  successes.map((_s, q) => Array.from({ length: g }, (_, i) => q * g + i));
const rewardsOf = (g: number, successes: number[]) => successes.flatMap((s) => Array.from({ length: g }, (_, i) => (i < s ? 1 : 0)));

describe('Beta helpers', () => {
  it('log Γ matches known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(1.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI) / 2), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('Beta(1.5, 1.5) density: f(0.5) = 1.2732, f(0.25) = f(0.75) = 1.1027', () => {
    // B(1.5,1.5) = Γ(1.5)²/Γ(3) = π/8; f(0.5) = 0.5/(π/8) = 4/π
    expect(betaPdf(0.5, 1.5, 1.5)).toBeCloseTo(4 / Math.PI, 10);
    expect(betaPdf(0.25, 1.5, 1.5)).toBeCloseTo(1.1027, 4);
    expect(betaPdf(0.75, 1.5, 1.5)).toBeCloseTo(1.1027, 4);
    expect(betaPdf(0, 1, 1)).toBeCloseTo(1, 12);
  });
});

describe('BNPO (algorithms-llm.md §4, Appendix C)', () => {
  it('p = [0.25, 0.5, 0.75] → α = β = 1.5', () => {
    // p̄ 0.5, v 0.0625, a = b = (0.25/0.0625 − 1)·0.5 = 1.5, α = β = 1 + 1.5/3
    const { alpha, beta } = bnpoBetaFit([0.25, 0.5, 0.75]);
    expect(alpha).toBeCloseTo(1.5, 10);
    expect(beta).toBeCloseTo(1.5, 10);
  });
  it('advantages: p = 0.25 → 0.6802 / −0.2267; 0.5 → ±0.3927; 0.75 → 0.2267 / −0.6802', () => {
    const r = bnpoAdvantages(rewardsOf(4, [1, 2, 3]), groupsOf(4, [1, 2, 3]), 0, 1);
    close(r.advantages, [0.6802, -0.2267, -0.2267, -0.2267, 0.3927, 0.3927, -0.3927, -0.3927, 0.2267, 0.2267, 0.2267, -0.6802]);
  });
  it('second batch p = [0.125, 0.25, 0.5, 0.875]: α 1.1823, β 1.2344', () => {
    const r = bnpoAdvantages(rewardsOf(8, [1, 2, 4, 7]), groupsOf(8, [1, 2, 4, 7]), 0, 1);
    expect(r.alpha).toBeCloseTo(1.1823, 4);
    expect(r.beta).toBeCloseTo(1.2344, 4);
    close([r.advantages[0], r.advantages[1]], [0.882, -0.126]);
    close([r.advantages[24], r.advantages[31]], [0.1394, -0.976]);
  });
  it('one group: α = β = 1, so A = R − p (the code uses p̄ = 0, v = 1)', () => {
    const r = bnpoAdvantages([1, 0, 0, 0], [[0, 1, 2, 3]], 0, 1);
    expect(r.alpha).toBe(1);
    expect(r.beta).toBe(1);
    close(r.advantages, [0.75, -0.25, -0.25, -0.25]);
  });
  it('rescales CartPole returns with [min_value, max_value] = [0, 500] (A.1)', () => {
    // p = [0.6, 0.5, 0.9]: p̄ 0.66667, v 0.04333, k = 0.2222/0.04333 − 1 = 4.1282,
    // α = 1 + 4.1282·0.66667/3 = 1.9174, β = 1 + 4.1282·0.33333/3 = 1.4587
    const r = bnpoAdvantages([500, 100, 250, 250, 400, 500], [[0, 1], [2, 3], [4, 5]], 0, 500);
    expect(r.alpha).toBeCloseTo(1.9174, 4);
    expect(r.beta).toBeCloseTo(1.4587, 4);
    close(r.advantages, [0.287, -0.287, 0, 0, -0.0934, 0.0934]);
  });
  it('the module works on a batch and stays finite on all-equal groups', () => {
    const est = bnpoAdvantage.create(bnpoAdvantage.schema.parse({}));
    const batch = groupsBatch([[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1], [0, 0, 0, 0]]);
    const adv = perSequence(batch, est.compute(batch).advantages);
    expect(adv.every(Number.isFinite)).toBe(true);
    expect(adv.slice(12)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    // The fitted Beta is reported for the charts: that of the batch's success rates.
    const fit = bnpoBetaFit([0.25, 0.5, 0.75, 1, 0]);
    expect(est.metrics()).toEqual({ 'bnpo/alpha': fit.alpha, 'bnpo/beta': fit.beta });
  });
});
