import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bapo, bapoBounds, bapoSurrogate, positiveShare } from './bapo.module';
import { close, lossAndGrad } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// algorithms-llm.md §8 worked example: tokens (r, A).
const r = [1.5, 1.8, 0.9, 1.0, 1.2, 0.7];
const a = [0.5, 0.5, -1, -1, -1, -1];
const paper = bapoSurrogate.schema.parse({});

describe('BAPO adaptive clip bounds (algorithms-llm.md §8, Appendix C)', () => {
  it('positive share: 0.24 at [0.6, 1.2], 0.283 at c_high 1.5, 0.303 at 1.8 (P = 1.65)', () => {
    expect(positiveShare(r, a, 0.6, 1.2)).toBeCloseTo(0.24, 4);
    expect(positiveShare(r, a, 0.6, 1.5)).toBeCloseTo(0.283, 3);
    expect(positiveShare(r, a, 0.6, 1.8)).toBeCloseTo(0.30275, 4);
  });

  it('target 0.4 is unreachable → final bounds [0.9, 3.0], share 0.292', () => {
    const b = bapoBounds(r, a, paper);
    expect(b.low).toBeCloseTo(0.9, 9);
    expect(b.high).toBeCloseTo(3.0, 9);
    expect(b.share).toBeCloseTo(0.292, 3);
  });

  it('stops as soon as the target is met: target 0.3 → [0.6, 1.8] with the paper order', () => {
    const b = bapoBounds(r, a, { ...paper, targetShare: 0.3 });
    expect(b.low).toBeCloseTo(0.6, 9);
    expect(b.high).toBeCloseTo(1.8, 9);
  });

  it("the released code's order raises c_low first, so the same target ends at [0.9, 3.0]", () => {
    const b = bapoBounds(r, a, { ...paper, targetShare: 0.3, order: 'code' });
    expect(b.low).toBeCloseTo(0.9, 9);
    expect(b.high).toBeCloseTo(3.0, 9);
  });

  it('trains with the chosen bounds: positives carry gradient, negatives with r < 0.9 do not', () => {
    const s = bapo(paper);
    const { perStep, grad, low, high } = lossAndGrad(s, { r, a });
    // Inside [0.9, 3.0] every loss is −A·r except the r = 0.7 negative, clipped to 0.9.
    close(perStep, [-0.75, -0.9, 0.9, 1.0, 1.2, 0.9], 5);
    close(grad, [-0.75, -0.9, 0.9, 1.0, 1.2, 0], 5);
    expect(low).toEqual([0, 0, 0, 0, 0, 1]);
    expect(high).toEqual([0, 0, 0, 0, 0, 0]);
    expect(s.lastBounds()!.share).toBeCloseTo(0.292, 3);
  });

  it('with the fixed start bounds [0.6, 1.2] the two positives would have been clipped', () => {
    const fixed = bapo({ ...paper, highStep: 0, lowStep: 0 });
    close(lossAndGrad(fixed, { r, a }).grad, [0, 0, 0.9, 1.0, 1.2, 0.7], 5);
  });
});

describe('BAPO metrics', () => {
  it('average the bounds over the minibatches of an update and report the widest ceiling, then reset', () => {
    const s = bapo(bapoSurrogate.schema.parse({}));
    const run = (ratio: number[], adv: number[]) => {
      tf.tidy(() => {
        const x = { ratio: tf.tensor1d(ratio), adv: tf.tensor1d(adv) } as unknown as Parameters<typeof s.loss>[0];
        s.loss(x);
      });
      return s.lastBounds()!;
    };
    const a = run([1, 1, 1, 1], [1, -1, -1, -1]);
    const b = run([1, 1, 1, 1], [1, 1, 1, -1]);
    const m = s.metrics();
    expect(m['bapo/clip_high']).toBeCloseTo((a.high + b.high) / 2, 9);
    expect(m['bapo/clip_high_max']).toBe(Math.max(a.high, b.high));
    expect(m['bapo/positive_share']).toBeCloseTo((a.share + b.share) / 2, 9);
    expect(s.metrics()).toEqual({});
  });
});
