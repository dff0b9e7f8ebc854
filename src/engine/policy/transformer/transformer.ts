import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/rng';
import type { TransformerConfig } from './transformer-config';
import { matMul, tanh } from '../../nn/fast-ops';

/** Additive mask value for blocked attention (large and finite, so rows of all-blocked stay finite). */
export const BLOCKED = -1e9;

interface Block {
  ln1g: tf.Variable; ln1b: tf.Variable;
  wqkv: tf.Variable; bqkv: tf.Variable;
  wo: tf.Variable; bo: tf.Variable;
  ln2g: tf.Variable; ln2b: tf.Variable;
  w1: tf.Variable; b1: tf.Variable;
  w2: tf.Variable; b2: tf.Variable;
}

// A type alias (not an interface) so it fits tf.tidy's TensorContainer.
export type LayerKV = {
  k: tf.Tensor4D; // [B, H, T, Dh]
  v: tf.Tensor4D;
};

let instances = 0;

/**
 * A small decoder-only transformer (pre-LayerNorm, learned positions, GELU MLP) written with tfjs
 * ops, so that sampling can keep a KV cache and training can encode a group's shared prompt once.
 * Every entry point goes through `run`, which takes explicit positions, an additive attention mask
 * and optional past keys/values: the plain forward, the cached step and the shared-prefix forward
 * are the same arithmetic.
 */
export class Transformer {
  readonly tokEmb: tf.Variable;
  readonly posEmb: tf.Variable;
  readonly blocks: Block[] = [];
  readonly lnfG: tf.Variable;
  readonly lnfB: tf.Variable;
  readonly head: tf.Variable;
  readonly headB: tf.Variable;
  readonly headDim: number;

  constructor(
    readonly config: TransformerConfig,
    readonly vocabSize: number,
    rng: Rng,
    name = 'lm',
  ) {
    const { dModel: d, heads, layers, context, mlpRatio } = config;
    if (d % heads !== 0) throw new Error(`width ${d} is not divisible by ${heads} heads`);
    this.headDim = d / heads;
    const prefix = `${name}#${instances++}`;
    const normal = (shape: number[], std: number, label: string) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const data = new Float32Array(size);
      for (let i = 0; i < size; i++) data[i] = std * rng.normal();
      return tf.variable(tf.tensor(data, shape), true, `${prefix}/${label}`);
    };
    const fill = (shape: number[], value: number, label: string) =>
      tf.variable(tf.fill(shape, value), true, `${prefix}/${label}`);
    // GPT-2 init: N(0, 0.02), residual projections scaled by 1/√(2·layers).
    const resid = 0.02 / Math.sqrt(2 * layers);
    this.tokEmb = normal([vocabSize, d], 0.02, 'tok');
    this.posEmb = normal([context, d], 0.01, 'pos');
    for (let l = 0; l < layers; l++) {
      this.blocks.push({
        ln1g: fill([d], 1, `b${l}/ln1g`), ln1b: fill([d], 0, `b${l}/ln1b`),
        wqkv: normal([d, 3 * d], 0.02, `b${l}/wqkv`), bqkv: fill([3 * d], 0, `b${l}/bqkv`),
        wo: normal([d, d], resid, `b${l}/wo`), bo: fill([d], 0, `b${l}/bo`),
        ln2g: fill([d], 1, `b${l}/ln2g`), ln2b: fill([d], 0, `b${l}/ln2b`),
        w1: normal([d, mlpRatio * d], 0.02, `b${l}/w1`), b1: fill([mlpRatio * d], 0, `b${l}/b1`),
        w2: normal([mlpRatio * d, d], resid, `b${l}/w2`), b2: fill([d], 0, `b${l}/b2`),
      });
    }
    this.lnfG = fill([d], 1, 'lnfg');
    this.lnfB = fill([d], 0, 'lnfb');
    this.head = normal([d, vocabSize], 0.02, 'head');
    this.headB = fill([vocabSize], 0, 'headb');
  }

  variables(): tf.Variable[] {
    const out: tf.Variable[] = [this.tokEmb, this.posEmb];
    for (const b of this.blocks) out.push(b.ln1g, b.ln1b, b.wqkv, b.bqkv, b.wo, b.bo, b.ln2g, b.ln2b, b.w1, b.b1, b.w2, b.b2);
    out.push(this.lnfG, this.lnfB, this.head, this.headB);
    return out;
  }

  parameterCount(): number {
    return this.variables().reduce((s, v) => s + v.size, 0);
  }

  /**
   * tokens, positions: [B, T] int32; mask: additive [B, 1, T, Tpast + T]; past: per-layer keys and
   * values of earlier positions ([B, H, Tpast, Dh]) or null. Returns logits [B, T, V] and the
   * per-layer keys/values of past + these positions.
   */
  run(
    tokens: tf.Tensor2D,
    positions: tf.Tensor2D,
    mask: tf.Tensor4D | null,
    past: LayerKV[] | null,
  ): { logits: tf.Tensor3D; kv: LayerKV[] } {
    const [b, t] = tokens.shape;
    const d = this.config.dModel;
    const h = this.config.heads;
    const dh = this.headDim;
    const tok = gatherRows(this.tokEmb, tokens.reshape([b * t]) as tf.Tensor1D);
    const pos = gatherRows(this.posEmb, positions.reshape([b * t]) as tf.Tensor1D);
    let x = tf.add(tok, pos).reshape([b, t, d]) as tf.Tensor3D;
    const kv: LayerKV[] = [];
    this.blocks.forEach((blk, l) => {
      const a = layerNorm(x, blk.ln1g, blk.ln1b);
      // Slicing q, k, v out of the 2-D [B·T, 3D] projection: a 5-D slice here is ~50× slower on
      // wasm, fails to compile on WebGL, and its gradient (a 5-D pad) is wrong on tfjs-webgpu 4.22.
      const qkv = tf.add(matMul(a.reshape([b * t, d]) as tf.Tensor2D, blk.wqkv as tf.Tensor2D), blk.bqkv);
      const heads = (i: number) => tf.transpose(qkv.slice([0, i * d], [b * t, d]).reshape([b, t, h, dh]), [0, 2, 1, 3]) as tf.Tensor4D;
      const q = heads(0);
      let k = heads(1);
      let v = heads(2);
      if (past) {
        k = tf.concat([past[l].k, k], 2);
        v = tf.concat([past[l].v, v], 2);
      }
      kv.push({ k, v });
      let scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dh));
      if (mask) scores = tf.add(scores, mask);
      const att = tf.matMul(tf.softmax(scores), v); // [B, H, T, Dh]
      const merged = tf.transpose(att, [0, 2, 1, 3]).reshape([b * t, d]);
      x = tf.add(x, tf.add(matMul(merged as tf.Tensor2D, blk.wo as tf.Tensor2D), blk.bo).reshape([b, t, d]));
      const m = layerNorm(x, blk.ln2g, blk.ln2b).reshape([b * t, d]);
      const hidden = gelu(tf.add(matMul(m as tf.Tensor2D, blk.w1 as tf.Tensor2D), blk.b1));
      x = tf.add(x, tf.add(matMul(hidden as tf.Tensor2D, blk.w2 as tf.Tensor2D), blk.b2).reshape([b, t, d]));
    });
    const f = layerNorm(x, this.lnfG, this.lnfB).reshape([b * t, d]);
    const logits = tf.add(matMul(f as tf.Tensor2D, this.head as tf.Tensor2D), this.headB).reshape([b, t, this.vocabSize]) as tf.Tensor3D;
    return { logits, kv };
  }

  /** Plain causal forward over whole sequences [B, T] (positions 0..T−1). */
  forward(tokens: tf.Tensor2D): tf.Tensor3D {
    return tf.tidy(() => {
      const [b, t] = tokens.shape;
      const positions = tf.tile(tf.range(0, t, 1, 'int32').expandDims(0), [b, 1]) as tf.Tensor2D;
      const mask = tf.tensor4d(causalMask(t, 0), [1, 1, t, t]);
      return this.run(tokens, positions, mask, null).logits;
    });
  }

  dispose(): void {
    for (const v of this.variables()) v.dispose();
  }
}

