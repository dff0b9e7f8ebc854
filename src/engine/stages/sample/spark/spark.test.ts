import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { Rng } from '../../../core/rng';
import { LanguagePolicy } from '../../../policy/language-policy';
import { TransformerConfigSchema } from '../../../policy/transformer/transformer-config';
import { reverseTask } from '../../../tasks/language/reverse.task';
import { BOS, EOS, SEP, VOCAB_SIZE, encode } from '../../../tasks/language/vocab';
import { JUDGE_NO, JUDGE_YES, answerTokens, auxGroupCount, judgeContextNeed, judgePrompt, judgmentReward, pickJudgedRollouts } from './judge-prompts';
import { makeSparkSampler, sparkSampler } from './spark.module';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('SPARK judge prompts (algorithms-llm.md §26.1, pointwise)', () => {
  it('"<bos> abc? <sep>" answered "cba<eos>" → "<bos> abc?cba? <sep>"', () => {
    const prompt = [BOS, ...encode('abc?'), SEP];
    const answer = answerTokens([...encode('cba'), EOS, 0], 4);
    expect(answer).toEqual(encode('cba'));
    expect(judgePrompt(prompt, answer)).toEqual([BOS, ...encode('abc?cba?'), SEP]);
  });
  it('a rollout cut off without <eos> is judged on all it wrote; a prompt without <sep> is refused', () => {
    expect(answerTokens(encode('abcd'), 4)).toEqual(encode('abcd'));
    expect(answerTokens([EOS], 1)).toEqual([]);
    expect(() => judgePrompt([BOS, ...encode('abc?')], [])).toThrow(/<sep>/);
  });
  it('context need: reverse-5 (P 8, S 6) → judge prompt ≤ 15 tokens, scored to position 20', () => {
    expect(judgeContextNeed(8, 6)).toBe(20);
    // parity-8 (P 11, S 2): a judge prompt of ≤ 14 tokens; sampling its verdict and scoring it both reach 15
    expect(judgeContextNeed(11, 2)).toBe(15);
  });
});

describe('SPARK judgment rewards and mixing counts', () => {
  it('y on a correct rollout and n on a wrong one earn 1; the other verdict or any other token 0', () => {
    expect(judgmentReward(JUDGE_YES, true)).toBe(1);
    expect(judgmentReward(JUDGE_NO, true)).toBe(0);
    expect(judgmentReward(JUDGE_NO, false)).toBe(1);
    expect(judgmentReward(JUDGE_YES, false)).toBe(0);
    expect(judgmentReward(encode('a')[0], false)).toBe(0);
    expect(judgmentReward(EOS, true)).toBe(0);
  });
  it('φ = 0.25: Q = 8 → 2 judge groups, Q = 3 → 1, φ = 0 → none', () => {
    expect(auxGroupCount(8, 0.25)).toBe(2);
    expect(auxGroupCount(3, 0.25)).toBe(1);
    expect(auxGroupCount(8, 0)).toBe(0);
  });
  it('balanced picks: one correct and one wrong of 3/8 correct; the short kind is filled by the other', () => {
    const correct = [true, false, true, false, false, true, false, false];
    for (let seed = 1; seed <= 20; seed++) {
      const two = pickJudgedRollouts(correct, 2, true, new Rng(seed));
      expect(two.map((i) => correct[i]).sort()).toEqual([false, true]);
      const seven = pickJudgedRollouts(correct, 7, true, new Rng(seed));
      expect(new Set(seven).size).toBe(7);
      expect(seven.filter((i) => correct[i]).length).toBe(3); // all three correct, four wrong
    }
    const none = pickJudgedRollouts([false, false, false], 2, true, new Rng(1));
    expect(none.length).toBe(2);
    expect(pickJudgedRollouts([true, false], 5, true, new Rng(1)).sort()).toEqual([0, 1]);
    expect(new Set(pickJudgedRollouts(correct, 4, false, new Rng(2))).size).toBe(4);
  });
});

describe('SPARK sampler on a tiny random policy', () => {
  const task = reverseTask.create(reverseTask.schema.parse({ length: 3, alphabet: 5 }));
  const policyWith = (context: number) =>
    new LanguagePolicy(TransformerConfigSchema.parse({ layers: 1, dModel: 16, heads: 2, context }), VOCAB_SIZE, 'plain', new Rng(7));

  it('Q = 4, G = 3, φ = 0.5: 4 task groups then 2 judge groups of one-token verdicts on task rollouts', async () => {
    const policy = policyWith(16);
    const sampler = makeSparkSampler(sparkSampler.schema.parse({ prompts: 4, groupSize: 3, auxFraction: 0.5 }));
    const before = tf.memory().numTensors;
    const batch = await sampler.collect({ task, policy, rng: new Rng(5) });
    expect(tf.memory().numTensors).toBe(before);
    expect(batch.seqs.length).toBe(18);
    expect(new Set(batch.seqs.map((s) => s.group)).size).toBe(6);
    const lm = batch.lm!;
    const S = lm.steps;
    const taskJudgePrompts = batch.seqs.slice(0, 12).map((s, i) => {
      const answer = answerTokens(lm.completions.subarray(i * S, (i + 1) * S), s.length);
      return judgePrompt(lm.prompts[i], answer).join(',');
    });
    const judges = batch.seqs.slice(12);
    judges.forEach((s, k) => {
      const i = 12 + k;
      expect(s.length).toBe(1);
      expect(s.terminated).toBe(true);
      expect(s.group).toBe(4 + Math.floor(k / 3));
      expect(taskJudgePrompts).toContain(lm.prompts[i].join(','));
      const verdict = batch.actions[s.start];
      const target = lm.references![i][0];
      expect([JUDGE_YES, JUDGE_NO]).toContain(target);
      expect(s.reward).toBe(verdict === target ? 1 : 0);
    });
    const m = sampler.metrics();
    expect(m['spark/aux_frac']).toBeCloseTo(2 / 6, 12);
    expect(m['spark/judge_acc']).toBeCloseTo(judges.filter((s) => s.reward === 1).length / 6, 12);
    expect(m['spark/task_reward']).toBeCloseTo(batch.seqs.slice(0, 12).reduce((a, s) => a + s.reward, 0) / 12, 12);
    policy.dispose();
  });

  it('the trainer scores every judge verdict as it was sampled (plain and shared-prefix forwards)', async () => {
    for (const mode of ['plain', 'shared-prefix'] as const) {
      const policy = new LanguagePolicy(TransformerConfigSchema.parse({ layers: 1, dModel: 16, heads: 2, context: 16 }), VOCAB_SIZE, mode, new Rng(7));
      const sampler = makeSparkSampler(sparkSampler.schema.parse({ prompts: 3, groupSize: 2, auxFraction: 1 }));
      const batch = await sampler.collect({ task, policy, rng: new Rng(9) });
      const all = Int32Array.from({ length: batch.n }, (_, i) => i);
      const logp = tf.tidy(() => policy.score(batch, all).logp.dataSync().slice());
      logp.forEach((lp, i) => expect(lp, `${mode} step ${i}`).toBeCloseTo(batch.logpOld[i], 4));
      policy.dispose();
    }
  });

  it('refuses a task whose judge prompts do not fit the context, saying what they need', async () => {
    const policy = policyWith(12); // reverse-3 needs 6 + 2·4 = 14
    const sampler = makeSparkSampler(sparkSampler.schema.parse({ prompts: 2, groupSize: 2 }));
    await expect(sampler.collect({ task, policy, rng: new Rng(1) })).rejects.toThrow(/need a context of 14 tokens, the policy has 12/);
    policy.dispose();
  });
});
