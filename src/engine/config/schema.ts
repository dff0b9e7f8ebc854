import { z } from 'zod';
import { REGISTRY, findModule } from '../registry/registry';
import type { TaskSpec } from '../tasks/task-spec';
import type { Sampler } from '../stages/sample/sampler';
import type { ModuleDef } from '../registry/module';
import { PolicyConfigSchema } from '../policy/policy-config';

export interface ModuleRef {
  id: string;
  params: Record<string, unknown>;
}
export interface ModuleRefInput {
  id: string;
  params?: Record<string, unknown>;
}

/** {id, params} for one module of a stage; params validated by that module's own schema. */
function moduleRef(defs: readonly ModuleDef<any, any>[]) {
  const options = defs.map((d) =>
    z.object({ id: z.literal(d.id), params: (d.schema as z.ZodObject).strict().prefault({}) }).strict(),
  );
  type Ref = z.ZodType<ModuleRef, ModuleRefInput>;
  // A stage with no modules yet accepts nothing (its list stays empty).
  if (options.length === 0) return z.never() as unknown as Ref;
  return z.discriminatedUnion('id', options as unknown as [z.ZodObject, ...z.ZodObject[]]) as unknown as Ref;
}

export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

const ref = <S extends keyof typeof REGISTRY>(stage: S) => moduleRef(REGISTRY[stage]);

export const StagesSchema = z
  .object({
    sample: ref('sample'),
    shape: z.array(ref('shape')).max(8).default([]),
    select: z.array(ref('select')).max(8).default([]),
    advantage: ref('advantage'),
    weight: z.array(ref('weight')).max(8).default([]),
    surrogate: ref('surrogate'),
    aggregate: ref('aggregate').prefault({ id: 'token-mean' }),
    regularise: z.array(ref('regularise')).max(8).default([]),
    update: ref('update').prefault({ id: 'adam' }),
  })
  .strict();

export const RunConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    name: z.string().max(120).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    backend: z.enum(BACKENDS).default('auto'),
    task: ref('task'),
    policy: PolicyConfigSchema.prefault({}),
    stages: StagesSchema,
    schedule: z
      .object({
        updates: z.number().int().min(1).max(1_000_000).default(100).describe('Updates to run'),
        evalEvery: z.number().int().min(0).max(100_000).default(10).describe('Language tasks: held-out pass@k every N updates (0 = never)'),
        evalPrompts: z.number().int().min(1).max(1024).default(32).describe('Held-out prompts per evaluation'),
        evalSamples: z.number().int().min(1).max(64).default(16).describe('n: samples per held-out prompt'),
        evalK: z.number().int().min(1).max(64).default(16).describe('k of pass@k (≤ n)'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type RunConfig = z.output<typeof RunConfigSchema>;
export type RunConfigInput = z.input<typeof RunConfigSchema>;

export interface ConfigError {
  /** Dotted path of the offending field, e.g. "stages.surrogate.params.clipRatioLow". */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; config: RunConfig } | { ok: false; errors: ConfigError[] };

/** Validates a config (from the UI, the URL, a file, the CLI or a worker message). */
export function parseRunConfig(input: unknown): ParseResult {
  const r = RunConfigSchema.safeParse(input);
  if (!r.success) {
    return {
      ok: false,
      errors: r.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(config)', message: i.message })),
    };
  }
  const errors = crossFieldErrors(r.data);
  return errors.length ? { ok: false, errors } : { ok: true, config: r.data };
}

/** Rules that span stages: a group advantage needs a grouped sampler. */
function crossFieldErrors(c: RunConfig): ConfigError[] {
  const errors: ConfigError[] = [];
  const language = (findModule('task', c.task.id).create(c.task.params) as TaskSpec).kind === 'language';
  const sampler = findModule('sample', c.stages.sample.id).create(c.stages.sample.params) as Sampler;
  const languageSampler = (sampler.kind ?? 'language') === 'language';
  if (language !== languageSampler) {
    errors.push({
      path: 'stages.sample.id',
      message: language
        ? `"${c.task.id}" is a language task: use a sampler that draws completions ("group-prompts" or one of its variants)`
        : `"${c.stages.sample.id}" samples completions; "${c.task.id}" is a control task`,
    });
  }
  if (c.schedule.evalK > c.schedule.evalSamples) {
    errors.push({ path: 'schedule.evalK', message: `k (${c.schedule.evalK}) cannot exceed the samples per prompt (${c.schedule.evalSamples})` });
  }
  if (language && c.stages.advantage.id === 'gae') {
    errors.push({ path: 'stages.advantage.id', message: 'language policies have no critic here: use grpo, rloo or reward-to-go' });
  }
  const grouped = sampler.grouped;
  const needsGroups = (findModule('advantage', c.stages.advantage.id).create(c.stages.advantage.params) as { needsGroups: boolean }).needsGroups;
  if (needsGroups && !grouped) {
    errors.push({
      path: 'stages.advantage.id',
      message: `"${c.stages.advantage.id}" compares samples within a group: use the "group-episodes" or "group-prompts" sampler`,
    });
  }
  return errors;
}

export function formatConfigErrors(errors: ConfigError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
