import { readFile } from 'node:fs/promises';
import type { CheckpointSource } from '../engine/policy/checkpoint';

/** Base checkpoints from the repository's public/models, as the lab serves them. */
export const nodeCheckpoints: CheckpointSource = async (taskId) => {
  const url = new URL(`../../public/models/${taskId}.json`, import.meta.url);
  try {
    return JSON.parse(await readFile(url, 'utf8'));
  } catch (e) {
    throw new Error(`no base checkpoint for "${taskId}" at public/models/${taskId}.json (run npm run pretrain)`, { cause: e });
  }
};
