import type { Family } from './family';

/** Modules of the critics family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = {};
