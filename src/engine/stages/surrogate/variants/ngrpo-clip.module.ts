import { z } from 'zod';
import { defineModule } from '../../../registry/module';
import { ppoClip } from '../ppo-clip.module';
import type { Surrogate } from '../surrogate';
import { SURROGATE_PAPERS } from './papers';

/**
 * NGRPO's asymmetric clip (algorithms-llm.md §2): the clipped loss of §0.3 with a looser ceiling for
 * positive advantages (ε_high = 0.24) and a tighter floor for negative ones (ε_low = 0.16), which
 * steadies the extra negative pressure of NGRPO's calibrated advantages. verl's vanilla loss, which
 * NGRPO's code runs, always applies the dual clip with c = 3.
 */
export const ngrpoClipSurrogate = defineModule({
  id: 'ngrpo-clip',
  stage: 'surrogate',
  label: 'NGRPO asymmetric clip',
  explain: 'PPO clip with a wider band above 1 than below it: positives may move further, negatives are held tighter.',
  formula:
    'l_t = \\max\\big(-A_t r_t,\\; -A_t\\,\\mathrm{clip}(r_t, 1-\\epsilon_{low}, 1+\\epsilon_{high})\\big),\\; \\epsilon_{low}=0.16 < \\epsilon_{high}=0.24',
  paper: SURROGATE_PAPERS.ngrpo,
  schema: z.object({
    clipRatioLow: z.number().min(0).max(1).default(0.16).describe('ε_low: ratio floor 1−ε_low; NGRPO 0.16 (verl clip_ratio_low, TRL epsilon)'),
    clipRatioHigh: z.number().min(0).max(10).default(0.24).describe('ε_high: ratio ceiling 1+ε_high; NGRPO 0.24 (verl clip_ratio_high, TRL epsilon_high)'),
    clipRatioC: z
      .number()
      .min(1)
      .max(100)
      .nullable()
      .default(3)
      .describe('Dual-clip bound c for A<0 (verl clip_ratio_c, 3.0, always on in verl vanilla); empty = off'),
  }),
  create: (p): Surrogate => ppoClip({ ...p, clipSchedule: 'constant' }),
});
