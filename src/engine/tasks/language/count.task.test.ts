import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { countAnswer, countTask } from './count.task';
import { languageExample } from './make-language-task';
import { EOS, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('count task, worked by hand', () => {
  const task = countTask.create(countTask.schema.parse({}));
  const graded = countTask.create(countTask.schema.parse({ graded: true }));
  const ex = languageExample('count', 'aabcabca#a?', '4');

  it('counts the letter after # in the string before it', () => {
    expect(countAnswer('aabcabca#a?')).toBe('4');
    expect(countAnswer('aabcabca#d?')).toBe('0');
    expect(countAnswer('bbbbbbbb#b?')).toBe('8');
    expect(countTask.explain).toContain('aabcabca#a? → 4');
  });

  it('rewards the exact count, and halves per unit off when graded', () => {
    expect(task.reward(ex, say('4'))).toBe(1);
    expect(task.reward(ex, say('3'))).toBe(0);
    expect(graded.reward(ex, say('3'))).toBe(0.5);
    expect(graded.reward(ex, say('6'))).toBe(0.25);
    expect(graded.reward(ex, say('04'))).toBe(0); // not written plainly
    expect(graded.reward(ex, say('a'))).toBe(0);
  });

  it('draws 8 letters from a–d and counts the asked one', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const s = task.sample(rng);
      const m = /^([a-d]{8})#([a-d])\?$/.exec(s.promptText)!;
      expect(m).not.toBeNull();
      expect(Number(s.answerText)).toBe(m[1].split(m[2]).length - 1);
    }
  });
});
