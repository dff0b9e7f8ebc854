import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import type { Batch } from '../../../core/batch';
import { concatBatches } from '../../../core/concat-batches';
import { subsetBatch } from '../../../core/subset-batch';
import { groupPromptsSampler, makeGroupPromptsSampler } from '../group-prompts';
import type { Sampler } from '../sampler';
import { ReplayBuffer, mixCounts } from './replay-buffer';
import { reincarnationStep } from './reincarnation';
import { OFFPOLICY_PAPERS } from './papers';

export const remixSchema = groupPromptsSampler.schema.extend({
  replayFrac: z
    .number()
    .min(0)
    .max(0.95)
    .default(0.5)
    .describe('p: share of the Q groups replayed from the buffer, the rest sampled fresh (ReMix [inferred]; lab default 0.5)'),
  bufferVersions: z
    .number()
    .int()
    .min(1)
    .max(16)
    .default(2)
    .describe('K: the buffer keeps the batches of the last K policy versions (ReMix [inferred]; lab default 2)'),
  reincarnateAt: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .default(0.5)
    .describe('T_r as a share of the run: from then on the buffer is cleared and sampling is on-policy (ReMix [inferred]; lab default 0.5; empty = never). Give kl-convex the same value'),
});

export type RemixParams = z.output<typeof remixSchema>;

/**
 * ReMix's mix-policy sampler (algorithms-llm.md §24, [inferred]): each update draws (1 − p)·Q fresh
 * groups from the current policy and replays p·Q whole groups stored by the last K policy
 * versions, each step with its behaviour log-prob, so the trainer's ratio π_θ/μ is the mix-policy
 * ratio. The first update (empty buffer) is all fresh. From update k_r = round(T_r·updates) on,
 * the buffer is cleared and every group is fresh (reincarnation; kl-convex moves π_base then).
 */
export function makeRemixSampler(p: RemixParams): Sampler & { metrics(): Record<string, number> } {
  const buffer = new ReplayBuffer(p.bufferVersions);
  let version = 0;
  let last = { replayFrac: 0, staleness: 0 };
  return {
    grouped: true,
    // Staleness in policy versions, averaged over every sequence of the batch (fresh ones count 0).
    metrics: () => ({ 'remix/replay_frac': last.replayFrac, 'remix/staleness_mean': last.staleness }),
    async collect(ctx): Promise<Batch> {
      const now = ctx.update ?? version;
      version = now + 1;
      if (p.reincarnateAt !== null && ctx.totalUpdates === undefined) throw new Error('remix: reincarnation needs the run’s schedule (update and totalUpdates in the sample context)');
      const reincarnation = reincarnationStep(p.reincarnateAt, ctx.totalUpdates ?? 0);
      const onPolicy = reincarnation !== null && now >= reincarnation;
      if (onPolicy) buffer.clear();
      const { fresh, replay } = mixCounts(p.prompts, onPolicy ? 0 : p.replayFrac, buffer.groups);
      const sampled = await makeGroupPromptsSampler({ ...p, prompts: fresh }).collect(ctx);
      const replayed = buffer.draw(replay, now, ctx.rng);
      // The buffer keeps its own copy: the trainer's shapers may write into the batch it is given.
      if (!onPolicy) buffer.push(now, subsetBatch(sampled, sampled.seqs.map((_, i) => i)));
      const out = concatBatches([sampled, ...replayed.batches]);
      const total = out.seqs.length;
      last = {
        replayFrac: total ? replayed.staleness.length / total : 0,
        staleness: total ? replayed.staleness.reduce((a, b) => a + b, 0) / total : 0,
      };
      return out;
    },
  };
}

export const remixSampler = defineModule({
  id: 'remix',
  stage: 'sample',
  label: 'ReMix replay (mix-policy)',
  explain:
    'Approximation of ReMix: (1−p)·Q fresh groups plus p·Q whole groups replayed from the last K policy versions, trained with the ratio to the policy that drew them; UTD m is the update stage’s epochs (kept after T_r); at T_r the buffer is cleared and sampling goes on-policy.',
  formula:
    '\\mathcal{B}_k = \\{o \\sim \\pi_k\\}_{(1-p)Q} \\cup \\{o \\sim \\pi_{k-j}\\}_{pQ,\\;1\\le j\\le K},\\; r_{i,t} = \\frac{\\pi_\\theta(o_{i,t}\\mid s_{i,t})}{\\mu(o_{i,t}\\mid s_{i,t})};\\; k \\ge T_r:\\; p = 0',
  paper: OFFPOLICY_PAPERS.remix,
  schema: remixSchema,
  create: (p) => makeRemixSampler(p),
});
