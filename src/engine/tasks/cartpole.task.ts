import { z } from 'zod';
import { defineModule } from '../registry/module';
import { CartPole } from '../envs/cartpole';
import type { ControlTaskSpec } from '../envs/env';

export const cartpoleTask = defineModule({
  id: 'cartpole',
  stage: 'task',
  label: 'CartPole-v1',
  explain: 'Balance a pole on a cart by pushing left or right; +1 per step, at most 500 steps.',
  formula: '\\ddot\\theta = \\frac{g\\sin\\theta - \\cos\\theta\\,\\tau}{l\\,(4/3 - m_p\\cos^2\\theta / M)}',
  paper: {
    short: 'CartPole',
    title: 'Neuronlike adaptive elements that can solve difficult learning control problems',
    authors: 'Barto, Sutton, Anderson',
    year: 1983,
  },
  schema: z.object({
    maxSteps: z.number().int().min(1).max(10_000).default(500).describe('TimeLimit truncation (Gymnasium: 500)'),
  }),
  create: (p): ControlTaskSpec => ({
    kind: 'control',
    id: 'cartpole',
    obsDim: 4,
    nActions: 2,
    maxSteps: p.maxSteps,
    rewardThreshold: 475,
    actionLabels: ['push left', 'push right'],
    make: () => new CartPole(),
  }),
});
