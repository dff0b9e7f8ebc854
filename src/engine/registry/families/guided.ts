import type { Family } from './family';
import { igpoHintsSampler } from '../../stages/sample/guided/igpo-hints.module';
import { hptSampler } from '../../stages/sample/guided/hpt.module';
import { otrSampler } from '../../stages/sample/guided/otr.module';
import { igpoHintEntropy } from '../../stages/weight/modules/guided/igpo-hint-entropy.module';
import { gppoSft } from '../../stages/regularise/variants/guided/gppo-sft.module';

/** Modules of the guided family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = {
  sample: [igpoHintsSampler, hptSampler, otrSampler],
  weight: [igpoHintEntropy],
  regularise: [gppoSft],
};
