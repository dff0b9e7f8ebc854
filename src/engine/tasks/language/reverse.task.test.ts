import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { languageExample } from './make-language-task';
import { reverseAnswer, reverseTask } from './reverse.task';
import { EOS, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('reverse task, worked by hand', () => {
  const task = reverseTask.create(reverseTask.schema.parse({}));
  const graded = reverseTask.create(reverseTask.schema.parse({ graded: true }));
  const ex = languageExample('reverse', 'abcde?', 'edcba');

  it('answers abcde? with edcba', () => {
    expect(reverseAnswer('abcde?')).toBe('edcba');
    expect(reverseTask.explain).toContain('abcde? → edcba');
  });

  it('rewards exact reversal only, and position matches when graded', () => {
    expect(task.reward(ex, say('edcba'))).toBe(1);
    expect(task.reward(ex, say('edcab'))).toBe(0);
    expect(graded.reward(ex, say('edcab'))).toBeCloseTo(3 / 5); // e d c right, a b swapped
    expect(graded.reward(ex, say('edc'))).toBeCloseTo(3 / 5); // two missing of five
    expect(graded.reward(ex, say('edcbaa'))).toBeCloseTo(5 / 6); // one extra
    expect(graded.reward(ex, say('abcde'))).toBeCloseTo(1 / 5); // only the middle c
  });

  it('draws 5 letters and reverses them', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const s = task.sample(rng);
      expect(s.promptText).toMatch(/^[a-z]{5}\?$/);
      expect([...s.answerText].reverse().join('') + '?').toBe(s.promptText);
    }
  });
});
