import { useEffect, useRef } from 'react';
import type { EpisodeSample } from '../store/run-types';
import { CARTPOLE_TAU, drawCartPole } from './draw-cartpole';

const FRAME_MS = CARTPOLE_TAU * 1000;
/** Frames the last state stays on screen before the next episode starts. */
const HOLD_FRAMES = 25;

/**
 * Replays the latest demo episode at real time (50 frames/s). An episode plays to its end before
 * the newest one (which arrives every ~1.5 s) takes over, so long episodes are seen whole.
 */
export function CartPoleCanvas({ sample, colour }: { sample: EpisodeSample; colour: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const latest = useRef(sample);

  useEffect(() => {
    latest.current = sample;
  }, [sample]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let episode = latest.current;
    let start = performance.now();
    let raf = 0;
    const loop = (now: number) => {
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      let frames = Math.floor(episode.states.length / episode.stateDim);
      let t = Math.floor((now - start) / FRAME_MS);
      if (t >= frames + HOLD_FRAMES) {
        episode = latest.current;
        frames = Math.floor(episode.states.length / episode.stateDim);
        start = now;
        t = 0;
      }
      const i = Math.min(t, frames - 1);
      const s = episode.states;
      const d = episode.stateDim;
      drawCartPole(ctx, w, h, { x: s[i * d], theta: s[i * d + 2], t: i, frames, ret: episode.return, update: episode.step }, colour);
      raf = requestAnimationFrame(loop);
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [colour]);

  return <canvas ref={canvasRef} className="cartpole-canvas" data-testid="cartpole-canvas" />;
}
