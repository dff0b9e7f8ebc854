import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Rng } from '../../core/rng';
import type { ModuleDef } from '../../registry/module';
import { LANGUAGE_TASKS } from './index';
import type { LanguageTaskSpec } from './language-task';
import { isHeldOut } from './held-out-split';
import { BOS, EOS, SEP, completionText, decode, encode } from './vocab';

type TaskDef = ModuleDef<z.ZodObject, LanguageTaskSpec>;
const DEFS = LANGUAGE_TASKS as readonly unknown[] as readonly TaskDef[];

function makeTask(def: TaskDef, params: Record<string, unknown> = {}): LanguageTaskSpec {
  return def.create(def.schema.parse(params));
}

const answer = (text: string): number[] => [...encode(text), EOS];

/** Every combination of a schema's whole-number parameters, from their min to their max. */
function integerGrid(def: TaskDef): Record<string, number>[] {
  let grid: Record<string, number>[] = [{}];
  for (const [key, field] of Object.entries(def.schema.shape)) {
    const json = (field as z.ZodType).toJSONSchema() as { type?: string; minimum?: number; maximum?: number };
    if (json.type !== 'integer') continue;
    const next: Record<string, number>[] = [];
    for (const g of grid) for (let v = json.minimum!; v <= json.maximum!; v++) next.push({ ...g, [key]: v });
    grid = next;
  }
  return grid;
}

describe('language task modules', () => {
  it('are the eight tasks, each with a graded switch defaulting to off', () => {
    expect(DEFS.map((d) => d.id)).toEqual(['reverse', 'sort', 'add', 'parity', 'count', 'palindrome', 'countdown', 'calc']);
    for (const def of DEFS) {
      expect(def.stage).toBe('task');
      expect(def.schema.parse({}).graded).toBe(false);
      expect(makeTask(def).kind).toBe('language');
      expect(makeTask(def).id).toBe(def.id);
    }
  });
});

describe.each(DEFS.map((def) => [def.id, def] as const))('%s task', (_id, def) => {
  const task = makeTask(def);
  const graded = makeTask(def, { graded: true });
  const training = (() => {
    const rng = new Rng(123);
    return Array.from({ length: 2000 }, () => task.sample(rng));
  })();

  it('fits prompt and completion in 32 tokens at default difficulty', () => {
    expect(task.maxPromptLength + task.maxCompletionLength).toBeLessThanOrEqual(32);
  });

  it('draws prompts of the stated form and length', () => {
    for (const ex of training) {
      expect(ex.prompt[0]).toBe(BOS);
      expect(ex.prompt[ex.prompt.length - 1]).toBe(SEP);
      expect(ex.prompt.length).toBeLessThanOrEqual(task.maxPromptLength);
      expect(answer(ex.answerText).length).toBeLessThanOrEqual(task.maxCompletionLength);
      expect(decode(ex.prompt)).toBe(ex.promptText);
      expect(ex.id).toBe(`${def.id}:${ex.promptText}`);
      expect(isHeldOut(def.id, ex.promptText)).toBe(false);
    }
    expect(new Set(training.map((e) => e.promptText)).size).toBeGreaterThan(20);
  });

  it('is reproducible from the seed', () => {
    const a = new Rng(9);
    const b = new Rng(9);
    for (let i = 0; i < 20; i++) expect(task.sample(a)).toEqual(task.sample(b));
  });

  it('gives the canonical answer reward 1 and a wrong one 0 (graded: less than 1)', () => {
    const rng = new Rng(5);
    for (const ex of training.slice(0, 300)) {
      expect(task.isCorrect(ex, answer(ex.answerText))).toBe(true);
      expect(task.reward(ex, answer(ex.answerText))).toBe(1);
      expect(graded.reward(ex, answer(ex.answerText))).toBe(1);
      const wrong = task.demonstration(ex, rng, 1);
      expect(task.isCorrect(ex, wrong)).toBe(false);
      expect(task.reward(ex, wrong)).toBe(0);
      const credit = graded.reward(ex, wrong);
      expect(credit).toBeGreaterThanOrEqual(0);
      expect(credit).toBeLessThan(1);
    }
  });

  it('gives nothing for a malformed completion', () => {
    const ex = training[0];
    const body = encode(ex.answerText);
    const malformed = [body, [...body, SEP, EOS], [BOS, ...body, EOS], [EOS], []];
    for (const completion of malformed) {
      expect(task.reward(ex, completion)).toBe(0);
      expect(graded.reward(ex, completion)).toBe(0);
      expect(task.isCorrect(ex, completion)).toBe(false);
    }
    // Anything after the first <eos> is ignored.
    expect(task.reward(ex, [...body, EOS, ...encode('9'), EOS])).toBe(1);
  });

  it('has a fixed held-out set, disjoint from 2,000 training samples', () => {
    const evalA = task.evalSet(42, 100);
    expect(task.evalSet(42, 100)).toEqual(evalA);
    expect(task.evalSet(43, 100)).not.toEqual(evalA);
    expect(evalA).toHaveLength(100);
    const trainPrompts = new Set(training.map((e) => e.promptText));
    for (const ex of evalA) {
      expect(trainPrompts.has(ex.promptText)).toBe(false);
      expect(isHeldOut(def.id, ex.promptText)).toBe(true);
      expect(ex.prompt.length).toBeLessThanOrEqual(task.maxPromptLength);
      expect(task.isCorrect(ex, answer(ex.answerText))).toBe(true);
    }
  });

  it('demonstrates correctly at noise 0 and wrongly about half the time at noise 0.5', () => {
    const rng = new Rng(77);
    for (const ex of training.slice(0, 500)) {
      const demo = task.demonstration(ex, rng, 0);
      expect(demo).toEqual(answer(ex.answerText));
    }
    let wrong = 0;
    for (const ex of training) {
      const demo = task.demonstration(ex, rng, 0.5);
      expect(demo[demo.length - 1]).toBe(EOS);
      expect(demo.length).toBeLessThanOrEqual(task.maxCompletionLength);
      expect(completionText(demo)).not.toBeNull();
      if (!task.isCorrect(ex, demo)) wrong++;
    }
    expect(wrong / training.length).toBeGreaterThan(0.45);
    expect(wrong / training.length).toBeLessThan(0.55);
  });

  it('keeps its stated lengths and both sides of the split at every difficulty', () => {
    const grid = integerGrid(def);
    const draws = def.id === 'countdown' ? 40 : 150;
    for (const params of grid) {
      const t = makeTask(def, params);
      const rng = new Rng(1);
      // sample and evalSet throw when a problem exceeds the stated lengths or one side is empty.
      for (let i = 0; i < draws; i++) t.sample(rng);
      expect(t.evalSet(0, 3), JSON.stringify(params)).toHaveLength(3);
    }
  });
});
