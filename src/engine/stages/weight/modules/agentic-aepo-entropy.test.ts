import { describe, expect, it } from 'vitest';
import { agenticAepoEntropy } from './agentic-aepo-entropy.module';
import { CTX, fixtureBatch, perStep } from './fixtures';

describe('Agentic AEPO entropy-aware advantage (algorithms-llm.md §11, Appendix C)', () => {
  it('H = [0.2, 1.0, 0.6, 2.2], A = 1 → [0.815, 1.0, 0.907, 1.278]', () => {
    // mean 1.0, unbiased std √(2.24/3) = 0.8641 → Ĥ = [−0.926, 0, −0.463, 1.389]; w = 1 + 0.2·Ĥ.
    const b = fixtureBatch([{ entropy: [0.2, 1.0, 0.6, 2.2] }]);
    const adv = perStep(b, [1]);
    const w = agenticAepoEntropy.create(agenticAepoEntropy.schema.parse({})).weights(b, adv, CTX);
    [0.815, 1.0, 0.907, 1.278].forEach((x, i) => expect(w[i] * adv[i]).toBeCloseTo(x, 3));
  });

  it('a batch of equal entropies is left unchanged', () => {
    const b = fixtureBatch([{ entropy: [0.4, 0.4] }, { entropy: [0.4] }]);
    expect([...agenticAepoEntropy.create(agenticAepoEntropy.schema.parse({})).weights(b, perStep(b, [1, -1]), CTX)]).toEqual([1, 1, 1]);
  });
});
