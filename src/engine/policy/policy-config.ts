import { z } from 'zod';
import { TransformerConfigSchema } from './transformer/transformer-config';

export const PolicyConfigSchema = z.strictObject({
  hidden: z
    .array(z.number().int().min(1).max(1024))
    .min(1)
    .max(6)
    .default([64, 64])
    .describe('Hidden layer widths of the actor and of the critic'),
  activation: z.enum(['tanh', 'relu']).default('tanh').describe('Hidden-layer activation'),
  transformer: TransformerConfigSchema.strict().prefault({}).describe('Language tasks: the tiny transformer'),
  init: z
    .enum(['checkpoint', 'random'])
    .default('checkpoint')
    .describe("Language tasks: start from the task's base checkpoint (public/models) or from random weights"),
  prefixMode: z
    .enum(['plain', 'shared-prefix'])
    .default('shared-prefix')
    .describe("Language tasks: score a group's completions against its prompt encoded once (Prefix Grouper) or in full"),
});
export type PolicyConfig = z.output<typeof PolicyConfigSchema>;
