import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { addAnswer, addTask } from './add.task';
import { languageExample } from './make-language-task';
import { EOS, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('add task, worked by hand', () => {
  const task = addTask.create(addTask.schema.parse({}));
  const graded = addTask.create(addTask.schema.parse({ graded: true }));
  const ex = languageExample('add', '47+38=', '85');

  it('adds 47+38= to 85, carrying into a new digit when needed', () => {
    expect(addAnswer('47+38=')).toBe('85');
    expect(addAnswer('99+99=')).toBe('198');
    expect(addAnswer('0+7=')).toBe('7');
    expect(addTask.explain).toContain('47+38= → 85');
  });

  it('rewards the exact sum, and digits from the units up when graded', () => {
    expect(task.reward(ex, say('85'))).toBe(1);
    expect(task.reward(ex, say('84'))).toBe(0);
    expect(task.reward(ex, say('085'))).toBe(0);
    expect(graded.reward(ex, say('75'))).toBeCloseTo(1 / 2); // units 5 right, tens 7 ≠ 8
    expect(graded.reward(ex, say('185'))).toBeCloseTo(2 / 3); // one extra digit
    expect(graded.reward(ex, say('5'))).toBeCloseTo(1 / 2); // tens missing
    expect(graded.reward(ex, say('8a'))).toBe(0); // not a number
  });

  it('draws operands of up to two digits and states their sum', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const s = task.sample(rng);
      const m = /^([0-9]{1,2})\+([0-9]{1,2})=$/.exec(s.promptText)!;
      expect(m).not.toBeNull();
      expect(Number(s.answerText)).toBe(Number(m[1]) + Number(m[2]));
    }
  });
});
