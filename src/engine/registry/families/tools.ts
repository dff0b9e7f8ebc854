import type { Family } from './family';
import { toolTurnsSampler } from '../../stages/sample/tools/tool-turns.module';

/** Modules of the tools family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = { sample: [toolTurnsSampler] };
