import { z } from 'zod';

export const TransformerConfigSchema = z.object({
  layers: z.number().int().min(1).max(8).default(2).describe('Transformer blocks'),
  dModel: z.number().int().min(8).max(512).default(64).describe('Width of the residual stream'),
  heads: z.number().int().min(1).max(16).default(4).describe('Attention heads (must divide the width)'),
  context: z.number().int().min(4).max(256).default(32).describe('Maximum sequence length (prompt + completion)'),
  mlpRatio: z.number().int().min(1).max(8).default(4).describe('MLP hidden width ÷ model width'),
});
export type TransformerConfig = z.output<typeof TransformerConfigSchema>;
