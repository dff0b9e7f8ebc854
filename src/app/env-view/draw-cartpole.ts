/**
 * Draws one CartPole-v1 frame the way Gymnasium's renderer does: the world is 2 × 2.4 m wide,
 * the pole is 2 × 0.5 m long, and θ > 0 leans the pole to the right.
 */
const X_THRESHOLD = 2.4;
const POLE_LENGTH = 1.0;
export const CARTPOLE_TAU = 0.02;

export interface CartPoleFrame {
  x: number;
  theta: number;
  /** Index of this frame in the episode, and the episode's frame count. */
  t: number;
  frames: number;
  ret: number;
  update: number;
}

export function drawCartPole(ctx: CanvasRenderingContext2D, w: number, h: number, f: CartPoleFrame, colour: string): void {
  const scale = w / (2 * X_THRESHOLD * 1.06);
  const cx = w / 2 + f.x * scale;
  const trackY = h * 0.78;
  const cartW = 0.5 * scale;
  const cartH = 0.3 * scale;
  const poleLen = POLE_LENGTH * scale;

  ctx.clearRect(0, 0, w, h);
  // Track, with the ±2.4 m limits beyond which the episode ends.
  ctx.strokeStyle = '#9aa3af';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, trackY);
  ctx.lineTo(w, trackY);
  ctx.stroke();
  ctx.strokeStyle = '#e5a3a3';
  ctx.setLineDash([4, 4]);
  for (const lim of [-X_THRESHOLD, X_THRESHOLD]) {
    const lx = w / 2 + lim * scale;
    ctx.beginPath();
    ctx.moveTo(lx, trackY - poleLen - cartH);
    ctx.lineTo(lx, trackY + 10);
    ctx.stroke();
  }
  ctx.setLineDash([]);

  // Cart.
  ctx.fillStyle = '#1f2937';
  ctx.fillRect(cx - cartW / 2, trackY - cartH / 2, cartW, cartH);
  // Pole, from the axle.
  const axleY = trackY - cartH / 4;
  ctx.strokeStyle = colour;
  ctx.lineWidth = Math.max(4, 0.1 * scale);
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(cx, axleY);
  ctx.lineTo(cx + poleLen * Math.sin(f.theta), axleY - poleLen * Math.cos(f.theta));
  ctx.stroke();
  ctx.fillStyle = '#c7cbd3';
  ctx.beginPath();
  ctx.arc(cx, axleY, Math.max(3, 0.05 * scale), 0, 2 * Math.PI);
  ctx.fill();

  ctx.fillStyle = '#374151';
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.fillText(`update ${f.update} · return ${Math.round(f.ret)}`, 8, 8);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = '#6b7280';
  ctx.fillText(`t = ${(f.t * CARTPOLE_TAU).toFixed(2)} s · step ${f.t} of ${f.frames - 1}`, 8, 24);
}
