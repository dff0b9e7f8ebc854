import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { PromptPool } from './prompt-pool';
import { EpochCursor, uniformDistinct, weightedWithoutReplacement } from './pool-draws';
import { fakeTask } from './fake-task';

describe('the prompt pool and its draws', () => {
  it('is drawn once, distinct, and the same for the same seed', () => {
    const task = fakeTask(1000);
    const a = new PromptPool(16);
    const rng = new Rng(5);
    const first = a.examples(task, rng);
    expect(a.examples(task, rng)).toBe(first);
    expect(new Set(first.map((e) => e.id)).size).toBe(16);
    expect(new PromptPool(16).examples(task, new Rng(5)).map((e) => e.id)).toEqual(first.map((e) => e.id));
    expect(a.indexOf(first[3].id)).toBe(3);
    expect(a.indexOf('fake:not-there')).toBe(-1);
  });

  it('a task with fewer distinct prompts gives a smaller pool', () => {
    expect(new PromptPool(16).examples(fakeTask(5), new Rng(1)).length).toBe(5);
  });

  it('epoch passes visit every prompt once per pass', () => {
    const cursor = new EpochCursor();
    const rng = new Rng(2);
    const pass = [...cursor.next(6, 4, rng), ...cursor.next(6, 2, rng)];
    expect([...pass].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('uniform and weighted draws without replacement repeat nothing while the pool lasts', () => {
    const rng = new Rng(9);
    expect(new Set(uniformDistinct(10, 10, rng)).size).toBe(10);
    expect(uniformDistinct(3, 5, rng).length).toBe(5);
    const w = [0, 1, 0, 2];
    const drawn = weightedWithoutReplacement(w, 4, rng);
    expect(new Set(drawn).size).toBe(4);
    // positive weights first, zero weights only once they are used up
    expect(new Set(drawn.slice(0, 2))).toEqual(new Set([1, 3]));
    expect(weightedWithoutReplacement(w, 6, rng).every((i) => i === 1 || i === 3)).toBe(true);
  });
});
