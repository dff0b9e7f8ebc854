import * as tf from '@tensorflow/tfjs';
import type { RegulariserInputs } from './regulariser';

/** Regulariser inputs for tests: zeros where a case does not set a field. */
export function regulariserInputs(x: Pick<RegulariserInputs, 'logp' | 'entropy' | 'aggWeights'> & Partial<RegulariserInputs>): RegulariserInputs {
  return {
    refLogp: null,
    logpOld: tf.zerosLike(x.logp),
    adv: tf.zerosLike(x.logp),
    reward: tf.zerosLike(x.logp),
    progress: 0,
    ...x,
  };
}
