import type { ModuleDef } from '../../../registry/module';
import { dropAllCorrectGroups } from './drop-all-correct-groups.module';
import { keepMixedGroups } from './keep-mixed-groups.module';
import { psrNsrSubset } from './psr-nsr-subset.module';

/** Modules of this family, in the order the stage's menu lists them. */
export const SELECT_VARIANTS: readonly ModuleDef<any, any>[] = [dropAllCorrectGroups, psrNsrSubset, keepMixedGroups];
