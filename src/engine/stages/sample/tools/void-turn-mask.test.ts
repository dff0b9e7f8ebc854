import { describe, expect, it } from 'vitest';
import { grpoAdvantage, grpoAdvantages } from '../../advantage/grpo.module';
import { tokenMean } from '../../aggregate/aggregation';
import { maskedAggregation } from '../../../trainer/loss-mask';
import { calcTask, calcTool } from '../../../tasks/language/calc.task';
import { languageExample } from '../../../tasks/language/make-language-task';
import { EOS, VOCAB_SIZE, encode } from '../../../tasks/language/vocab';
import { assembleLanguageBatch } from '../group-prompts';
import type { ToolGroup, ToolTranscript } from './tool-rollout';
import { toDrawnGroups, toolTurnMetrics } from './tool-turns.module';
import { parseTurns } from './turns';
import { toolLossMask } from './void-turn-mask';

const task = calcTask.create(calcTask.schema.parse({}));
const S = task.maxCompletionLength;
const example = languageExample('calc', '23*41+7', '#23*41=943>950');

/** A transcript from model/tool segments (tool segments forced), padded to S steps. */
function transcript(...parts: [who: 'model' | 'tool', text: string][]): ToolTranscript {
  const tokens = new Int32Array(S);
  const forced = new Uint8Array(S);
  let at = 0;
  for (const [who, text] of parts) {
    const ids = text === '<eos>' ? [EOS] : encode(text);
    tokens.set(ids, at);
    if (who === 'tool') forced.fill(1, at, at + ids.length);
    at += ids.length;
  }
  return { tokens, forced, length: at, logp: new Float32Array(S), entropy: new Float32Array(S), turns: parseTurns(tokens, at, forced, calcTool) };
}

// §21's example: G = 4 trajectories of one prompt; #2 has a turn with no call and no answer.
const group: ToolGroup = (() => {
  const transcripts = [
    transcript(['model', '#23*41='], ['tool', '943'], ['model', '>950'], ['model', '<eos>']), // R = 1
    transcript(['model', '#23*41='], ['tool', '943'], ['model', '950'], ['model', '<eos>']), // void turn, R = 0
    transcript(['model', '>951'], ['model', '<eos>']), // wrong answer, R = 0
    transcript(['model', '#23*41+7='], ['tool', '950'], ['model', '>950'], ['model', '<eos>']), // R = 1
  ];
  return { example, transcripts, rewards: transcripts.map((t) => task.reward(example, Array.from(t.tokens.subarray(0, t.length)))) };
})();

const perSeq = (batch: ReturnType<typeof assembleLanguageBatch>, xs: Float32Array) => batch.seqs.map((s) => xs[s.start]);

describe('SimpleTIR void-turn mask (algorithms-llm.md §21)', () => {
  it('G = 4, #2 has a void turn: its tokens get m = 0; advantages still come from all four rewards', () => {
    expect(group.rewards).toEqual([1, 0, 0, 1]);
    const batch = assembleLanguageBatch(toDrawnGroups([group], { maskVoidTurns: true, maskToolOutput: true }), S, VOCAB_SIZE, 0, 1);
    const adv = grpoAdvantage.create(grpoAdvantage.schema.parse({})).compute(batch).advantages;
    // mean 0.5, unbiased std 0.5774: A = ±0.5/0.5774 = ±0.8660 — #2 keeps its −0.8660.
    perSeq(batch, adv).forEach((a, i) => expect(a).toBeCloseTo([0.866, -0.866, -0.866, 0.866][i], 3));
    const masks = batch.seqs.map((s) => Array.from(batch.lossMask!.subarray(s.start, s.start + s.length)));
    expect(masks[1]).toEqual(new Array(14).fill(0)); // every step of the void trajectory
    expect(masks[0]).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1]); // tool output 943 masked
    expect(masks[2]).toEqual([1, 1, 1, 1, 1]);
    // Dropping #2 instead would change the others' advantages: [1, 0, 1] → +0.5774, −1.1547.
    Array.from(grpoAdvantages([1, 0, 1], [0, 0, 0], 'group')).forEach((a, i) => expect(a).toBeCloseTo([0.5774, -1.1547, 0.5774][i], 3));
    expect(toolTurnMetrics([group])).toEqual({ 'tools/void_turn_ratio': 0.25, 'tools/turns_mean': 1.75, 'tools/calls_mean': 0.75 });
  });

  it('masked steps leave the loss denominator: token-mean over 12 + 0 + 5 + 14 = 31 kept steps', () => {
    const batch = assembleLanguageBatch(toDrawnGroups([group], { maskVoidTurns: true, maskToolOutput: true }), S, VOCAB_SIZE, 0, 1);
    const w = maskedAggregation(tokenMean.create({}), batch.seqId, batch.lossMask!, S);
    const kept = Array.from(w).filter((x) => x > 0);
    expect(kept).toHaveLength(31);
    for (const x of kept) expect(x).toBeCloseTo(1 / 31, 6);
  });

  it('tool output: masked (m = 0) and marked forced; the switches turn each mask off', () => {
    const t = group.transcripts[0];
    expect(Array.from(t.forced.subarray(0, t.length))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(toolLossMask(t.length, t.forced, t.turns, { maskVoidTurns: true, maskToolOutput: false }))).toEqual(new Array(15).fill(1));
    const v = group.transcripts[1];
    expect(Array.from(toolLossMask(v.length, v.forced, v.turns, { maskVoidTurns: false, maskToolOutput: true }))).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1]);
    const batch = assembleLanguageBatch(toDrawnGroups([group], { maskVoidTurns: false, maskToolOutput: true }), S, VOCAB_SIZE, 0, 1);
    expect(Array.from(batch.forced!.subarray(batch.seqs[3].start, batch.seqs[3].start + batch.seqs[3].length))).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0,
    ]);
  });
});
