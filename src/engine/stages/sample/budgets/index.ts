import { knapsackSampler } from './knapsack.module';
import { vasSampler } from './vas.module';
import { curriculumSampler } from './curriculum.module';
import { spoSampler } from './spo-sampling.module';

/** The budgets family's samplers: which prompts a round draws and how many completions each gets. */
export const BUDGET_SAMPLERS = [knapsackSampler, vasSampler, curriculumSampler, spoSampler] as const;
