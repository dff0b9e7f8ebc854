import type { PaperRef } from '../../../registry/module';

/** Papers cited by the surrogate variants (algorithms-llm.md §2, §6–§9; grpo-libraries.md §1.4). */
export const SURROGATE_PAPERS = {
  ngrpo: {
    short: 'NGRPO',
    title: 'NGRPO: Negative-enhanced Group Relative Policy Optimization',
    authors: 'Nan et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.18851',
  },
  dcpo: {
    short: 'DCPO',
    title: 'DCPO: Dynamic Clipping Policy Optimization',
    authors: 'Yang et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.02333',
  },
  gppo: {
    short: 'GPPO',
    title: 'Klear-Reasoner: Advancing Reasoning Capability via Gradient-Preserving Clipping Policy Optimization',
    authors: 'Su et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2508.07629',
  },
  bapo: {
    short: 'BAPO',
    title: 'BAPO: Stabilizing Off-Policy Reinforcement Learning for LLMs via Balanced Policy Optimization with Adaptive Clipping',
    authors: 'Xi et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2510.18927',
  },
  entropyMechanism: {
    short: 'Clip-Cov / KL-Cov',
    title: 'The Entropy Mechanism of Reinforcement Learning for Reasoning Language Models',
    authors: 'Cui et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2505.22617',
  },
  gspo: {
    short: 'GSPO',
    title: 'Group Sequence Policy Optimization',
    authors: 'Zheng et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2507.18071',
  },
  cispo: {
    short: 'CISPO',
    title: 'MiniMax-M1: Scaling Test-Time Compute Efficiently with Lightning Attention',
    authors: 'MiniMax',
    year: 2025,
    url: 'https://arxiv.org/abs/2506.13585',
  },
  sapo: {
    short: 'SAPO',
    title: 'Soft Adaptive Policy Optimization',
    authors: 'Gao et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2511.20347',
  },
} satisfies Record<string, PaperRef>;
