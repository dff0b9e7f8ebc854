import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ngrpoClipSurrogate } from './ngrpo-clip.module';
import { ppoClip } from '../ppo-clip.module';
import { close, lossAndGrad } from './test-inputs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('NGRPO asymmetric clip (algorithms-llm.md §2: ε_low 0.16, ε_high 0.24, §0.3 dual clip c = 3)', () => {
  const s = ngrpoClipSurrogate.create(ngrpoClipSurrogate.schema.parse({}));
  // (r, A): above the 1.24 ceiling; inside; below the 0.84 floor; inside; dual-clipped.
  const c = { r: [1.3, 1.2, 0.82, 0.86, 4.0], a: [1, 1, -1, -1, -1] };

  it('defaults to the paper bounds', () => {
    expect(ngrpoClipSurrogate.schema.parse({})).toEqual({ clipRatioLow: 0.16, clipRatioHigh: 0.24, clipRatioC: 3 });
  });

  it('gives −1.24, −1.20, 0.84, 0.86, 3.00 per step', () => {
    close(lossAndGrad(s, c).perStep, [-1.24, -1.2, 0.84, 0.86, 3.0], 5);
  });

  it('cuts the gradient only on the clipped branches (d l/d log π = −A·r inside the band)', () => {
    const { grad, low, high } = lossAndGrad(s, c);
    close(grad, [0, -1.2, 0, 0.86, 0], 5);
    expect(low).toEqual([0, 0, 1, 0, 0]);
    expect(high).toEqual([1, 0, 0, 0, 0]);
  });

  it('holds negatives tighter than a symmetric 0.2 clip: r = 0.82, A = −1 is clipped here, not there', () => {
    const sym = lossAndGrad(ppoClip({ clipRatioLow: 0.2, clipRatioHigh: 0.2, clipRatioC: 3, clipSchedule: 'constant' }), { r: [0.82], a: [-1] });
    close(sym.grad, [0.82], 5);
    close(lossAndGrad(s, { r: [0.82], a: [-1] }).grad, [0], 5);
  });
});
