import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { fakeTask } from './fake-task';
import { knapsackSampler, makeKnapsackPicker } from './knapsack.module';

describe('Knapsack picker over a fixed pool', () => {
  const p = knapsackSampler.schema.parse({ prompts: 3, groupSize: 8, poolSize: 3, budgetLow: 2, budgetHigh: 16 });

  it('unseen prompts (prior 0.5) share the budget evenly; once seen, §15’s example allocation (2, 7, 15)', () => {
    const picker = makeKnapsackPicker(p);
    const task = fakeTask(100);
    const rng = new Rng(1);
    const first = picker.pick(task, rng, 3, 8);
    expect(first.groupSizes).toEqual([8, 8, 8]);
    // success rates 0.9, 0.5, 0.1 on this visit (graded as R ≥ 1)
    const rates = [0.9, 0.5, 0.1];
    picker.observe!(first.examples.map((example, q) => ({ example, rewards: Array.from({ length: 10 }, (_, i) => (i < rates[q] * 10 ? 1 : 0)) })));
    expect(picker.metrics()).toEqual({ 'knapsack/max_n': 8, 'knapsack/effective_frac': 1, 'knapsack/budget_used': 1 });
    const second = picker.pick(task, rng, 3, 8);
    const byId = new Map(second.examples.map((ex, q) => [ex.id, second.groupSizes[q]]));
    expect(first.examples.map((ex) => byId.get(ex.id))).toEqual([2, 7, 15]);
    expect(picker.metrics()['knapsack/max_n']).toBe(15);
  });

  it('a dead round (all wrong) keeps the budget on the unsolved prompts', () => {
    const picker = makeKnapsackPicker(p);
    const task = fakeTask(100);
    const rng = new Rng(2);
    const first = picker.pick(task, rng, 3, 8);
    picker.observe!(first.examples.map((example) => ({ example, rewards: new Array(8).fill(0) })));
    expect(picker.metrics()['knapsack/effective_frac']).toBe(0);
    expect(picker.pick(task, rng, 3, 8).groupSizes).toEqual([8, 8, 8]);
  });
});
