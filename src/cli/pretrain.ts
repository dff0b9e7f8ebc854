import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import '../engine/backend/register-node';
import { initBackend } from '../engine/backend/backend';
import { Rng } from '../engine/core/rng';
import { Adam } from '../engine/nn/adam';
import { clipGradNorm } from '../engine/nn/clip-grad-norm';
import { LanguagePolicy } from '../engine/policy/language-policy';
import { TransformerConfigSchema } from '../engine/policy/transformer/transformer-config';
import { sftLoss } from '../engine/policy/sft-loss';
import { weightsToJson, type Checkpoint } from '../engine/policy/checkpoint';
import { evaluateLanguageWithTools } from '../engine/stages/sample/tools/evaluate-with-tools';
import { LANGUAGE_TASKS, PAD, VOCAB_SIZE } from '../engine/tasks/language';
import type { LanguageTaskSpec } from '../engine/tasks/language/language-task';

/**
 * Makes each language task's base checkpoint by supervised learning on the project's own
 * demonstrations, noisy on purpose, and stops as soon as held-out pass@1 reaches a moderate
 * level: like a real base model before RL, it is sometimes right and often right within 16 tries.
 */
const { values } = parseArgs({
  options: {
    task: { type: 'string' },
    out: { type: 'string', default: 'public/models' },
    seed: { type: 'string', default: '1' },
    'target-pass1': { type: 'string', default: '0.1' },
    'max-steps': { type: 'string', default: '4000' },
    'manifest-only': { type: 'boolean', default: false },
  },
});

const SEED = Number(values.seed);
const TARGET = Number(values['target-pass1']);
const MAX_STEPS = Number(values['max-steps']);
const NOISE = 0.3;
const BATCH = 64;
const LR = 1e-3;
/** A quick check every few steps decides when to stop; the final figures use the larger set. */
const CHECK = { prompts: 24, samples: 16, every: 10 };
const EVAL = { prompts: 64, samples: 16, k: 16 };
const GREEDYISH = { temperature: 1, topK: 0, topP: 1, minP: 0 };

async function pretrain(def: (typeof LANGUAGE_TASKS)[number]): Promise<Checkpoint> {
  const params = def.schema.parse({});
  const task = def.create(params as never) as LanguageTaskSpec;
  const transformer = TransformerConfigSchema.parse({});
  const rng = new Rng(SEED);
  const policy = new LanguagePolicy(transformer, VOCAB_SIZE, 'plain', rng.fork(), `pretrain-${task.id}`);
  const opt = new Adam(policy.variables(), 0.9, 0.999, 1e-8);
  const evalSet = task.evalSet(SEED, EVAL.prompts);
  const checkSet = evalSet.slice(0, CHECK.prompts);
  const S = task.maxCompletionLength;
  let step = 0;
  const t0 = Date.now();
  while (step < MAX_STEPS) {
    const examples = Array.from({ length: BATCH }, () => task.sample(rng));
    const targets = new Int32Array(BATCH * S).fill(PAD);
    examples.forEach((ex, i) => targets.set(task.demonstration(ex, rng, NOISE).slice(0, S), i * S));
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => sftLoss(policy.model, examples.map((e) => e.prompt), targets, S, PAD), policy.variables());
      const { clipped } = clipGradNorm(policy.variables().map((v) => grads[v.name]), 1.0);
      opt.step(clipped, LR);
    });
    step += 1;
    if (step % CHECK.every === 0) {
      const check = await evaluateLanguageWithTools(task, policy, checkSet, CHECK.samples, EVAL.k, GREEDYISH, SEED ^ 0xc4ec);
      process.stdout.write(`${task.id} step ${step}: pass@1 ${check.passAt1.toFixed(3)} pass@${EVAL.k} ${check.passAtK.toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
      if (check.passAt1 >= TARGET) break;
    }
  }
  const result = await evaluateLanguageWithTools(task, policy, evalSet, EVAL.samples, EVAL.k, GREEDYISH, SEED ^ 0xe7a1);
  const checkpoint: Checkpoint = {
    format: 'pg-lab-checkpoint',
    version: 1,
    task: task.id,
    taskParams: params as Record<string, unknown>,
    transformer,
    vocabSize: VOCAB_SIZE,
    made: { by: 'npm run pretrain (src/cli/pretrain.ts): SFT on noisy demonstrations, stopped at the first eval with pass@1 ≥ target', seed: SEED, steps: step, demoNoise: NOISE, lr: LR, batch: BATCH },
    eval: { prompts: EVAL.prompts, samples: EVAL.samples, passAt1: result.passAt1, passAtK: result.passAtK, k: EVAL.k },
    weights: await weightsToJson(policy.variables()),
  };
  policy.dispose();
  opt.dispose();
  return checkpoint;
}

await initBackend('wasm');
mkdirSync(values.out!, { recursive: true });
const chosen = values['manifest-only'] ? [] : values.task ? LANGUAGE_TASKS.filter((d) => d.id === values.task) : LANGUAGE_TASKS;
if (values.task && chosen.length === 0) throw new Error(`unknown task "${values.task}"`);
for (const def of chosen) {
  const ck = await pretrain(def);
  writeFileSync(`${values.out}/${ck.task}.json`, JSON.stringify(ck));
  process.stdout.write(`wrote ${values.out}/${ck.task}.json: pass@1 ${ck.eval.passAt1.toFixed(3)}, pass@16 ${ck.eval.passAtK.toFixed(3)} after ${ck.made.steps} steps\n`);
}

// The manifest lists every checkpoint in the folder (those made now and earlier), without weights.
const manifest = readdirSync(values.out!)
  .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
  .sort()
  .map((file) => {
    const ck = JSON.parse(readFileSync(`${values.out}/${file}`, 'utf8')) as Checkpoint;
    const params = ck.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    return { task: ck.task, file, taskParams: ck.taskParams, transformer: ck.transformer, parameters: params, made: ck.made, eval: ck.eval };
  });
writeFileSync(`${values.out}/manifest.json`, JSON.stringify({ format: 'pg-lab-checkpoint-manifest', checkpoints: manifest }, null, 1) + '\n');
process.stdout.write(`wrote ${values.out}/manifest.json (${manifest.length} checkpoints)\n`);
