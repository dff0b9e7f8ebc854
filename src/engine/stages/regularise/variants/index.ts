import type { ModuleDef } from '../../../registry/module';
import { adaptiveEntropy } from './adaptive-entropy.module';
import { aepoTemperature } from './aepo-temperature.module';

/** Modules of this family, in the order the stage's menu lists them. */
export const REGULARISE_VARIANTS: readonly ModuleDef<any, any>[] = [adaptiveEntropy, aepoTemperature];
