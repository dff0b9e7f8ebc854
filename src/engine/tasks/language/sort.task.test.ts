import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { languageExample } from './make-language-task';
import { sortAnswer, sortTask } from './sort.task';
import { EOS, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('sort task, worked by hand', () => {
  const task = sortTask.create(sortTask.schema.parse({}));
  const graded = sortTask.create(sortTask.schema.parse({ graded: true }));
  const ex = languageExample('sort', '31524?', '12345');

  it('sorts 31524? into 12345 and keeps repeated digits', () => {
    expect(sortAnswer('31524?')).toBe('12345');
    expect(sortAnswer('90090?')).toBe('00099');
    expect(sortTask.explain).toContain('31524? → 12345');
  });

  it('rewards the sorted string only, and position matches when graded', () => {
    expect(task.reward(ex, say('12345'))).toBe(1);
    expect(task.reward(ex, say('12354'))).toBe(0);
    expect(graded.reward(ex, say('12354'))).toBeCloseTo(3 / 5);
    expect(graded.reward(ex, say('54321'))).toBeCloseTo(1 / 5); // only the middle 3
  });

  it('draws 5 digits and sorts them', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const s = task.sample(rng);
      expect(s.promptText).toMatch(/^[0-9]{5}\?$/);
      const d = [...s.answerText].map(Number);
      for (let j = 1; j < d.length; j++) expect(d[j]).toBeGreaterThanOrEqual(d[j - 1]);
      expect([...s.promptText.slice(0, -1)].sort().join('')).toBe(s.answerText);
    }
  });
});
