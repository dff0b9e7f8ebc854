import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import { TransformerConfigSchema } from './transformer/transformer-config';

/**
 * A base checkpoint: the weights of a language policy with everything needed to explain and
 * check them (task and its params, model size, how it was made, its measured pass rates).
 */
export const CheckpointSchema = z.object({
  format: z.literal('pg-lab-checkpoint'),
  version: z.literal(1),
  task: z.string(),
  taskParams: z.record(z.string(), z.unknown()),
  transformer: TransformerConfigSchema,
  vocabSize: z.number().int(),
  made: z.object({
    by: z.string(),
    seed: z.number().int(),
    steps: z.number().int(),
    demoNoise: z.number(),
    lr: z.number(),
    batch: z.number().int(),
  }),
  eval: z.object({ prompts: z.number().int(), samples: z.number().int(), passAt1: z.number(), passAtK: z.number(), k: z.number().int() }),
  /** Float32 little-endian, base64, in the order of the model's variables(). */
  weights: z.array(z.object({ shape: z.array(z.number().int()), data: z.string() })),
});
export type Checkpoint = z.output<typeof CheckpointSchema>;

/** Where a run finds base checkpoints: the CLI reads public/models, the browser fetches them. */
export type CheckpointSource = (taskId: string) => Promise<unknown>;

export async function weightsToJson(vars: tf.Variable[]): Promise<Checkpoint['weights']> {
  const out: Checkpoint['weights'] = [];
  for (const v of vars) {
    const data = (await v.data()) as Float32Array;
    out.push({ shape: v.shape, data: bytesToBase64(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) });
  }
  return out;
}

export function loadWeights(vars: tf.Variable[], weights: Checkpoint['weights']): void {
  if (weights.length !== vars.length) throw new Error(`checkpoint has ${weights.length} tensors, the model ${vars.length}`);
  vars.forEach((v, i) => {
    const w = weights[i];
    if (w.shape.join('x') !== v.shape.join('x')) {
      throw new Error(`checkpoint tensor ${i} has shape [${w.shape}], the model [${v.shape}]`);
    }
    const bytes = base64ToBytes(w.data);
    v.assign(tf.tensor(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4), w.shape));
  });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of clean) {
    const d = B64.indexOf(ch);
    if (d < 0) throw new Error('checkpoint weights are not valid base64');
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out;
}
