import type { Family } from './family';

/** Modules of the budgets family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = {};
