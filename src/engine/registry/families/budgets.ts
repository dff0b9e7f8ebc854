import type { Family } from './family';
import { BUDGET_SAMPLERS } from '../../stages/sample/budgets';

/** Modules of the budgets family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = { sample: BUDGET_SAMPLERS };
