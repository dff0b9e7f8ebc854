import type { CheckpointSource } from '../engine/policy/checkpoint';

/** Base checkpoints served by the lab itself from public/models (never a hub or CDN). */
export const browserCheckpoints: CheckpointSource = async (taskId) => {
  const res = await fetch(`${import.meta.env.BASE_URL}models/${taskId}.json`);
  if (!res.ok) throw new Error(`no base checkpoint for "${taskId}" (HTTP ${res.status})`);
  return res.json();
};
