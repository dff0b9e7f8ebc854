import type { PaperRef } from './module';

/** Papers that several modules cite, written once. */
export const PAPERS = {
  grpo: {
    short: 'GRPO',
    title: 'DeepSeekMath: Pushing the Limits of Mathematical Reasoning in Open Language Models',
    authors: 'Shao et al.',
    year: 2024,
    url: 'https://arxiv.org/abs/2402.03300',
  },
  dapo: {
    short: 'DAPO',
    title: 'DAPO: An Open-Source LLM Reinforcement Learning System at Scale',
    authors: 'Yu et al.',
    year: 2025,
    url: 'https://arxiv.org/abs/2503.14476',
  },
  ppo: {
    short: 'PPO',
    title: 'Proximal Policy Optimization Algorithms',
    authors: 'Schulman, Wolski, Dhariwal, Radford, Klimov',
    year: 2017,
    url: 'https://arxiv.org/abs/1707.06347',
  },
  reinforce: {
    short: 'REINFORCE',
    title: 'Simple statistical gradient-following algorithms for connectionist reinforcement learning',
    authors: 'Williams',
    year: 1992,
  },
} satisfies Record<string, PaperRef>;
