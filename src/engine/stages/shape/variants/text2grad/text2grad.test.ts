import { describe, expect, it } from 'vitest';
import { assembleLanguageBatch, type DrawnRow } from '../../../sample/group-prompts';
import { rewardToGo } from '../../../advantage/returns';
import { rewardToGoAdvantage } from '../../../advantage/reward-to-go.module';
import { klRewardShaper } from '../../kl-reward.module';
import type { LanguageExample } from '../../../../tasks/language/language-task';
import { BOS, EOS, SEP, VOCAB_SIZE, encode } from '../../../../tasks/language/vocab';
import { spanRewards, text2gradShaper } from './text2grad.module';

const example: LanguageExample = { id: 'toy:x', prompt: [BOS, ...encode('x'), SEP], promptText: 'x', answerText: '123' };
const S = 5;

function row(tokens: number[]): DrawnRow {
  const padded = new Int32Array(S);
  padded.set(tokens);
  return { tokens: padded, logp: new Float32Array(S), entropy: new Float32Array(S), length: tokens.length };
}

/** One group of completions of the prompt whose canonical answer is "123"; outcome rewards as given. */
function batchOf(completions: number[][], rewards: number[]) {
  return assembleLanguageBatch([{ example, rewards, rows: completions.map(row) }], S, VOCAB_SIZE, 0, 1);
}

const shaper = () => text2gradShaper.create(text2gradShaper.schema.parse({}));

describe('Text2Grad span rewards (algorithms-llm.md §26.2)', () => {
  it('target "123", output "143": δ = [+1, −1, +1] (and 0 for the <eos> in its place)', () => {
    expect(Array.from(spanRewards([...encode('143'), EOS], 4, encode('123')))).toEqual([1, -1, 1, 0]);
  });
  it('an early <eos>, an extra token and a missing <eos> are each −1', () => {
    expect(Array.from(spanRewards([...encode('12'), EOS], 3, encode('123')))).toEqual([1, 1, -1]);
    expect(Array.from(spanRewards([...encode('1234'), EOS], 5, encode('123')))).toEqual([1, 1, 1, -1, -1]);
    expect(Array.from(spanRewards(encode('1234'), 4, encode('123')))).toEqual([1, 1, 1, -1]);
  });

  it('as per-step rewards, returns-to-go with γ = 1 are [1, 0, 1]: only the criticised token loses its credit', () => {
    const batch = batchOf([[...encode('143'), EOS], [...encode('123'), EOS]], [0, 1]);
    const t2g = shaper();
    t2g.apply(batch, S);
    expect(Array.from(batch.rewards)).toEqual([1, -1, 1, 0, 1, 1, 1, 0]);
    // The sequence reward is still the verifier's outcome (pass-rate charts read it).
    expect(batch.seqs.map((s) => s.reward)).toEqual([0, 1]);
    expect(Array.from(rewardToGo(batch, 1, false))).toEqual([1, 0, 1, 0, 3, 2, 1, 0]);
    const est = rewardToGoAdvantage.create(rewardToGoAdvantage.schema.parse({ gamma: 1 }));
    expect(Array.from(est.compute(batch).advantages.subarray(0, 4))).toEqual([1, 0, 1, 0]);
    expect(t2g.metrics()['text2grad/neg_token_frac']).toBeCloseTo(1 / 8, 12);
  });

  it('outcomeWeight w adds w·R on the last step', () => {
    const batch = batchOf([[...encode('123'), EOS]], [1]);
    text2gradShaper.create(text2gradShaper.schema.parse({ outcomeWeight: 0.5 })).apply(batch, S);
    expect(Array.from(batch.rewards)).toEqual([1, 1, 1, 0.5]);
  });

  it('refuses to run after a shaper that wrote per-step rewards (its terms would be lost)', () => {
    const batch = batchOf([[...encode('143'), EOS]], [0]);
    batch.refLogp = Float32Array.from([-1, -1, -1, -1]);
    batch.logpOld.set([-0.5, -0.5, -0.5, -0.5]);
    klRewardShaper.create(klRewardShaper.schema.parse({ beta: 0.1 })).apply(batch, S);
    expect(() => shaper().apply(batch, S)).toThrow(/first in the shape stage/);
  });
});
