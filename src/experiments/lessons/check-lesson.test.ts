import { describe, expect, it } from 'vitest';
import { checkLesson, reduceCurve } from './check-lesson';
import type { Lesson } from './lesson';
import type { MetricRow } from '../../engine/metrics/keys';

describe('lesson checks', () => {
  it('reduce a curve to the mean of its last k present, finite values', () => {
    const rows = [{ step: 1, 'policy/entropy': 3 }, { step: 2 }, { step: 3, 'policy/entropy': 1 }, { step: 4, 'policy/entropy': 2 }] as MetricRow[];
    expect(reduceCurve(rows, 'policy/entropy', 2)).toBe(1.5);
    expect(reduceCurve(rows, 'kl/ref', 2)).toBeNaN();
  });

  it('say on how many seeds each "a > b" held, and fail when any did not', async () => {
    const lesson = {
      id: 'toy',
      runs: [
        { label: 'a', config: { seed: 1, task: { id: 'bandit' }, stages: { sample: { id: 'episodes' }, advantage: { id: 'reward-to-go' }, surrogate: { id: 'vanilla-pg' } } } },
        { label: 'b', config: { seed: 1, task: { id: 'bandit' }, stages: { sample: { id: 'episodes' }, advantage: { id: 'reward-to-go' }, surrogate: { id: 'vanilla-pg' } } } },
      ],
      claim: { text: 'a > b', metric: 'policy/entropy', lastK: 1, higher: [['a', 'b']] },
      mechanism: true,
      seeds: [1, 2],
    } as unknown as Lesson;
    // A fake runner: run "a" reports entropy 2 on seed 1 and 0 on seed 2; "b" always 1.
    let call = 0;
    const values = [2, 0, 1, 1];
    const r = await checkLesson(lesson, [1, 2], async () => [{ step: 1, 'policy/entropy': values[call++] }]);
    expect(r.values).toEqual({ a: [2, 0], b: [1, 1] });
    expect(r.pairs).toEqual([{ higher: 'a', lower: 'b', held: 1, of: 2 }]);
    expect(r.held).toBe(false);
  });
});
