import { z } from 'zod';
import { PAPERS } from '../../registry/papers';
import { defineModule } from '../../registry/module';
import type { Env } from '../../envs/env';
import { assembleBatch } from './sequence-buffer';
import { runEpisodes } from './run-episodes';
import { controlContext, type Sampler } from './sampler';

/** Whole episodes from fresh random starts (REINFORCE's batch of trajectories). */
export const episodesSampler = defineModule({
  id: 'episodes',
  stage: 'sample',
  label: 'Whole episodes',
  explain: 'Each update samples N complete episodes, run in parallel, each from a fresh random start.',
  formula: '\\tau_i \\sim \\pi_\\theta,\\; i = 1..N',
  paper: PAPERS.reinforce,
  schema: z.object({
    episodes: z.number().int().min(1).max(1024).default(16).describe('Episodes per update'),
    parallel: z.number().int().min(1).max(1024).default(16).describe('Episodes run at once (one batched policy call per step)'),
  }),
  create: (p): Sampler => {
    let envs: Env[] = [];
    return {
      grouped: false,
      kind: 'control',
      async collect(ctx) {
        const { task, policy, rng } = controlContext(ctx);
        if (envs.length === 0) envs = Array.from({ length: p.parallel }, () => task.make());
        const buffers = [];
        for (let done = 0; done < p.episodes; ) {
          const wave = Math.min(p.parallel, p.episodes - done);
          const starts = Array.from({ length: wave }, (_, i) => envs[i].reset(rng));
          const groups = starts.map((_, i) => done + i);
          buffers.push(...(await runEpisodes(task, envs, starts, groups, policy, rng)));
          done += wave;
        }
        const finished = buffers.map((b) => ({ ret: b.rewards.reduce((s, r) => s + r, 0), len: b.length }));
        const steps = buffers.reduce((s, b) => s + b.length, 0);
        return assembleBatch(buffers, task.obsDim, task.nActions, policy.critic !== null, finished, steps);
      },
    };
  },
});
