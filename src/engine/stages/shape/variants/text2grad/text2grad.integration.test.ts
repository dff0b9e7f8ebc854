import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../../../../backend/register-node';
import { initBackend } from '../../../../backend/backend';
import { parseRunConfig } from '../../../../config/schema';
import { Trainer } from '../../../../trainer/trainer';
import { encode } from '../../../../tasks/language/vocab';
import { spanRewards } from './text2grad.module';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('Text2Grad with the Trainer: token rewards reach the token-level advantages', () => {
  it('3 updates: every inspected token’s advantage is its return-to-go of δ (γ = 1); rewards stay outcomes', async () => {
    const r = parseRunConfig({
      seed: 5,
      task: { id: 'reverse', params: { length: 3, alphabet: 5 } },
      policy: { init: 'random', transformer: { layers: 1, dModel: 16, heads: 2, context: 16 } },
      stages: {
        sample: { id: 'group-prompts', params: { prompts: 3, groupSize: 4 } },
        shape: [{ id: 'text2grad' }],
        advantage: { id: 'reward-to-go', params: { gamma: 1 } },
        surrogate: { id: 'ppo-clip' },
        aggregate: { id: 'token-mean' },
        update: { id: 'adam', params: { lr: 1e-2, epochs: 2, minibatches: 2, normAdvantages: 'none' } },
      },
      schedule: { updates: 3, evalEvery: 100 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const t = await Trainer.create(r.config);
    let before = 0;
    for (let step = 1; step <= 3; step++) {
      const row = (await t.step()) as Record<string, number>;
      if (step === 1) before = tf.memory().numTensors;
      expect(Number.isFinite(row['loss/policy'])).toBe(true);
      expect(row['reward/mean']).toBeGreaterThanOrEqual(0);
      expect(row['reward/mean']).toBeLessThanOrEqual(1);
      expect(row['text2grad/neg_token_frac']).toBeGreaterThan(0);
      const group = (await t.inspect())!;
      const letters = group.prompt.match(/^<bos>([a-e]{3})\?<sep>$/)![1];
      const reference = encode([...letters].reverse().join(''));
      for (const c of group.completions) {
        const ids = c.tokens.map((tok) => tok.id);
        expect([0, 1]).toContain(c.reward);
        const delta = spanRewards(ids, ids.length, reference);
        let g = 0;
        const rtg = Array.from(delta).reverse().map((d) => (g += d)).reverse();
        c.tokens.forEach((tok, k) => expect(tok.advantage).toBeCloseTo(rtg[k], 5));
      }
    }
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});
