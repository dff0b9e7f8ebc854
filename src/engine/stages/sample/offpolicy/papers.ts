import type { PaperRef } from '../../../registry/module';

/** The papers of the offpolicy family (algorithms-llm.md §24 ReMix, §25 A-LoL). */
export const OFFPOLICY_PAPERS = {
  remix: {
    short: 'ReMix',
    title: 'Squeeze the Soaked Sponge: Efficient Off-policy Reinforcement Finetuning for Large Language Model',
    authors: 'Liang et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2507.06892',
  },
  alol: {
    short: 'A-LoL',
    title: 'Leftover Lunch: Advantage-based Offline Reinforcement Learning for Language Models',
    authors: 'Baheti, Lu, Brahman, Le Bras, Sap, Riedl',
    year: 2024,
    url: 'https://arxiv.org/abs/2305.14718',
  },
} satisfies Record<string, PaperRef>;
