import type { RunConfig } from '../config/schema';
import { CheckpointSchema, type Checkpoint } from '../policy/checkpoint';

const same = (a: unknown, b: unknown) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

function sorted(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(sorted);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]));
  return x;
}

/** A base checkpoint fits a run only if it was made for the same task, task params and model. */
export function checkCheckpoint(raw: unknown, config: RunConfig): Checkpoint {
  const parsed = CheckpointSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`base checkpoint for "${config.task.id}" is malformed: ${parsed.error.issues[0]?.message}`);
  const ck = parsed.data;
  if (ck.task !== config.task.id) throw new Error(`base checkpoint is for task "${ck.task}", not "${config.task.id}"`);
  if (!same(ck.taskParams, config.task.params)) {
    throw new Error(
      `the base checkpoint of "${ck.task}" was made with task params ${JSON.stringify(ck.taskParams)}; this run asks for ` +
        `${JSON.stringify(config.task.params)}: use those params, or policy.init "random"`,
    );
  }
  if (!same(ck.transformer, config.policy.transformer)) {
    throw new Error(
      `the base checkpoint of "${ck.task}" is a ${JSON.stringify(ck.transformer)} transformer; this run asks for ` +
        `${JSON.stringify(config.policy.transformer)}: use that size, or policy.init "random"`,
    );
  }
  return ck;
}
