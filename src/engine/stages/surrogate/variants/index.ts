import type { ModuleDef } from '../../../registry/module';

/** Modules of this family, in the order the stage's menu lists them. */
export const SURROGATE_VARIANTS: readonly ModuleDef<any, any>[] = [];
