import type { Family } from './family';
import { sparkSampler } from '../../stages/sample/spark/spark.module';
import { text2gradShaper } from '../../stages/shape/variants/text2grad/text2grad.module';

/** Modules of the critics family, by stage, in the order each stage's menu lists them. */
export const FAMILY: Family = {
  sample: [sparkSampler],
  shape: [text2gradShaper],
};
