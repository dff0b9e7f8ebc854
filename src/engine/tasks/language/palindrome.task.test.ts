import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { languageExample } from './make-language-task';
import { palindromeAnswer, palindromeTask } from './palindrome.task';
import { EOS, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('palindrome task, worked by hand', () => {
  const task = palindromeTask.create(palindromeTask.schema.parse({}));
  const ex = languageExample('palindrome', 'abcba?', '1');

  it('answers 1 for a palindrome and 0 otherwise', () => {
    expect(palindromeAnswer('abcba?')).toBe('1');
    expect(palindromeAnswer('abcca?')).toBe('0');
    expect(palindromeAnswer('abba?')).toBe('1');
    expect(palindromeTask.explain).toContain('abcba? → 1');
  });

  it('rewards the right bit only', () => {
    expect(task.reward(ex, say('1'))).toBe(1);
    expect(task.reward(ex, say('0'))).toBe(0);
  });

  it('draws palindromes and near misses about equally often', () => {
    const rng = new Rng(3);
    let yes = 0;
    for (let i = 0; i < 1000; i++) {
      const s = task.sample(rng);
      expect(s.promptText).toMatch(/^[a-c]{5}\?$/);
      const body = s.promptText.slice(0, -1);
      expect(s.answerText).toBe(body === [...body].reverse().join('') ? '1' : '0');
      if (s.answerText === '1') yes++;
    }
    expect(yes).toBeGreaterThan(420);
    expect(yes).toBeLessThan(580);
  });
});
