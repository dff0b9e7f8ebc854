import { z } from 'zod';
import { defineModule } from '../../registry/module';

export const adamUpdate = defineModule({
  id: 'adam',
  stage: 'update',
  label: 'Adam, epochs × minibatches',
  explain: 'Each batch is shuffled and split into minibatches, reused for several epochs; global grad-norm clipping.',
  formula: '\\theta \\leftarrow \\theta - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon},\\quad g \\leftarrow g\\cdot\\min(1, \\frac{c}{\\lVert g\\rVert})',
  paper: {
    short: 'Adam',
    title: 'Adam: A Method for Stochastic Optimization',
    authors: 'Kingma, Ba',
    year: 2015,
    url: 'https://arxiv.org/abs/1412.6980',
  },
  schema: z.object({
    lr: z.number().gt(0).max(1).default(2.5e-4).describe('Learning rate (CleanRL learning_rate)'),
    lrSchedule: z.enum(['constant', 'linear']).default('constant').describe('Linear: anneal to 0 over the run (CleanRL anneal_lr)'),
    epochs: z.number().int().min(1).max(100).default(4).describe('Passes over each batch (CleanRL update_epochs, TRL num_iterations μ)'),
    minibatches: z.number().int().min(1).max(1024).default(4).describe('Minibatches per epoch (CleanRL num_minibatches)'),
    maxGradNorm: z.number().min(0).max(1000).default(0.5).describe('Global gradient-norm clip (0 = off)'),
    normAdvantages: z
      .enum(['none', 'batch', 'minibatch'])
      .default('minibatch')
      .describe('Standardise advantages per minibatch (CleanRL norm_adv), per batch, or not'),
    vfCoef: z.number().min(0).max(100).default(0.5).describe('Value-loss coefficient (critic runs only)'),
    clipVloss: z.boolean().default(true).describe('Clip the value update like the ratio (CleanRL clip_vloss)'),
    vfClip: z.number().gt(0).max(100).default(0.2).describe('Value clip range'),
    adamEps: z.number().gt(0).max(1).default(1e-5).describe('Adam ε (CleanRL uses 1e-5)'),
  }),
  create: (p) => p,
});
export type UpdateParams = ReturnType<typeof adamUpdate.create>;
