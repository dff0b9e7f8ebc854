import * as tf from '@tensorflow/tfjs';
import { gatherRows, type Transformer } from './transformer';
import { layoutPrompts, paddedCausalMask, positionsFor } from './batch-layout';

export type PrefixMode = 'plain' | 'shared-prefix';

/**
 * Logits that score completions: for Q prompts with G completions each (completions[q·G + g],
 * all of length S), returns [Q·G, S, V] where [:, s] predicts completion token s.
 *
 * 'plain' runs every (prompt + completion) row in full. 'shared-prefix' (Prefix Grouper, Liu et
 * al. 2025; algorithms-llm.md §19) encodes each prompt once and lets its G completions attend to
 * the prompt's keys and values: the same numbers and gradients with Q·P + Q·G·(S−1) positions
 * instead of Q·G·(P+S−1).
 */
export function completionLogits(
  model: Transformer,
  prompts: number[][],
  completions: Int32Array,
  groupSize: number,
  steps: number,
  padId: number,
  mode: PrefixMode,
): tf.Tensor3D {
  const layout = layoutPrompts(prompts, padId);
  const { rows: q, width: p } = layout;
  const g = groupSize;
  const s = steps;
  const n = q * g;
  const owner = Int32Array.from({ length: n }, (_, i) => Math.floor(i / g));
  const rowPads = Int32Array.from(owner, (o) => layout.pads[o]);
  const inputs = new Int32Array(n * (s - 1));
  for (let r = 0; r < n; r++) inputs.set(completions.subarray(r * s, r * s + s - 1), r * (s - 1));

  return tf.tidy(() => {
    if (mode === 'plain') {
      const t = p + s - 1;
      const full = new Int32Array(n * t);
      for (let r = 0; r < n; r++) {
        full.set(layout.tokens.subarray(owner[r] * p, owner[r] * p + p), r * t);
        full.set(inputs.subarray(r * (s - 1), (r + 1) * (s - 1)), r * t + p);
      }
      const { logits } = model.run(
        tf.tensor2d(full, [n, t], 'int32'),
        tf.tensor2d(positionsFor(rowPads, 0, t), [n, t], 'int32'),
        tf.tensor4d(paddedCausalMask(rowPads, 0, t), [n, 1, t, t]),
        null,
      );
      return logits.slice([0, p - 1, 0], [n, s, -1]) as tf.Tensor3D;
    }
    const prompt = model.run(
      tf.tensor2d(layout.tokens, [q, p], 'int32'),
      tf.tensor2d(positionsFor(layout.pads, 0, p), [q, p], 'int32'),
      tf.tensor4d(paddedCausalMask(layout.pads, 0, p), [q, 1, p, p]),
      null,
    );
    const ownerT = tf.tensor1d(owner, 'int32');
    const first = gatherRows(prompt.logits.slice([0, p - 1, 0], [q, 1, -1]), ownerT);
    if (s === 1) return first as tf.Tensor3D;
    const past = prompt.kv.map(({ k, v }) => ({ k: gatherRows(k, ownerT) as tf.Tensor4D, v: gatherRows(v, ownerT) as tf.Tensor4D }));
    const rest = model.run(
      tf.tensor2d(inputs, [n, s - 1], 'int32'),
      tf.tensor2d(positionsFor(rowPads, p, s - 1), [n, s - 1], 'int32'),
      tf.tensor4d(paddedCausalMask(rowPads, p, s - 1), [n, 1, s - 1, p + s - 1]),
      past,
    );
    return tf.concat([first, rest.logits], 1) as tf.Tensor3D;
  });
}
