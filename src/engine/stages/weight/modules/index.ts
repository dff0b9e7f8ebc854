import type { ModuleDef } from '../../../registry/module';
import { empg } from './empg.module';
import { gtpoConflict } from './gtpo-conflict.module';
import { gtpoEntropyFilter } from './gtpo-entropy-filter.module';
import { d3sSample } from './d3s-sample.module';
import { d3sToken } from './d3s-token.module';
import { agenticAepoEntropy } from './agentic-aepo-entropy.module';
import { highEntropyMask } from './high-entropy-mask.module';

/** Modules of this family, in the order the stage's menu lists them. */
export const WEIGHT_MODULES: readonly ModuleDef<any, any>[] = [
  highEntropyMask,
  empg,
  agenticAepoEntropy,
  gtpoConflict,
  gtpoEntropyFilter,
  d3sSample,
  d3sToken,
];
