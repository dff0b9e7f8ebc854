import * as tf from '@tensorflow/tfjs';

/**
 * Adam (Kingma & Ba 2015) with the learning rate passed per step, so schedules stay in the
 * trainer. Same arithmetic as torch.optim.Adam: p -= lr · m̂ / (√v̂ + ε).
 */
export class Adam {
  private readonly m: tf.Variable[];
  private readonly v: tf.Variable[];
  private t = 0;

  constructor(
    private readonly vars: tf.Variable[],
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly eps = 1e-8,
  ) {
    this.m = vars.map((x) => tf.variable(tf.zerosLike(x), false));
    this.v = vars.map((x) => tf.variable(tf.zerosLike(x), false));
  }

  step(grads: tf.Tensor[], lr: number): void {
    this.t += 1;
    const bc1 = 1 - Math.pow(this.beta1, this.t);
    const bc2 = 1 - Math.pow(this.beta2, this.t);
    tf.tidy(() => {
      grads.forEach((g, i) => {
        const m = this.m[i].mul(this.beta1).add(g.mul(1 - this.beta1));
        const v = this.v[i].mul(this.beta2).add(g.square().mul(1 - this.beta2));
        this.m[i].assign(m);
        this.v[i].assign(v);
        const update = m.div(bc1).div(v.div(bc2).sqrt().add(this.eps)).mul(lr);
        this.vars[i].assign(this.vars[i].sub(update));
      });
    });
  }

  dispose(): void {
    for (const x of [...this.m, ...this.v]) x.dispose();
  }
}
