import * as tf from '@tensorflow/tfjs';
import { flattenTensors } from './flat';

/**
 * Adam (Kingma & Ba 2015) with the learning rate passed per step, so schedules stay in the
 * trainer. Same arithmetic as torch.optim.Adam: p -= lr · m̂ / (√v̂ + ε).
 *
 * The moments live in one flat vector over all parameters and the update runs on the flat
 * gradient: a handful of kernels per step whatever the number of parameter tensors (a small
 * control net's step is bound by kernel dispatch, not arithmetic).
 */
export class Adam {
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  private readonly sizes: number[];
  private t = 0;

  constructor(
    private readonly vars: tf.Variable[],
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.sizes = vars.map((x) => x.size);
    const total = this.sizes.reduce((a, b) => a + b, 0);
    this.m = tf.variable(tf.zeros([total]), false);
    this.v = tf.variable(tf.zeros([total]), false);
  }

  /** One step from per-parameter gradients (same order as the variables). */
  step(grads: tf.Tensor[], lr: number): void {
    tf.tidy(() => this.stepFlat(flattenTensors(grads), lr));
  }

  /** One step from the gradient of all parameters flattened in variable order. */
  stepFlat(grad: tf.Tensor1D, lr: number): void {
    this.t += 1;
    const bc1 = 1 - Math.pow(this.beta1, this.t);
    const bc2 = 1 - Math.pow(this.beta2, this.t);
    tf.tidy(() => {
      const m = tf.add(tf.mul(this.m, this.beta1), tf.mul(grad, 1 - this.beta1));
      const v = tf.add(tf.mul(this.v, this.beta2), tf.mul(tf.square(grad), 1 - this.beta2));
      this.m.assign(m);
      this.v.assign(v);
      const update = tf.mul(tf.div(tf.div(m, bc1), tf.add(tf.sqrt(tf.div(v, bc2)), this.eps)), lr);
      const parts = this.vars.length === 1 ? [update] : tf.split(update, this.sizes);
      this.vars.forEach((x, i) => x.assign(tf.sub(x, parts[i].reshape(x.shape))));
    });
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}
