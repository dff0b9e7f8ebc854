import { describe, expect, it } from 'vitest';
import { d3sToken } from './d3s-token.module';
import { fixtureBatch } from './fixtures';

describe('D³S token level: top |A|·H (algorithms-llm.md §14, Appendix C)', () => {
  // |A| = [1.6, 1.6, 1.6, 0.54, 0.54, 0.54], H = [0.1, 1.2, 0.3, 0.05, 0.9, 2.0]
  // → scores [0.16, 1.92, 0.48, 0.027, 0.486, 1.08]; keeping 50% keeps tokens 1, 5, 4.
  const b = fixtureBatch([
    { entropy: [0.1, 1.2, 0.3], group: 0 },
    { entropy: [0.05, 0.9, 2.0], group: 0 },
  ]);
  const adv = Float32Array.from([1.6, 1.6, 1.6, -0.54, -0.54, -0.54]);

  it('keeping 50% keeps tokens 1, 5 and 4', () => {
    const mod = d3sToken.create(d3sToken.schema.parse({ keepStart: 0.5, schedule: 'constant' }));
    expect([...mod.weights(b, adv, { progress: 0.9, random: () => 0 })]).toEqual([0, 1, 0, 0, 1, 1]);
  });

  it('the default schedule keeps 20% → 100% linearly over the first half of the run', () => {
    const mod = d3sToken.create(d3sToken.schema.parse({}));
    const kept = (progress: number) => mod.weights(b, adv, { progress, random: () => 0 }).reduce((a, x) => a + x, 0);
    expect(kept(0)).toBe(2); // ⌈0.2·6⌉ = 2: tokens 1 and 5
    expect([...mod.weights(b, adv, { progress: 0, random: () => 0 })]).toEqual([0, 1, 0, 0, 0, 1]);
    expect(kept(0.25)).toBe(4); // κ = 0.6 → ⌈3.6⌉
    expect(kept(0.5)).toBe(6);
    expect(kept(0.9)).toBe(6);
  });
});
