import type { z } from 'zod';

/** The pipeline stages of DESIGN.md, in the order a training update runs them. */
export const STAGES = [
  'task',
  'sample',
  'shape',
  'select',
  'advantage',
  'weight',
  'surrogate',
  'aggregate',
  'regularise',
  'update',
] as const;
export type StageName = (typeof STAGES)[number];

export interface PaperRef {
  /** Short name used across the lab, e.g. "PPO", "GRPO". */
  short: string;
  title: string;
  authors: string;
  year: number;
  url?: string;
}

/**
 * One registry entry: what the UI needs to build its controls, what the CLI lists, and the
 * factory the trainer calls with validated parameters.
 */
export interface ModuleDef<Schema extends z.ZodObject = z.ZodObject, Impl = unknown> {
  id: string;
  stage: StageName;
  label: string;
  /** One line, shown under the control. */
  explain: string;
  /** TeX, rendered on demand. */
  formula: string;
  paper: PaperRef;
  schema: Schema;
  create: (params: z.output<Schema>) => Impl;
}

export function defineModule<Schema extends z.ZodObject, Impl>(
  def: ModuleDef<Schema, Impl>,
): ModuleDef<Schema, Impl> {
  return def;
}
