import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { COUNTDOWN_FORMAT_SCORE, countdownAnswer, countdownTask } from './countdown.task';
import { judgeExpression, parseCountdownPrompt } from './countdown-expression';
import { languageExample } from './make-language-task';
import { EOS, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('countdown task, worked by hand', () => {
  const task = countdownTask.create(countdownTask.schema.parse({}));
  const graded = countdownTask.create(countdownTask.schema.parse({ graded: true }));
  const ex = languageExample('countdown', '3 5 2>11', '2*3+5');

  it('answers 3 5 2>11 with 2*3+5 and accepts any other solution', () => {
    expect(countdownAnswer('3 5 2>11', false)).toBe('2*3+5');
    expect(countdownTask.explain).toContain('3 5 2>11 → 2*3+5');
    expect(task.reward(ex, say('2*3+5'))).toBe(1);
    expect(task.reward(ex, say('5+3*2'))).toBe(1);
    expect(task.reward(ex, say('(5+3*2)'))).toBe(1);
  });

  it('rejects reuse, numbers not given, a wrong value and garbage; graded gives 0.1 for form', () => {
    const cases: [string, number][] = [
      ['3*3+2', COUNTDOWN_FORMAT_SCORE], // 3 used twice
      ['4*2+3', COUNTDOWN_FORMAT_SCORE], // 4 not given
      ['3*5-2', COUNTDOWN_FORMAT_SCORE], // 13
      ['3*5-', 0],
      ['11', COUNTDOWN_FORMAT_SCORE], // the target is not a given number
      ['abc', 0],
    ];
    for (const [text, credit] of cases) {
      expect(task.isCorrect(ex, say(text)), text).toBe(false);
      expect(task.reward(ex, say(text)), text).toBe(0);
      expect(graded.reward(ex, say(text)), text).toBe(credit);
    }
  });

  it('draws reachable targets that are not simply one of the numbers', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 300; i++) {
      const s = task.sample(rng);
      expect(s.promptText).toMatch(/^[1-9] [1-9] [1-9]>[0-9]+$/);
      const { numbers, target } = parseCountdownPrompt(s.promptText);
      expect(target).toBeGreaterThanOrEqual(1);
      expect(numbers).not.toContain(target);
      expect(judgeExpression(s.answerText, numbers, target, false)).toBe('correct');
      expect(s.answerText).toBe(countdownAnswer(s.promptText, false));
    }
  });

  it('with useAll, needs every number, as TinyZero does', () => {
    const all = countdownTask.create(countdownTask.schema.parse({ useAll: true, count: 4 }));
    const rng = new Rng(4);
    for (let i = 0; i < 100; i++) {
      const s = all.sample(rng);
      const { numbers } = parseCountdownPrompt(s.promptText);
      expect(numbers).toHaveLength(4);
      expect(s.answerText.match(/[0-9]+/g)).toHaveLength(4);
      expect(all.isCorrect(s, say(s.answerText))).toBe(true);
    }
    const ex16 = languageExample('countdown', '3 5 2>16', '(3+5)*2');
    const all3 = countdownTask.create(countdownTask.schema.parse({ useAll: true }));
    expect(all3.isCorrect(ex16, say('(3+5)*2'))).toBe(true);
    expect(all3.isCorrect(ex16, say('2*(5+3)'))).toBe(true);
    expect(all3.isCorrect(ex16, say('3*5+1'))).toBe(false); // 1 not given, 2 unused
    expect(task.isCorrect(languageExample('countdown', '3 5 2>8', '3+5'), say('3+5'))).toBe(true);
    expect(() => countdownAnswer('3 5 2>8', true)).toThrow(/no solution/); // 8 needs 2 left out
  });
});
