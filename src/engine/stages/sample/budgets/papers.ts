import type { PaperRef } from '../../../registry/module';
import { VARIANT_PAPERS } from '../../advantage/variants/papers';

/** Papers of the budgets family: prompt sampling and rollout budgets (algorithms-llm.md §5, §15, §16, §27). */
export const BUDGET_PAPERS = {
  knapsack: {
    short: 'Knapsack RL',
    title: 'Knapsack RL: Unlocking Exploration of LLMs via Optimizing Budget Allocation',
    authors: 'Li et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.25849',
  },
  mmr1: {
    short: 'MMR1 VAS',
    title: 'MMR1: Enhancing Multimodal Reasoning with Variance-Aware Sampling and Open Resources',
    authors: 'Leng et al.',
    year: 2025,
    url: 'https://github.com/LengSicong/MMR1',
  },
  craftGui: {
    short: 'CRAFT-GUI',
    title: 'CRAFT-GUI: Curriculum-Reinforced Agent For GUI Tasks',
    authors: 'Nong et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2508.11360',
  },
  spo: VARIANT_PAPERS.spo,
} satisfies Record<string, PaperRef>;
