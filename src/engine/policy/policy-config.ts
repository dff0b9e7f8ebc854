import { z } from 'zod';

export const PolicyConfigSchema = z.object({
  hidden: z
    .array(z.number().int().min(1).max(1024))
    .min(1)
    .max(6)
    .default([64, 64])
    .describe('Hidden layer widths of the actor and of the critic'),
  activation: z.enum(['tanh', 'relu']).default('tanh').describe('Hidden-layer activation'),
});
export type PolicyConfig = z.output<typeof PolicyConfigSchema>;
