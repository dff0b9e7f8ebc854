import type { Family } from './family';
import { toolTurnsSampler } from '../../stages/sample/tools/tool-turns.module';
import { aepoBranchingSampler } from '../../stages/sample/tools/aepo-branching.module';

/** Modules of the tools family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = { sample: [toolTurnsSampler, aepoBranchingSampler] };
