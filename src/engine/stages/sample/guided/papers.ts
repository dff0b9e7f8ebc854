import type { PaperRef } from '../../../registry/module';

/** The papers of the guided family: demonstrations and hints on language tasks (algorithms-llm.md §20, §22, §23). */
export const GUIDED_PAPERS = {
  igpo: {
    short: 'IGPO',
    title: 'Inpainting-Guided Policy Optimization for Diffusion Large Language Models',
    authors: 'Zhao et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.10396',
  },
  hpt: {
    short: 'HPT',
    title: 'Towards a Unified View of Large Language Model Post-Training',
    authors: 'Lv et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.04419',
  },
  otr: {
    short: 'OTR',
    title: 'One-Token Rollout: Guiding Supervised Fine-Tuning of LLMs with Policy Gradient',
    authors: 'Ming et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2509.26313',
  },
} satisfies Record<string, PaperRef>;
