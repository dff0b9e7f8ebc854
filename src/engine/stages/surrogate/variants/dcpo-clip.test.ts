import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dcpoBounds, dcpoClip } from './dcpo-clip.module';
import { close, lossAndGrad } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const paper = { clipRatioLow: 0.16, clipRatioHigh: 0.2, clipRatioC: 10 };

describe('DCPO dynamic-adaptive clip bounds (algorithms-llm.md §6, Appendix C)', () => {
  it('q = 0.01, ε = (0.16, 0.2) → r ∈ [0.5, 5.0]', () => {
    const b = dcpoBounds(0.01, paper);
    expect(b.low).toBeCloseTo(0.5, 6);
    expect(b.high).toBeCloseTo(5.0, 6);
  });

  it('q = 0.9 → [0.7687, 1.1872]; q = 0.1 → [0.5, 2.0]', () => {
    const b9 = dcpoBounds(0.9, paper);
    expect(b9.low).toBeCloseTo(0.7687, 4);
    expect(b9.high).toBeCloseTo(1.1872, 4);
    const b1 = dcpoBounds(0.1, paper);
    expect(b1.low).toBeCloseTo(0.5, 6);
    expect(b1.high).toBeCloseTo(2.0, 6);
  });

  it('ε = (0.2, 0.28), q = 0.01 → [0.5, 5.8151]; the ceiling is capped at max(c, 10)', () => {
    const b = dcpoBounds(0.01, { clipRatioLow: 0.2, clipRatioHigh: 0.28, clipRatioC: 10 });
    expect(b.low).toBeCloseTo(0.5, 6);
    expect(b.high).toBeCloseTo(5.8151, 4);
    expect(dcpoBounds(1e-4, paper).high).toBe(10);
  });
});

describe('DCPO clipped loss', () => {
  const s = dcpoClip(paper);
  const lnq = (q: number) => Math.log(q);
  // Four rare tokens (q = 0.01, band [0.5, 5.0]) and one common token (q = 0.9, band [0.7687, 1.1872]).
  const c = {
    r: [4.9, 5.5, 0.45, 0.6, 1.2],
    a: [1, 1, -1, -1, 1],
    logpOld: [lnq(0.01), lnq(0.01), lnq(0.01), lnq(0.01), lnq(0.9)],
  };

  it('uses the per-token band: −4.9 (PPO would clip at 1.28), −5.0, 0.5, 0.6, −1.1872', () => {
    close(lossAndGrad(s, c).perStep, [-4.9, -5.0, 0.5, 0.6, -1.1872], 4);
  });

  it('keeps the gradient −A·r inside the band and cuts it outside', () => {
    const { grad, low, high } = lossAndGrad(s, c);
    close(grad, [-4.9, 0, 0, 0.6, 0], 4);
    expect(low).toEqual([0, 0, 1, 0, 0]);
    expect(high).toEqual([0, 1, 0, 0, 1]);
  });

  it('applies the dual clip c = 10 for A < 0', () => {
    const { perStep, grad } = lossAndGrad(s, { r: [12], a: [-1], logpOld: [lnq(0.5)] });
    close(perStep, [10], 5);
    close(grad, [0], 5);
  });
});
