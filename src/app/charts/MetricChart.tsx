import { memo, useMemo } from 'react';
import { LiveCanvas } from './LiveCanvas';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../format';
import type { MetricBuffer } from '../store/metric-buffer';
import { MAX_POINTS, bandPoints, seriesPoints, type BandPoint, type Point } from './downsample';
import type { ChartSpec } from './chart-specs';

/** What a chart needs of a run: `rows` changes when its buffer has grown (a redraw). */
export interface ChartRun {
  id: string;
  label: string;
  colour: string;
  rows: number;
}

interface DrawnSeries {
  run: ChartRun;
  key: string;
  name: string;
  dashed: boolean;
  points: Point[];
}

interface Props {
  spec: ChartSpec;
  runs: ChartRun[];
  metrics: Record<string, MetricBuffer>;
  /** Points per line at most. */
  maxPoints?: number;
  /** The open lesson's claim, when this chart shows its metric (the chart is marked). */
  claim?: string;
  /** Some run trains: draw on a canvas (cheap redraws) instead of recharts (tooltips). */
  live?: boolean;
}

const MARGIN = { top: 6, right: 12, bottom: 0, left: 0 };
const TICK = { fontSize: 11, fill: '#6b7280' };
const TOOLTIP_STYLE = { fontSize: 12, padding: '4px 8px' };
const X_DOMAIN: [string, string] = ['dataMin', 'dataMax'];
const AUTO_DOMAIN: [string, string] = ['auto', 'auto'];
const labelFormatter = (x: unknown) => `update ${String(x)}`;
const valueFormatter = (v: unknown) => (Array.isArray(v) ? v.map((n) => formatNumber(Number(n))).join(' – ') : formatNumber(Number(v)));

/**
 * One live chart: every run overlaid in its own colour, x = update. Memoised: it redraws only
 * when its props change (a run's rows, label or colour, the run list, or the lesson's claim).
 */
export const MetricChart = memo(function MetricChart({ spec, runs, metrics, maxPoints = MAX_POINTS, claim, live = false }: Props) {
  // The buffers are mutated in place; a run's `rows` changes when they grow, so `runs`
  // changing is what invalidates this memo (each line is downsampled once per refresh).
  const { series, bands } = useMemo(() => {
    const series: DrawnSeries[] = [];
    const bands: { run: ChartRun; points: BandPoint[] }[] = [];
    for (const run of runs) {
      const buf = metrics[run.id];
      if (!buf) continue;
      for (const s of spec.series) {
        series.push({ run, key: s.key, name: s.name, dashed: s.dashed ?? false, points: seriesPoints(buf, s.key, maxPoints) });
      }
      if (spec.band) bands.push({ run, points: bandPoints(buf, spec.band.low, spec.band.high, maxPoints) });
    }
    return { series, bands };
  }, [spec, runs, metrics, maxPoints]);

  const drawn = series.filter((s) => s.points.length > 0);
  const finite =
    drawn.every((s) => s.points.every((p) => Number.isFinite(p.y))) &&
    bands.every((b) => b.points.every((p) => Number.isFinite(p.y[0]) && Number.isFinite(p.y[1])));
  const summary = JSON.stringify(series.map((s) => ({ run: s.run.id, key: s.key, points: s.points.length })));
  const runsDrawn = runs.filter((r) => drawn.some((s) => s.run.id === r.id));
  const liveLines = useMemo(() => series.map((s) => ({ colour: s.run.colour, dashed: s.dashed, points: s.points })), [series]);
  const liveBands = useMemo(() => bands.map((b) => ({ colour: b.run.colour, points: b.points })), [bands]);

  return (
    <figure
      className={claim ? 'chart claim' : 'chart'}
      data-testid={`chart-${spec.id}`}
      data-claim={claim ? 'true' : undefined}
      data-keys={spec.series.map((s) => s.key).concat(spec.band ? [spec.band.low, spec.band.high] : []).join(' ')}
      data-series={summary}
      data-finite={String(finite)}
    >
      <figcaption>
        <span className="chart-heading">
          <span className="chart-title" title={spec.help}>
            {spec.title}
          </span>
          {claim && (
            <span className="claim-tag" data-testid="claim-tag" title={`The lesson's claim: ${claim}`}>
              claim
            </span>
          )}
        </span>
        {(spec.series.length > 1 || spec.band) && (
          <span className="style-legend">
            {spec.series.map((s) => (
              <span key={s.key} className={s.dashed ? 'dashed' : 'solid'}>
                {s.name}
              </span>
            ))}
            {spec.band && <span className="band">{spec.band.name}</span>}
          </span>
        )}
      </figcaption>
      <div className="chart-body">
        {drawn.length === 0 && (
          <div className="chart-empty">{runs.length ? 'not reported by these runs (yet)' : 'start a run to see this curve'}</div>
        )}
        {live ? (
          <LiveCanvas spec={spec} lines={liveLines} bands={liveBands} />
        ) : (
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={MARGIN}>
            <CartesianGrid stroke="#eceef2" vertical={false} />
            <XAxis
              dataKey="x"
              type="number"
              domain={X_DOMAIN}
              allowDuplicatedCategory={false}
              allowDecimals={false}
              tickFormatter={formatNumber}
              tick={TICK}
              stroke="#c9ced6"
              minTickGap={24}
            />
            <YAxis
              type="number"
              domain={spec.yDomain ?? AUTO_DOMAIN}
              tickFormatter={formatNumber}
              tick={TICK}
              stroke="#c9ced6"
              width={52}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={labelFormatter}
              formatter={valueFormatter}
              contentStyle={TOOLTIP_STYLE}
            />
            {bands.map((b) => (
              <Area
                key={`band-${b.run.id}`}
                data={b.points}
                dataKey="y"
                name={`${b.run.label} · ${spec.band?.name ?? ''}`}
                type="linear"
                stroke="none"
                fill={b.run.colour}
                fillOpacity={0.12}
                isAnimationActive={false}
                activeDot={false}
              />
            ))}
            {drawn.map((s) => (
              <Line
                key={`${s.run.id}-${s.key}`}
                data={s.points}
                dataKey="y"
                name={spec.series.length > 1 ? `${s.run.label} · ${s.name}` : s.run.label}
                type="linear"
                stroke={s.run.colour}
                strokeWidth={1.6}
                strokeDasharray={s.dashed ? '5 3' : undefined}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
        )}
      </div>
      <div className="run-legend">
        {runsDrawn.map((r) => (
          <span key={r.id} className="legend-item">
            <span className="swatch" style={{ background: r.colour }} />
            {r.label}
          </span>
        ))}
      </div>
    </figure>
  );
});
