import { describe, expect, it } from 'vitest';
import { empg } from './empg.module';
import { CTX, fixtureBatch, perStep } from './fixtures';

const close = (got: ArrayLike<number>, want: number[], digits = 4) =>
  want.forEach((w, i) => expect(got[i], `index ${i}`).toBeCloseTo(w, digits));

const make = (params: Record<string, unknown> = {}) => empg.create(empg.schema.parse(params));

describe('EMPG entropy-modulated weights (algorithms-llm.md §12, Appendix C)', () => {
  // One trajectory of three steps, H = [0.2, 1.0, 0.6] (the batch is these steps):
  // H_norm = [0, 1, 0.5]; exp(−H_norm) = [1, 0.36788, 0.60653], mean 0.65814
  // → g = [1.5194, 0.5590, 0.9216]; f = [1, 0.3679, 0.6065]; ζ = 0.1.
  const batch = fixtureBatch([{ entropy: [0.2, 1.0, 0.6] }]);

  it('A = +1: w·A = g·A + ζ·f(next) = [1.5562, 0.6196, 0.9216]', () => {
    const adv = perStep(batch, [1]);
    const w = make().weights(batch, adv, CTX);
    close(w.map((x, i) => x * adv[i]), [1.5562, 0.6196, 0.9216]);
  });

  it('A = −1: the bonus is still added, w·A = [−1.4827, −0.4983, −0.9216] (w = g − ζ·f)', () => {
    const adv = perStep(batch, [-1]);
    const w = make().weights(batch, adv, CTX);
    close(w, [1.4827, 0.4983, 0.9216]);
    close(w.map((x, i) => x * adv[i]), [-1.4827, -0.4983, -0.9216]);
  });

  it('with ζ = 0 the weights are g alone, whose batch mean is 1', () => {
    const adv = perStep(batch, [0.5]);
    const w = make({ zeta: 0 }).weights(batch, adv, CTX);
    close(w, [1.5194, 0.559, 0.9216]);
    expect((w[0] + w[1] + w[2]) / 3).toBeCloseTo(1, 6);
  });

  it("'sequence' steps: one entropy per sequence, no next-step bonus", () => {
    // Sequence means 0.4 and 0.8 → H_norm [0, 1] → g = [1, e^−1]/mean = [1.4621, 0.5379].
    const b = fixtureBatch([{ entropy: [0.2, 0.6] }, { entropy: [0.8, 0.8, 0.8] }]);
    const w = make({ step: 'sequence' }).weights(b, perStep(b, [1, 1]), CTX);
    close(w, [1.4621, 1.4621, 0.5379, 0.5379, 0.5379]);
  });

  it('leaves zero-advantage steps at weight 1 (their bonus cannot be carried by a weight)', () => {
    const adv = perStep(batch, [0]);
    expect([...make().weights(batch, adv, CTX)]).toEqual([1, 1, 1]);
  });

  it('the optional renormalisation divides A_mod by its batch std', () => {
    const adv = perStep(batch, [1]);
    const w = make({ renormalise: true }).weights(batch, adv, CTX);
    // A_mod = [1.5562, 0.6196, 0.9216]: mean 1.0325, unbiased std 0.4781.
    close(w, [1.5562 / 0.4781, 0.6196 / 0.4781, 0.9216 / 0.4781], 3);
  });
});
