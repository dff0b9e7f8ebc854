import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';
import { orthogonalMatrix } from './orthogonal';
import { matMul, tanh } from './fast-ops';

export type Activation = 'tanh' | 'relu';

/** tfjs variable names are global to the engine; several runs in one process need distinct ones. */
let instances = 0;

/**
 * A multilayer perceptron written with tfjs ops (no layers API), so variables, init and the
 * forward pass are all visible. Init follows CleanRL: orthogonal weights with a gain per layer,
 * zero biases.
 */
export class Mlp {
  readonly weights: tf.Variable[];
  readonly biases: tf.Variable[];

  constructor(
    readonly sizes: number[],
    readonly activation: Activation,
    gains: number[],
    rng: Rng,
    name: string,
  ) {
    this.weights = [];
    this.biases = [];
    const prefix = `${name}#${instances++}`;
    for (let l = 0; l < sizes.length - 1; l++) {
      const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
      const w = orthogonalMatrix(fanIn, fanOut, gains[l], rng);
      this.weights.push(tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true, `${prefix}/w${l}`));
      this.biases.push(tf.variable(tf.zeros([fanOut]), true, `${prefix}/b${l}`));
    }
  }

  forward(x: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      let h: tf.Tensor2D = x;
      const last = this.weights.length - 1;
      for (let l = 0; l <= last; l++) {
        h = tf.add(matMul(h, this.weights[l] as tf.Tensor2D), this.biases[l]);
        if (l < last) h = this.activation === 'tanh' ? tanh(h) : tf.relu(h);
      }
      return h;
    });
  }

  variables(): tf.Variable[] {
    const out: tf.Variable[] = [];
    for (let l = 0; l < this.weights.length; l++) out.push(this.weights[l], this.biases[l]);
    return out;
  }

  /** Copies this network's values into other (same shapes), e.g. to refresh a reference. */
  copyTo(other: Mlp): void {
    const mine = this.variables();
    other.variables().forEach((v, i) => v.assign(mine[i]));
  }

  dispose(): void {
    for (const v of this.variables()) v.dispose();
  }
}
