import type { ModuleDef } from '../../../registry/module';

/** Modules of this family, in the order the stage's menu lists them. */
export const WEIGHT_MODULES: readonly ModuleDef<any, any>[] = [];
