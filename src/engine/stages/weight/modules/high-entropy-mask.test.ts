import { describe, expect, it } from 'vitest';
import { highEntropyMask } from './high-entropy-mask.module';
import { quantile } from './weight-utils';
import { CTX, fixtureBatch } from './fixtures';

const mask = (entropy: number[], rho?: number) => {
  const b = fixtureBatch([{ entropy }]);
  return [...highEntropyMask.create(highEntropyMask.schema.parse(rho === undefined ? {} : { topEntropyQuantile: rho })).weights(b, new Float32Array(b.n), CTX)];
};

describe('80/20 high-entropy token mask (grpo-libraries.md §1.4 and T5, TRL top_entropy_quantile)', () => {
  it('ρ = 0.4 on [0.1, 2.0, 0.5, 3.0, 1.0]: threshold quantile_0.6 = 1.4 → mask [0, 1, 0, 1, 0]', () => {
    expect(quantile([0.1, 2.0, 0.5, 3.0, 1.0], 0.6)).toBeCloseTo(1.4, 6);
    expect(mask([0.1, 2.0, 0.5, 3.0, 1.0], 0.4)).toEqual([0, 1, 0, 1, 0]);
  });

  it('the default ρ = 0.2 keeps the top 20%: 2 of 10 tokens', () => {
    // quantile_0.8 of 0.1..1.0 = 0.1 + 0.8·9·0.1 = 0.82 → tokens 0.9 and 1.0.
    expect(mask([0.5, 0.1, 1.0, 0.3, 0.9, 0.2, 0.4, 0.7, 0.6, 0.8])).toEqual([0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('ρ = 1 keeps every token', () => expect(mask([0.3, 0.1, 0.2], 1)).toEqual([1, 1, 1]));
});
