import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../backend/register-node';
import { initBackend } from '../../../backend/backend';
import { Rng } from '../../../core/rng';
import { LanguagePolicy } from '../../../policy/language-policy';
import { TransformerConfigSchema } from '../../../policy/transformer/transformer-config';
import { calcTask } from '../../../tasks/language/calc.task';
import { VOCAB_SIZE, encode } from '../../../tasks/language/vocab';
import { assembleLanguageBatch } from '../group-prompts';
import type { TaskTool } from './task-tools';
import { rollOutWithTools } from './tool-rollout';
import { toDrawnGroups } from './tool-turns.module';

beforeAll(async () => {
  await initBackend('wasm');
});

const EQ = encode('=')[0];
/** A tool a random model calls often: any turn that ends with "=" gets "77" back. */
const echoTool: TaskTool = { callEnd: EQ, answerMarker: encode('>')[0], call: (turn) => (turn.at(-1) === EQ ? encode('77') : null) };

describe('multi-turn rollout with the KV sampler (random tiny policy)', () => {
  const task = calcTask.create(calcTask.schema.parse({}));
  const S = task.maxCompletionLength;
  let policy: LanguagePolicy;
  beforeAll(() => {
    policy = new LanguagePolicy(TransformerConfigSchema.parse({ layers: 1, dModel: 16, heads: 2, context: 32 }), VOCAB_SIZE, 'plain', new Rng(3));
  });
  const sampling = { temperature: 1, topK: 0, topP: 1, minP: 0 };

  it('appends the tool output after each call, forced; keeps every step’s log-prob from the round that drew it', async () => {
    const rng = new Rng(8);
    const examples = [task.sample(rng), task.sample(rng)];
    const before = tf.memory().numTensors;
    const { groups, sampledTokens } = await rollOutWithTools(task, echoTool, policy, examples, [8, 8], sampling, rng, 3);
    expect(tf.memory().numTensors).toBe(before);
    const all = groups.flatMap((g) => g.transcripts);
    let calls = 0;
    let model = 0;
    for (const t of all) {
      expect(t.turns.length).toBeGreaterThan(0);
      expect(t.turns.length).toBeLessThanOrEqual(3);
      t.turns.forEach((turn, k) => {
        model += turn.end - turn.start;
        const next = t.turns[k + 1];
        if (!next) return;
        // Between two model turns: exactly the tool's answer to the first, forced.
        expect(turn.kind).toBe('call');
        calls += 1;
        expect(Array.from(t.tokens.subarray(turn.end, next.start))).toEqual(encode('77'));
        expect(Array.from(t.forced.subarray(turn.end, next.start))).toEqual([1, 1]);
      });
      expect(t.forced.subarray(0, t.length).reduce((a, b) => a + b, 0)).toBe(2 * (t.turns.length - 1));
    }
    expect(calls).toBeGreaterThan(3); // the loop really ran more than one round
    expect(sampledTokens).toBe(model);
    // Teacher-forced re-scoring of the whole transcripts gives back the recorded log-probs.
    const batch = assembleLanguageBatch(toDrawnGroups(groups, { maskVoidTurns: true, maskToolOutput: true }), S, VOCAB_SIZE, sampledTokens, 1);
    const scored = tf.tidy(() => policy.score(batch, Int32Array.from({ length: batch.n }, (_, i) => i)).logp.dataSync());
    for (let i = 0; i < batch.n; i++) expect(Math.abs(scored[i] - batch.logpOld[i])).toBeLessThan(1e-4);
    expect(groups.map((g) => g.rewards.length)).toEqual([8, 8]);
  });

  it('maxTurns = 1 is a single-turn draw: a call ends the transcript without output', async () => {
    const rng = new Rng(8);
    const { groups } = await rollOutWithTools(task, echoTool, policy, [task.sample(rng)], [16], sampling, rng, 1);
    for (const t of groups[0].transcripts) {
      expect(t.turns).toHaveLength(1);
      expect(t.forced.every((f) => f === 0)).toBe(true);
    }
  });
});
