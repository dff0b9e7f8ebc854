import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Env } from '../../envs/env';
import { assembleBatch } from './sequence-buffer';
import { runEpisodes } from './run-episodes';
import { controlContext, type Sampler } from './sampler';

/**
 * GRPO's sampling on a control task: G episodes from the same start state form a group, as G
 * completions of the same prompt do (algorithms-llm.md, Appendix A.1).
 */
export const groupEpisodesSampler = defineModule({
  id: 'group-episodes',
  stage: 'sample',
  label: 'Groups of episodes',
  explain: 'Each update draws several start states and runs G episodes from each, all in parallel.',
  formula: '\\{o_1..o_G\\} \\sim \\pi_{\\theta_{old}}(\\cdot\\mid q)',
  paper: PAPERS.grpo,
  schema: z.object({
    groups: z.number().int().min(1).max(256).default(4).describe('Start states (prompts) per update'),
    groupSize: z.number().int().min(2).max(256).default(8).describe('G: episodes per start state'),
  }),
  create: (p): Sampler => {
    let envs: Env[] = [];
    return {
      grouped: true,
      kind: 'control',
      async collect(ctx) {
        const { task, policy, rng } = controlContext(ctx);
        const total = p.groups * p.groupSize;
        if (envs.length === 0) envs = Array.from({ length: total }, () => task.make());
        const starts: Float64Array[] = [];
        const groups: number[] = [];
        for (let g = 0; g < p.groups; g++) {
          const s = envs[0].reset(rng);
          for (let i = 0; i < p.groupSize; i++) {
            starts.push(s.slice());
            groups.push(g);
          }
        }
        const buffers = await runEpisodes(task, envs, starts, groups, policy, rng);
        const finished = buffers.map((b) => ({ ret: b.rewards.reduce((s, r) => s + r, 0), len: b.length }));
        const steps = buffers.reduce((s, b) => s + b.length, 0);
        return assembleBatch(buffers, task.obsDim, task.nActions, policy.critic !== null, finished, steps);
      },
    };
  },
});
