import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { languageExample } from './make-language-task';
import { parityAnswer, parityTask } from './parity.task';
import { EOS, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('parity task, worked by hand', () => {
  const task = parityTask.create(parityTask.schema.parse({}));
  const graded = parityTask.create(parityTask.schema.parse({ graded: true }));
  const ex = languageExample('parity', '10110010?', '0');

  it('answers 0 for an even number of ones and 1 for odd', () => {
    expect(parityAnswer('10110010?')).toBe('0'); // four ones
    expect(parityAnswer('10000000?')).toBe('1');
    expect(parityAnswer('00000000?')).toBe('0');
    expect(parityAnswer('11111110?')).toBe('1');
    expect(parityTask.explain).toContain('10110010? → 0');
  });

  it('has no partial credit even when graded', () => {
    expect(task.reward(ex, say('0'))).toBe(1);
    expect(task.reward(ex, say('1'))).toBe(0);
    expect(graded.reward(ex, say('1'))).toBe(0);
    expect(graded.reward(ex, say('00'))).toBe(0);
  });

  it('draws 8 bits, with both answers about equally often', () => {
    const rng = new Rng(3);
    let odd = 0;
    for (let i = 0; i < 1000; i++) {
      const s = task.sample(rng);
      expect(s.promptText).toMatch(/^[01]{8}\?$/);
      const ones = [...s.promptText].filter((c) => c === '1').length;
      expect(s.answerText).toBe(ones % 2 === 1 ? '1' : '0');
      if (s.answerText === '1') odd++;
    }
    expect(odd).toBeGreaterThan(400);
    expect(odd).toBeLessThan(600);
  });
});
