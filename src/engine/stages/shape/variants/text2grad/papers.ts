import type { PaperRef } from '../../../../registry/module';

/** Text2Grad (algorithms-llm.md §26.2): critiques turned into per-token rewards. */
export const TEXT2GRAD_PAPER: PaperRef = {
  short: 'Text2Grad',
  title: 'Text2Grad: Reinforcement Learning from Natural Language Feedback',
  authors: 'Wang et al.',
  year: 2025,
  url: 'https://arxiv.org/abs/2505.22338',
};