/**
 * Rows of x picked by indices, as a one-hot matrix product. Same values as tf.gather, but its
 * gradient is a matmul: tf.gather's gradient (UnsortedSegmentSum) has no wasm kernel.
 */
export function gatherRows(x: tf.Tensor, indices: tf.Tensor1D): tf.Tensor {
  const rows = x.shape[0];
  const rest = x.shape.slice(1);
  // tf.oneHot needs a depth of at least 2: one row is a broadcast.
  if (rows === 1) return tf.tile(x, [indices.shape[0], ...rest.map(() => 1)]);
  const flat = x.reshape([rows, -1]);
  const picked = matMul(tf.oneHot(tf.cast(indices, 'int32'), rows).toFloat() as tf.Tensor2D, flat as tf.Tensor2D);
  return picked.reshape([indices.shape[0], ...rest]);
}

/** Additive causal mask for T queries after `past` earlier positions: [T × (past + T)]. */
export function causalMask(t: number, past: number): Float32Array {
  const width = past + t;
  const m = new Float32Array(t * width);
  for (let i = 0; i < t; i++) for (let j = past + i + 1; j < width; j++) m[i * width + j] = BLOCKED;
  return m;
}

function layerNorm(x: tf.Tensor3D, g: tf.Tensor, b: tf.Tensor): tf.Tensor3D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b) as tf.Tensor3D;
}

/** GELU, tanh approximation (GPT-2). */
function gelu(x: tf.Tensor): tf.Tensor {
  const c = Math.sqrt(2 / Math.PI);
  // x·x·x rather than pow(x, 3): tfjs-wasm's Pow is scalar and its gradient another Pow (~15% of
  // a training step's kernel time).
  const cube = tf.mul(tf.mul(x, x), x);
  return tf.mul(tf.mul(0.5, x), tf.add(1, tanh(tf.mul(c, tf.add(x, tf.mul(0.044715, cube))))));
}
