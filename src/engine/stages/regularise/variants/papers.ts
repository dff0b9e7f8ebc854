import type { PaperRef } from '../../../registry/module';

/** The papers of the entropy-control regularisers (algorithms-llm.md §10; grpo-libraries.md §1.7). */
export const REGULARISE_PAPERS = {
  aepo: {
    short: 'AEPO',
    title: 'Arbitrary Entropy Policy Optimization Breaks The Exploration Bottleneck of Reinforcement Learning',
    authors: 'Wang et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2510.08141',
  },
  skywork: {
    short: 'Skywork-OR1',
    title: 'Skywork Open Reasoner 1 Technical Report',
    authors: 'He et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2505.22312',
  },
} satisfies Record<string, PaperRef>;
