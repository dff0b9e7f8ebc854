import type { ModuleDef } from '../../../registry/module';
import { ngrpoAdvantage } from './ngrpo.module';
import { wReinforceAdvantage } from './w-reinforce.module';
import { bnpoAdvantage } from './bnpo.module';
import { spoAdvantage } from './spo.module';
import { dcpoSasAdvantage } from './dcpo-sas.module';
import { copoAdvantage } from './copo.module';
import { drpoAdvantage } from './drpo.module';

/** Modules of this family, in the order the stage's menu lists them. */
export const ADVANTAGE_VARIANTS: readonly ModuleDef<any, any>[] = [
  ngrpoAdvantage,
  wReinforceAdvantage,
  bnpoAdvantage,
  spoAdvantage,
  dcpoSasAdvantage,
  copoAdvantage,
  drpoAdvantage,
];
