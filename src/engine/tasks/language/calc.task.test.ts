import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { CALC_ERROR, CALC_MARKERS, calcTask, calcTool, calcTranscript, calculate, statedAnswer } from './calc.task';
import { isHeldOut } from './held-out-split';
import { languageExample } from './make-language-task';
import { BOS, EOS, SEP, completionText, decode, encode } from './vocab';

const say = (text: string) => [...encode(text), EOS];

describe('calc task, worked by hand', () => {
  const task = calcTask.create(calcTask.schema.parse({}));
  const graded = calcTask.create(calcTask.schema.parse({ graded: true }));
  const ex = languageExample('calc', '23*41+7', '#23*41=943>950');

  it('23*41+7: one call for the product, then the sum: #23*41=943>950', () => {
    expect(calcTranscript('23*41+7')).toBe('#23*41=943>950');
    expect(calcTask.explain).toContain('23*41+7 → #23*41=943>950');
    expect(task.maxPromptLength + task.maxCompletionLength).toBe(32);
    expect(ex.prompt.length).toBeLessThanOrEqual(task.maxPromptLength);
  });

  it('the calculator evaluates + − × and parentheses and answers "?" to what it cannot evaluate', () => {
    expect(calculate('23*41')).toBe('943');
    expect(calculate('943+7')).toBe('950');
    expect(calculate('2*(3+4)-20')).toBe('-6');
    expect(calculate('23*')).toBe(CALC_ERROR);
    expect(calculate('')).toBe(CALC_ERROR);
    expect(calculate('9999*9999')).toBe(CALC_ERROR); // 99980001: more than six characters
  });

  it('a turn calls the tool only when it ends with "=" after a "#"', () => {
    const turn = (text: string) => encode(text);
    expect(decode(calcTool.call(turn('#23*41='))!)).toBe('943');
    expect(decode(calcTool.call(turn('12#23*41='))!)).toBe('943'); // the last "#" opens the call
    expect(decode(calcTool.call(turn('#23*='))!)).toBe('?'); // malformed, still a call
    expect(decode(calcTool.call([CALC_MARKERS.callOpen, SEP, CALC_MARKERS.callEnd])!)).toBe('?');
    expect(calcTool.call(turn('23*41='))).toBeNull(); // no "#"
    expect(calcTool.call(turn('#23*41'))).toBeNull(); // no "="
    expect(calcTool.call([])).toBeNull();
  });

  it('rewards the text after the last ">", whatever the calls before it', () => {
    expect(statedAnswer('#23*41=943>950')).toBe('950');
    expect(statedAnswer('#23*41=943950')).toBeNull();
    expect(task.reward(ex, say('#23*41=943>950'))).toBe(1);
    expect(task.reward(ex, say('>950'))).toBe(1); // no call: still right
    expect(task.reward(ex, say('#23*41+7=950>950'))).toBe(1); // one call for everything
    expect(task.reward(ex, say('>95#3=3>950'))).toBe(1);
    expect(task.reward(ex, say('#23*41=943>951'))).toBe(0);
    expect(task.reward(ex, say('#23*41=943950'))).toBe(0); // no answer marker
    expect(task.reward(ex, encode('#23*41=943>950'))).toBe(0); // no <eos>
    expect(graded.reward(ex, say('#23*41=943>951'))).toBeCloseTo(2 / 3);
    expect(graded.reward(ex, say('#23*41=943950'))).toBe(0);
  });

  it('demonstrations keep the tool output true; a noisy one errs in the last turn only', () => {
    const rng = new Rng(11);
    expect(task.demonstration(ex, rng, 0)).toEqual(say('#23*41=943>950'));
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const demo = completionText(task.demonstration(ex, rng, 1))!;
      expect(demo.startsWith('#23*41=943')).toBe(true);
      expect(task.isCorrect(ex, say(demo))).toBe(false);
      seen.add(demo);
    }
    expect(seen.has('#23*41=943950')).toBe(true); // the answer marker dropped: a void last turn
    expect(seen.has('#23*41=943>951')).toBe(true);
  });

  it('draws a*b+c with a, b in 1..99 and c in 1..9, never a held-out prompt', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 300; i++) {
      const s = task.sample(rng);
      const m = /^([0-9]{1,2})\*([0-9]{1,2})\+([1-9])$/.exec(s.promptText)!;
      expect(m).not.toBeNull();
      expect(s.prompt[0]).toBe(BOS);
      expect(isHeldOut('calc', s.promptText)).toBe(false);
      expect(statedAnswer(s.answerText)).toBe(String(Number(m[1]) * Number(m[2]) + Number(m[3])));
      expect(s.answerText.length + 1).toBeLessThanOrEqual(task.maxCompletionLength);
    }
    const held = task.evalSet(1, 50);
    for (const e of held) expect(isHeldOut('calc', e.promptText)).toBe(true);
    expect(task.evalSet(1, 50)).toEqual(held);
  });
});
