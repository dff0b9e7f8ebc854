import type { PaperRef } from '../../../registry/module';

/** The papers of the tools family (algorithms-llm.md §21). */
export const TOOL_PAPERS = {
  simpleTir: {
    short: 'SimpleTIR',
    title: 'SimpleTIR: End-to-End Reinforcement Learning for Multi-Turn Tool-Integrated Reasoning',
    authors: 'Xue, Zheng et al.',
    year: 2025,
    url: 'https://github.com/ltzheng/SimpleTIR',
  },
} satisfies Record<string, PaperRef>;
