import type { PaperRef } from '../../../registry/module';

/** The papers of the token-weight / selection family (algorithms-llm.md §11–14, the 80/20 mask). */
export const WEIGHT_PAPERS = {
  empg: {
    short: 'EMPG',
    title: 'Harnessing Uncertainty: Entropy-Modulated Policy Gradients for Long-Horizon LLM Agents',
    authors: 'Wang et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.09265',
  },
  gtpo: {
    short: 'GTPO',
    title: 'GTPO: Trajectory-Based Policy Optimization in Large Language Models',
    authors: 'Simoni, Fontana, Rossolini, Saracino',
    year: 2025,
    url: 'https://arxiv.org/abs/2508.03772',
  },
  d3s: {
    short: 'D³S',
    title: 'Learning More with Less: A Dynamic Dual-Level Down-Sampling Framework for Efficient Policy Optimization',
    authors: 'Wang et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.22115',
  },
  agenticAepo: {
    short: 'Agentic AEPO',
    title: 'Agentic Entropy-Balanced Policy Optimization',
    authors: 'Dong et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2510.14545',
  },
  highEntropy: {
    short: '80/20',
    title: 'Beyond the 80/20 Rule: High-Entropy Minority Tokens Drive Effective Reinforcement Learning for LLM Reasoning',
    authors: 'Wang et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2506.01939',
  },
} satisfies Record<string, PaperRef>;
