import * as tf from '@tensorflow/tfjs';

/**
 * A short measured probe of a backend: a few 256×256 matmuls plus a chain of small ops (the
 * shape of this lab's work: tiny networks, many kernels), after a warm-up; milliseconds per round.
 */
export async function probeBackend(name: string, rounds = 5): Promise<number> {
  if (!(await tf.setBackend(name))) return Infinity;
  await tf.ready();
  const round = async () => {
    const out = tf.tidy(() => {
      const a = tf.ones([256, 256]);
      let x: tf.Tensor = tf.matMul(a, a);
      const small = tf.ones([16, 64]);
      let h: tf.Tensor = small;
      for (let i = 0; i < 20; i++) h = tf.tanh(tf.add(h, 0.01));
      x = tf.add(tf.sum(x), tf.sum(h));
      return x;
    });
    await out.data();
    out.dispose();
  };
  await round(); // warm-up: shader compilation, wasm start-up
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) await round();
  return (performance.now() - t0) / rounds;
}

/** The candidate with the smallest time (ties: the earlier one). */
export function fastest(times: { name: string; ms: number }[]): { name: string; ms: number } {
  return times.reduce((best, t) => (t.ms < best.ms ? t : best));
}
