import { useEffect, useRef } from 'react';
import { formatNumber } from '../format';
import { niceTicks, yRange } from './axis-ticks';
import type { BandPoint, Point } from './downsample';
import type { ChartSpec } from './chart-specs';

export interface LiveLine {
  colour: string;
  dashed: boolean;
  points: Point[];
}
export interface LiveBand {
  colour: string;
  points: BandPoint[];
}

const AXIS = '#c9ced6';
const GRID = '#eceef2';
const TICK = '#6b7280';
const LEFT = 52;
const BOTTOM = 22;
const TOP = 6;
const RIGHT = 12;

/**
 * The curves while runs train, drawn on a canvas: a redraw is a few hundred line segments, well
 * under a millisecond, where re-rendering a recharts chart costs tens (its store re-renders every
 * axis and line in a frame callback). Once no run trains the grid shows recharts again, with its
 * tooltips. Same axes rules: x = update, y from the spec's domain or the data.
 */
export function LiveCanvas({ spec, lines, bands }: { spec: ChartSpec; lines: LiveLine[]; bands: LiveBand[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const draws = useRef(0);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const draw = () => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (w === 0 || h === 0) return;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      drawChart(ctx, w, h, spec, lines, bands);
      draws.current += 1;
      // A counter the benchmark reads as this chart's refreshes.
      canvas.dataset.draws = String(draws.current);
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(canvas);
    return () => ro.disconnect();
  }, [spec, lines, bands]);

  return <canvas ref={canvasRef} className="live-chart" data-testid="live-chart" />;
}

function drawChart(ctx: CanvasRenderingContext2D, w: number, h: number, spec: ChartSpec, lines: LiveLine[], bands: LiveBand[]): void {
  let x0 = Infinity;
  let x1 = -Infinity;
  const ys: number[] = [];
  for (const l of lines) for (const p of l.points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    ys.push(p.y);
  }
  for (const b of bands) for (const p of b.points) {
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    ys.push(p.y[0], p.y[1]);
  }
  if (x0 === Infinity) return;
  if (x1 <= x0) x1 = x0 + 1;
  const [y0, y1] = yRange(ys, spec.yDomain);
  const pw = w - LEFT - RIGHT;
  const ph = h - TOP - BOTTOM;
  const sx = (x: number) => LEFT + ((x - x0) / (x1 - x0)) * pw;
  const sy = (y: number) => TOP + (1 - (Math.min(Math.max(y, y0), y1) - y0) / (y1 - y0)) * ph;

  ctx.font = '11px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.fillStyle = TICK;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of niceTicks(y0, y1, 4)) {
    const y = Math.round(sy(t)) + 0.5;
    ctx.strokeStyle = GRID;
    ctx.beginPath();
    ctx.moveTo(LEFT, y);
    ctx.lineTo(w - RIGHT, y);
    ctx.stroke();
    ctx.fillText(formatNumber(t), LEFT - 6, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of niceTicks(x0, x1, Math.max(2, Math.floor(pw / 70)))) {
    if (!Number.isInteger(t)) continue;
    ctx.fillText(formatNumber(t), sx(t), h - BOTTOM + 5);
  }
  ctx.strokeStyle = AXIS;
  ctx.beginPath();
  ctx.moveTo(LEFT + 0.5, TOP);
  ctx.lineTo(LEFT + 0.5, h - BOTTOM + 0.5);
  ctx.lineTo(w - RIGHT, h - BOTTOM + 0.5);
  ctx.stroke();

  for (const b of bands) {
    if (b.points.length < 2) continue;
    ctx.globalAlpha = 0.12;
    ctx.fillStyle = b.colour;
    ctx.beginPath();
    b.points.forEach((p, i) => (i ? ctx.lineTo(sx(p.x), sy(p.y[1])) : ctx.moveTo(sx(p.x), sy(p.y[1]))));
    for (let i = b.points.length - 1; i >= 0; i--) ctx.lineTo(sx(b.points[i].x), sy(b.points[i].y[0]));
    ctx.closePath();
    ctx.fill();
    ctx.globalAlpha = 1;
  }
  ctx.lineWidth = 1.6;
  ctx.lineJoin = 'round';
  for (const l of lines) {
    const pts = l.points.filter((p) => Number.isFinite(p.y));
    if (pts.length === 0) continue;
    if (pts.length === 1) {
      // A lone point (the first held-out evaluation) is a dot: a line needs two.
      ctx.fillStyle = l.colour;
      ctx.beginPath();
      ctx.arc(sx(pts[0].x), sy(pts[0].y), 2.5, 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    ctx.strokeStyle = l.colour;
    ctx.setLineDash(l.dashed ? [5, 3] : []);
    ctx.beginPath();
    pts.forEach((p, i) => (i ? ctx.lineTo(sx(p.x), sy(p.y)) : ctx.moveTo(sx(p.x), sy(p.y))));
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
