import type { PaperRef } from '../../../registry/module';

/** SPARK (algorithms-llm.md §26.1): the policy trained as its own generative judge. */
export const SPARK_PAPER: PaperRef = {
  short: 'SPARK',
  title: 'SPARK: Synergistic Policy And Reward Co-Evolving Framework',
  authors: 'Liu, Zang et al.',
  year: 2025,
  url: 'https://arxiv.org/abs/2509.22624',
};
