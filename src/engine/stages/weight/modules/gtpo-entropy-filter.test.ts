import { describe, expect, it } from 'vitest';
import { grpoAdvantages } from '../../advantage/grpo.module';
import { gtpoEntropyFilter } from './gtpo-entropy-filter.module';
import { CTX, fixtureBatch, perStep } from './fixtures';

const close = (got: ArrayLike<number>, want: number[], digits = 3) =>
  want.forEach((w, i) => expect(got[i], `index ${i}`).toBeCloseTo(w, digits));

describe('GTPO entropy filter (algorithms-llm.md §13, Appendix C)', () => {
  // A = [0.866, −0.866, 0.866, −0.866], H̄ = [0.3, 0.5, 0.9, 0.2], κ = 0.1, H_max = 0.7
  // → A' = A − κH̄ = [0.836, −0.916, 0 (0.9 > 0.7: filtered), −0.886].
  const b = fixtureBatch([
    { entropy: [0.2, 0.4], group: 0 },
    { entropy: [0.5, 0.5], group: 0 },
    { entropy: [0.9, 0.9], group: 0 },
    { entropy: [0.1, 0.3], group: 0 },
  ]);
  const adv = perStep(b, [...grpoAdvantages([1, 0, 1, 0], [0, 0, 0, 0], 'group')]);

  it('w·A = [0.836, −0.916, 0, −0.886] on every step of each completion', () => {
    const w = gtpoEntropyFilter.create(gtpoEntropyFilter.schema.parse({})).weights(b, adv, CTX);
    close(w.map((x, i) => x * adv[i]), [0.836, 0.836, -0.916, -0.916, 0, 0, -0.886, -0.886]);
  });

  it('κ = 0 only filters; a higher H_max keeps the third completion', () => {
    expect([...gtpoEntropyFilter.create(gtpoEntropyFilter.schema.parse({ kappa: 0 })).weights(b, adv, CTX)]).toEqual([1, 1, 1, 1, 0, 0, 1, 1]);
    const w = gtpoEntropyFilter.create(gtpoEntropyFilter.schema.parse({ kappa: 0, entropyMax: 1 })).weights(b, adv, CTX);
    expect([...w]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
