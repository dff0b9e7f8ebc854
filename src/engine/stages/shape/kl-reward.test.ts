import { describe, expect, it } from 'vitest';
import { klValue } from './kl-reward.module';

describe('KL estimators on numbers (algorithms-llm.md §0.5)', () => {
  it('p = 0.5, p_ref = 0.4: k1 0.22314, k2 0.02490, k3 0.02314', () => {
    expect(klValue('k1', Math.log(0.5), Math.log(0.4))).toBeCloseTo(0.22314, 5);
    expect(klValue('k2', Math.log(0.5), Math.log(0.4))).toBeCloseTo(0.0249, 5);
    expect(klValue('k3', Math.log(0.5), Math.log(0.4))).toBeCloseTo(0.02314, 5);
  });
});
