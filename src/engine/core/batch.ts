/**
 * One sampled batch. A *step* is an action (or a token), a *sequence* an episode or a fragment
 * of one, a *group* the sequences that share a start state. Steps are stored sequence by
 * sequence, so sequence s covers steps [start, start + length).
 */
export interface Sequence {
  start: number;
  length: number;
  /** Sequences with the same group share a start state (GRPO); -1 when ungrouped. */
  group: number;
  /** Sum of the sequence's rewards: the episode return when the sequence is a whole episode. */
  reward: number;
  terminated: boolean;
  truncated: boolean;
  /** V(s) of the observation after the last step: for fragments cut by the batch, or truncations. */
  bootstrapValue: number;
  /**
   * An advantage the sampler fixed for every step of this sequence (a demonstration's SFT signal,
   * an offline example's R − V); the trainer puts it in place of the advantage stage's.
   */
  advantage?: number;
}

export interface Batch {
  n: number;
  obsDim: number;
  nActions: number;
  obs: Float32Array;
  actions: Int32Array;
  logpOld: Float32Array;
  entropy: Float32Array;
  rewards: Float32Array;
  /** Critic values at sampling time (null without a critic). */
  values: Float32Array | null;
  seqId: Int32Array;
  seqs: Sequence[];
  /** Returns and lengths of the episodes that ended while sampling this batch. */
  finishedEpisodes: { ret: number; len: number }[];
  envSteps: number;
  /** Sampling rounds this batch took (DAPO dynamic sampling draws more than one). */
  genRounds?: number;
  /** log π_ref of each sampled step, filled when an estimator puts the KL in the reward. */
  refLogp?: Float32Array;
  /** Language batches: the tokens each sequence was scored on. */
  lm?: LanguageBatchData;
  /**
   * Per-step loss mask (1 train, 0 skip): tool outputs, void trajectories. Masked steps leave the
   * policy loss and its aggregation denominators, as verl's response_mask does. Absent = all 1.
   */
  lossMask?: Float32Array;
  /** Per-step 1 where the token was forced (a hint, a demonstration, a tool output), 0 where sampled. */
  forced?: Uint8Array;
}

export interface LanguageBatchData {
  /** Prompt token ids of each sequence. */
  prompts: number[][];
  /** Sampled completion tokens, `steps` per sequence, <pad> after <eos>. */
  completions: Int32Array;
  steps: number;
  /** Which task example each sequence answers (for the rollout inspector). */
  exampleIds: string[];
  /** The canonical answer of each sequence's example, as tokens without <eos> (for token-level critics). */
  references?: number[][];
}

/** Advantage-stage output, per step. */
export interface Advantages {
  advantages: Float32Array;
  /** Value targets for the critic, where the estimator has one. */
  returns: Float32Array | null;
}
