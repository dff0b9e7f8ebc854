import type { PaperRef } from '../../../registry/module';

/** The papers of the advantage / normalisation family (algorithms-llm.md §2–6, 17, 18). */
export const VARIANT_PAPERS = {
  ngrpo: {
    short: 'NGRPO',
    title: 'NGRPO: Negative-enhanced Group Relative Policy Optimization',
    authors: 'Nan et al.',
    year: 2025,
    url: 'https://github.com/nangongrui-ngr/NGRPO',
  },
  psrNsr: {
    short: 'W-REINFORCE',
    title: 'The Surprising Effectiveness of Negative Reinforcement in LLM Reasoning',
    authors: 'Zhu et al.',
    year: 2025,
    url: 'https://github.com/TianHongZXY/RLVR-Decomposed',
  },
  bnpo: {
    short: 'BNPO',
    title: 'BNPO: Beta Normalization Policy Optimization',
    authors: 'Xiao et al.',
    year: 2025,
    url: 'https://github.com/changyi7231/BNPO',
  },
  spo: {
    short: 'SPO',
    title: 'Single-stream Policy Optimization',
    authors: 'Xu, Ding',
    year: 2025,
    url: 'https://github.com/volcengine/verl/tree/main/recipe/spo',
  },
  dcpo: {
    short: 'DCPO',
    title: 'DCPO: Dynamic Clipping Policy Optimization',
    authors: 'Yang et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.02333',
  },
  copo: {
    short: 'COPO',
    title: 'COPO: Consistency-Aware Policy Optimization',
    authors: 'Han et al.',
    year: 2025,
    url: 'https://github.com/hijih/copo-code',
  },
  drpo: {
    short: 'DRPO',
    title: 'DRPO: Efficient Reasoning via Decoupled Reward Policy Optimization',
    authors: 'Li et al.',
    year: 2025,
    url: 'https://github.com/Optimization-AI/DRPO',
  },
} satisfies Record<string, PaperRef>;
