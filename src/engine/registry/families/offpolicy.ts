import type { Family } from './family';
import { remixSampler } from '../../stages/sample/offpolicy/remix.module';
import { alolOfflineSampler } from '../../stages/sample/offpolicy/alol-offline.module';
import { alolSurrogate } from '../../stages/surrogate/variants/offpolicy/alol.module';
import { klConvex } from '../../stages/regularise/variants/offpolicy/kl-convex.module';

/** Modules of the offpolicy family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = {
  sample: [remixSampler, alolOfflineSampler],
  surrogate: [alolSurrogate],
  regularise: [klConvex],
};
