import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import {
  evaluate,
  judgeExpression,
  parseCountdownPrompt,
  parseExpression,
  reachableBySubset,
  solveCountdown,
} from './countdown-expression';

const value = (text: string): number | null => {
  const tree = parseExpression(text);
  return tree === null ? null : evaluate(tree);
};

describe('countdown expression parser', () => {
  it('follows the usual precedence and associativity', () => {
    expect(value('2*3+5')).toBe(11);
    expect(value('2+3*5')).toBe(17);
    expect(value('(2+3)*5')).toBe(25);
    expect(value('9-4-3')).toBe(2); // (9−4)−3, not 9−(4−3)
    expect(value('9-(4-3)')).toBe(8);
    expect(value('((7))')).toBe(7);
    expect(value('12*3')).toBe(36);
  });

  it('rejects anything that is not a whole expression', () => {
    for (const bad of ['', '+', '3+', '*3', '3**5', '(3+5', '3+5)', '()', '3 + 5', '3/5', '-3+5', '03+5', '3x5', '3=3', '3+5<eos>']) {
      expect(parseExpression(bad), bad).toBeNull();
    }
    expect(parseExpression('('.repeat(40) + '1' + ')'.repeat(40))).toBeNull(); // nesting cap
  });
});

describe('countdown verifier', () => {
  const numbers = [3, 5, 2];
  it('accepts any expression that hits the target with the given numbers', () => {
    expect(judgeExpression('2*3+5', numbers, 11, false)).toBe('correct');
    expect(judgeExpression('5+3*2', numbers, 11, false)).toBe('correct');
    expect(judgeExpression('3+5', numbers, 8, false)).toBe('correct'); // a subset is fine…
    expect(judgeExpression('3+5', numbers, 8, true)).toBe('bad-numbers'); // …unless all must be used
    expect(judgeExpression('(3+5)*2', numbers, 16, true)).toBe('correct');
  });

  it('rejects reuse, numbers not given, a wrong value and garbage', () => {
    expect(judgeExpression('3*3+2', numbers, 11, false)).toBe('bad-numbers'); // 3 used twice
    expect(judgeExpression('4*2+3', numbers, 11, false)).toBe('bad-numbers'); // 4 not given
    expect(judgeExpression('35-24', numbers, 11, false)).toBe('bad-numbers'); // digits glued together
    expect(judgeExpression('3*5-2', numbers, 11, false)).toBe('wrong-value'); // 13
    expect(judgeExpression('3*5-', numbers, 11, false)).toBe('malformed');
    expect(judgeExpression('eleven', numbers, 11, false)).toBe('malformed');
    expect(judgeExpression('11', numbers, 11, false)).toBe('bad-numbers'); // the target itself
  });

  it('lets a number given twice be used twice, but not three times', () => {
    expect(judgeExpression('3*3+2', [3, 3, 2], 11, false)).toBe('correct');
    expect(judgeExpression('3*3*3', [3, 3, 2], 27, false)).toBe('bad-numbers');
  });

  it('reads a prompt back', () => {
    expect(parseCountdownPrompt('3 5 2>11')).toEqual({ numbers: [3, 5, 2], target: 11 });
    expect(parseCountdownPrompt('12 7 1 20>96')).toEqual({ numbers: [12, 7, 1, 20], target: 96 });
    expect(() => parseCountdownPrompt('3 5 2')).toThrow(/malformed prompt/);
  });
});

describe('countdown solver', () => {
  it('finds the shortest answer, worked by hand', () => {
    // 11 from 3 5 2: 2*3+5 (5 chars) beats 5+2*3 alphabetically; no two-number answer exists.
    expect(solveCountdown([3, 5, 2], 11, false)).toBe('2*3+5');
    expect(solveCountdown([3, 5, 2], 8, false)).toBe('3+5');
    expect(solveCountdown([3, 5, 2], 16, true)).toBe('(3+5)*2');
    expect(solveCountdown([3, 5, 2], 1000, false)).toBeNull();
  });

  it('renders every candidate with parentheses that keep its value', () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 30; trial++) {
      const nums = Array.from({ length: 4 }, () => 1 + rng.int(12));
      const table = reachableBySubset(nums);
      for (const [mask, byValue] of table.entries()) {
        for (const c of byValue.values()) {
          expect(value(c.text), c.text).toBe(c.value);
          expect(judgeExpression(c.text, nums, c.value, mask === table.length - 1)).toBe('correct');
        }
      }
    }
  });

  it('agrees with brute force on which targets are reachable from 2 4 7', () => {
    // Brute force over every expression string up to 9 characters would be slow; instead list the
    // values of all two- and three-number combinations by hand-written formulas.
    const [a, b, c] = [2, 4, 7];
    const pair = (x: number, y: number) => [x + y, x - y, y - x, x * y];
    const values = new Set<number>([...pair(a, b), ...pair(a, c), ...pair(b, c)]);
    for (const [x, y, z] of [[a, b, c], [a, c, b], [b, c, a]]) {
      for (const v of pair(x, y)) for (const w of pair(v, z)) values.add(w);
    }
    for (let t = 1; t <= 60; t++) {
      const found = solveCountdown([a, b, c], t, false);
      const trivial = t === a || t === b || t === c;
      expect(found !== null, `target ${t}`).toBe(values.has(t) || trivial);
    }
  });
});
