/**
 * Countdown arithmetic without eval: a tiny recursive-descent parser for + − × and parentheses
 * over whole numbers, the verifier built on it, and an exhaustive solver that gives each puzzle
 * its canonical (shortest) answer.
 *
 *   expr   := term (('+' | '-') term)*
 *   term   := factor ('*' factor)*
 *   factor := number | '(' expr ')'        number: digits, no leading zero
 */

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'op'; op: '+' | '-' | '*'; left: Expr; right: Expr };

/** Deeper nesting than this is rejected rather than recursed into. */
const MAX_DEPTH = 32;

/** The expression tree of `text`, or null when it is not a well-formed expression. */
export function parseExpression(text: string): Expr | null {
  let pos = 0;

  const parseNumber = (): Expr | null => {
    const start = pos;
    while (pos < text.length && text[pos] >= '0' && text[pos] <= '9') pos++;
    const digits = text.slice(start, pos);
    if (digits.length === 0 || digits.length > 9 || (digits.length > 1 && digits[0] === '0')) return null;
    return { kind: 'number', value: Number(digits) };
  };

  const parseFactor = (depth: number): Expr | null => {
    if (text[pos] !== '(') return parseNumber();
    if (depth >= MAX_DEPTH) return null;
    pos++;
    const inner = parseExpr(depth + 1);
    if (inner === null || text[pos] !== ')') return null;
    pos++;
    return inner;
  };

  const parseTerm = (depth: number): Expr | null => {
    let left = parseFactor(depth);
    while (left !== null && text[pos] === '*') {
      pos++;
      const right = parseFactor(depth);
      left = right === null ? null : { kind: 'op', op: '*', left, right };
    }
    return left;
  };

  function parseExpr(depth: number): Expr | null {
    let left = parseTerm(depth);
    while (left !== null && (text[pos] === '+' || text[pos] === '-')) {
      const op = text[pos] as '+' | '-';
      pos++;
      const right = parseTerm(depth);
      left = right === null ? null : { kind: 'op', op, left, right };
    }
    return left;
  }

  const tree = parseExpr(0);
  return tree !== null && pos === text.length ? tree : null;
}

export function evaluate(e: Expr): number {
  if (e.kind === 'number') return e.value;
  const a = evaluate(e.left);
  const b = evaluate(e.right);
  return e.op === '+' ? a + b : e.op === '-' ? a - b : a * b;
}

export function numbersUsed(e: Expr, out: number[] = []): number[] {
  if (e.kind === 'number') out.push(e.value);
  else {
    numbersUsed(e.left, out);
    numbersUsed(e.right, out);
  }
  return out;
}

export type Verdict = 'correct' | 'malformed' | 'bad-numbers' | 'wrong-value';

/**
 * Judges a stated expression. Each given number may be used at most once (a number given twice
 * may be used twice); with useAll, every given number exactly once, as in TinyZero.
 */
export function judgeExpression(text: string, numbers: readonly number[], target: number, useAll: boolean): Verdict {
  const tree = parseExpression(text);
  if (tree === null) return 'malformed';
  const left = [...numbers];
  for (const n of numbersUsed(tree)) {
    const i = left.indexOf(n);
    if (i < 0) return 'bad-numbers';
    left.splice(i, 1);
  }
  if (useAll && left.length > 0) return 'bad-numbers';
  return evaluate(tree) === target ? 'correct' : 'wrong-value';
}

/** Reads "3 5 2>11" back into its numbers and target. */
export function parseCountdownPrompt(promptText: string): { numbers: number[]; target: number } {
  const m = /^([0-9]+(?: [0-9]+)*)>([0-9]+)$/.exec(promptText);
  if (!m) throw new Error(`countdown: malformed prompt ${JSON.stringify(promptText)}`);
  return { numbers: m[1].split(' ').map(Number), target: Number(m[2]) };
}

/** An expression as text, with the precedence of its top operator: 0 sum, 1 product, 2 atom. */
export interface Candidate {
  value: number;
  text: string;
  precedence: 0 | 1 | 2;
}

function shorterThan(a: Candidate, b: Candidate): boolean {
  return a.text.length < b.text.length || (a.text.length === b.text.length && a.text < b.text);
}

/**
 * Every value reachable from each subset of the numbers (each used once), keeping for each value
 * and precedence the shortest text, ties broken alphabetically. Parentheses appear only where the
 * value needs them. Indexed by the subset's bit mask.
 */
export function reachableBySubset(numbers: readonly number[]): Map<string, Candidate>[] {
  const k = numbers.length;
  const table: Map<string, Candidate>[] = Array.from({ length: 1 << k }, () => new Map());
  const keep = (mask: number, c: Candidate): void => {
    const key = `${c.value}|${c.precedence}`;
    const old = table[mask].get(key);
    if (!old || shorterThan(c, old)) table[mask].set(key, c);
  };
  for (let i = 0; i < k; i++) keep(1 << i, { value: numbers[i], text: String(numbers[i]), precedence: 2 });
  const wrap = (c: Candidate, needs: boolean): string => (needs ? `(${c.text})` : c.text);
  for (let mask = 1; mask < 1 << k; mask++) {
    if ((mask & (mask - 1)) === 0) continue; // a single number
    for (let left = (mask - 1) & mask; left > 0; left = (left - 1) & mask) {
      const right = mask ^ left;
      for (const a of table[left].values()) {
        for (const b of table[right].values()) {
          // a + b: b's own + and − associate, so it never needs parentheses.
          keep(mask, { value: a.value + b.value, text: `${a.text}+${b.text}`, precedence: 0 });
          keep(mask, { value: a.value - b.value, text: `${a.text}-${wrap(b, b.precedence === 0)}`, precedence: 0 });
          keep(mask, {
            value: a.value * b.value,
            text: `${wrap(a, a.precedence === 0)}*${wrap(b, b.precedence === 0)}`,
            precedence: 1,
          });
        }
      }
    }
  }
  return table;
}

/** Subset masks an answer may use: every subset of two or more, or only the full set. */
export function allowedMasks(k: number, useAll: boolean): number[] {
  const full = (1 << k) - 1;
  if (useAll) return [full];
  const masks: number[] = [];
  for (let m = 1; m <= full; m++) if ((m & (m - 1)) !== 0) masks.push(m);
  return masks;
}

/** The canonical answer: the shortest expression (then alphabetically first) hitting the target. */
export function solveCountdown(
  numbers: readonly number[],
  target: number,
  useAll: boolean,
  table = reachableBySubset(numbers),
): string | null {
  let best: Candidate | null = null;
  for (const mask of allowedMasks(numbers.length, useAll)) {
    for (const c of table[mask].values()) {
      if (c.value === target && (best === null || shorterThan(c, best))) best = c;
    }
  }
  // A single given number is also a valid answer when not all must be used.
  if (!useAll) {
    for (const n of numbers) {
      const c: Candidate = { value: n, text: String(n), precedence: 2 };
      if (n === target && (best === null || shorterThan(c, best))) best = c;
    }
  }
  return best?.text ?? null;
}
