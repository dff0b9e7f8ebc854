import { beforeAll, describe, expect, it } from 'vitest';
import '../engine/backend/register-node';
import { initBackend } from '../engine/backend/backend';
import type { Batch } from '../engine/core/batch';
import { Rng } from '../engine/core/rng';
import { sampleWithKvCache } from '../engine/policy/transformer/kv-sampler';
import { Transformer } from '../engine/policy/transformer/transformer';
import { TransformerConfigSchema } from '../engine/policy/transformer/transformer-config';
import { EOS, PAD, VOCAB_SIZE } from '../engine/tasks/language/vocab';
import { forwardFlopsPerPosition, median, sampleByRecompute, scoringFlops } from './measures';

beforeAll(async () => {
  await initBackend('wasm');
});

describe('bench measurements', () => {
  it('median', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('the recompute baseline draws what the KV-cached sampler draws', async () => {
    const model = new Transformer(TransformerConfigSchema.parse({ layers: 1, dModel: 16, heads: 2, context: 12 }), VOCAB_SIZE, new Rng(3));
    const prompts = [
      [5, 6, 7],
      [8, 9, 10],
    ];
    const sampling = { temperature: 1, topK: 0, topP: 1, minP: 0 };
    const kv = await sampleWithKvCache(model, prompts, 8, sampling, new Rng(4), { eos: EOS, pad: PAD });
    const full = await sampleByRecompute(model, prompts, 8, sampling, new Rng(4));
    expect(Array.from(full)).toEqual(Array.from(kv.tokens));
    model.dispose();
  });

  it('counts the positions each prefix mode runs', () => {
    const cfg = TransformerConfigSchema.parse({});
    // Two groups of G = 2, prompts of 4 and 3 tokens (padded to P = 4), S = 3 completion steps.
    const prompts = [[1, 4, 5, 3], [1, 4, 5, 3], [1, 6, 3], [1, 6, 3]];
    const seqs = prompts.map((_, i) => ({ start: i * 3, length: 3, group: i >> 1, reward: 0, terminated: true, truncated: false, bootstrapValue: 0 }));
    const batch = {
      seqId: Int32Array.from({ length: 12 }, (_, t) => Math.floor(t / 3)),
      seqs,
      lm: { prompts, completions: new Int32Array(12), steps: 3, exampleIds: [] },
    } as unknown as Batch;
    const all = Int32Array.from({ length: 12 }, (_, t) => t);
    const plain = scoringFlops(batch, all, 1000, cfg, 'plain');
    expect(plain.positions).toBe(4 * (4 + 3 - 1));
    expect(plain.flops).toBe(plain.positions * forwardFlopsPerPosition(1000, cfg, 6));
    const shared = scoringFlops(batch, all, 1000, cfg, 'shared-prefix');
    expect(shared.positions).toBe(2 * 4 + 4 * 2);
    expect(shared.flops).toBe(8 * forwardFlopsPerPosition(1000, cfg, 4) + 8 * forwardFlopsPerPosition(1000, cfg, 6));
    expect(forwardFlopsPerPosition(1000, cfg, 6)).toBe(2000 + 4 * 2 * 64 * 6);
  });
});
