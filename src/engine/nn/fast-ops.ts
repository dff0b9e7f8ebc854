import * as tf from '@tensorflow/tfjs';

/*
 * Kernel choices for tfjs-backend-wasm 4.22, measured in Node on this project's machines:
 * BatchMatMul with a transpose flag runs 5–6× slower than an explicit Transpose followed by a
 * plain BatchMatMul, and Tanh (scalar std::tanh) about 10× slower than the vectorised Sigmoid.
 * tfjs's own matMul gradient uses the transpose flags, so every backward pass paid for it.
 * These ops give the same values (to float rounding) with the fast kernels; `npm run bench`
 * (matmul and update figures) shows the effect.
 */

function swapLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return tf.transpose(x, perm);
}

/** a·bᵀ over the last two dims, with bᵀ made explicitly (the flag path is slow on wasm). */
export function matMulBT<T extends tf.Tensor>(a: T, b: T): T {
  return matMul(a, swapLast(b) as T);
}

/**
 * a·b (rank 2, or batched with equal batch dims) whose gradient is computed with explicit
 * transposes: da = dy·bᵀ, db = aᵀ·dy.
 */
export function matMul<T extends tf.Tensor>(a: T, b: T): T {
  return matMulWithGrad(a, b) as T;
}

const matMulWithGrad = tf.customGrad(((a: tf.Tensor, b: tf.Tensor, save: tf.GradSaveFunc) => {
  save([a, b]);
  return {
    value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved;
      return [tf.matMul(dy as tf.Tensor2D, swapLast(sb) as tf.Tensor2D), tf.matMul(swapLast(sa) as tf.Tensor2D, dy as tf.Tensor2D)];
    },
  };
}) as unknown as Parameters<typeof tf.customGrad>[0]);

/** tanh(x) = 2σ(2x) − 1 on the vectorised sigmoid kernel, with the gradient dy·(1 − y²). */
export function tanh<T extends tf.Tensor>(x: T): T {
  return tanhWithGrad(x) as T;
}

const tanhWithGrad = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
  const y = tf.sub(tf.mul(tf.sigmoid(tf.mul(x, 2)), 2), 1);
  save([y]);
  return { value: y, gradFunc: (dy: tf.Tensor, [sy]: tf.Tensor[]) => tf.mul(dy, tf.sub(1, tf.square(sy))) };
}) as unknown as Parameters<typeof tf.customGrad>[0]);
