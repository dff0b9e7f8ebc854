import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../format';
import type { RolloutGroupSample } from '../store/run-types';
import { colourScale, INSPECTOR_MODES, signClass, signed, tokenValue, type ColourScale, type InspectorMode } from './colour-scales';
import { splitPrompt } from './token-text';
import { TokenChip } from './TokenChip';
import { TokenTooltip } from './TokenTooltip';
import './inspector.css';

interface ActiveToken {
  row: number;
  index: number;
  anchor: HTMLElement;
}

const MODE_HELP: Record<InspectorMode, string> = {
  advantage: 'The advantage each token was trained with: blue pushed up, red pushed down',
  entropy: "The policy's entropy where each token was sampled: how unsure it was",
  probability: 'The probability each token had when it was sampled',
};

function rewardText(r: number): string {
  return Number.isInteger(r) ? String(r) : r.toFixed(2);
}

/**
 * The rollout inspector of a language run: one prompt's group of completions from the latest
 * update, each token a chip coloured by its advantage, entropy or probability. Hovering or focusing
 * a token shows its numbers and the policy's top alternatives; the group on screen is held while
 * the pointer or focus is on it, so it does not change under the reader.
 */
export function RolloutInspector({ sample }: { sample: RolloutGroupSample | undefined }) {
  const [mode, setMode] = useState<InspectorMode>('advantage');
  const [held, setHeld] = useState<RolloutGroupSample | null>(null);
  const [active, setActive] = useState<ActiveToken | null>(null);
  const hovering = useRef(false);
  const tooltipId = useId();

  const shown = held ?? sample;
  const scale = useMemo(() => colourScale(mode, shown), [mode, shown]);

  const hold = useCallback(() => setHeld((h) => h ?? sample ?? null), [sample]);
  const release = useCallback(() => {
    setHeld(null);
    setActive(null);
  }, []);

  // A fixed popover would float away from its chip when the panel scrolls: close it instead.
  useEffect(() => {
    if (!active) return;
    const close = () => setActive(null);
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
    };
  }, [active]);

  const activeToken = active && shown ? shown.completions[active.row]?.tokens[active.index] : undefined;

  return (
    <section
      className="rollout-inspector"
      data-testid="rollout-inspector"
      data-mode={mode}
      data-tooltip-side="left"
      aria-label="Rollout inspector"
    >
      <div className="insp-head">
        <span className="insp-caption">colour tokens by</span>
        <div className="insp-modes" role="group" aria-label="Colour tokens by">
          {INSPECTOR_MODES.map((m) => (
            <button
              key={m}
              type="button"
              className={m === mode ? 'on' : undefined}
              aria-pressed={m === mode}
              title={MODE_HELP[m]}
              data-testid={`inspector-mode-${m}`}
              onClick={() => setMode(m)}
            >
              {m}
            </button>
          ))}
        </div>
      </div>

      {!shown && <p className="muted small">Waiting for the first group of completions…</p>}

      {shown && (
        <>
          <ScaleLegend scale={scale} />
          <div className="insp-prompt" data-testid="inspector-prompt">
            <span className="insp-caption">prompt</span>
            <span className="insp-tokens">
              {splitPrompt(shown.prompt).map((label, i) => (
                <TokenChip key={i} label={label} />
              ))}
            </span>
          </div>
          <div
            className="insp-group"
            onMouseEnter={() => {
              hovering.current = true;
              hold();
            }}
            onMouseLeave={() => {
              hovering.current = false;
              if (!document.activeElement || !(document.activeElement as HTMLElement).closest?.('.insp-group')) release();
            }}
            onFocus={hold}
            onBlur={(e) => {
              if (!hovering.current && !e.currentTarget.contains(e.relatedTarget as Node | null)) release();
            }}
          >
            <div className="insp-row insp-columns" aria-hidden>
              <span title="reward">r</span>
              <span title="advantage of the completion (its first token)">A</span>
              <span>completion</span>
            </div>
            <ol className="insp-completions">
              {shown.completions.map((c, row) => (
                <li className="insp-row" key={row} data-testid="inspector-completion" data-reward={c.reward} data-advantage={c.advantage}>
                  <span className="insp-reward" title={`reward ${c.reward}`}>
                    {rewardText(c.reward)}
                  </span>
                  <span className={`insp-adv signed ${signClass(c.advantage)}`} title={`advantage ${c.advantage}`}>
                    {signed(c.advantage)}
                  </span>
                  <span className="insp-tokens">
                    {c.tokens.map((t, index) => {
                      const isActive = active?.row === row && active.index === index;
                      return (
                        <TokenChip
                          key={index}
                          label={t.label}
                          colour={scale.chip(tokenValue(mode, t))}
                          active={isActive}
                          interactive
                          testId="inspector-token"
                          ariaLabel={`${t.label}: probability ${t.prob.toFixed(2)}, entropy ${t.entropy.toFixed(2)}, advantage ${signed(t.advantage)}`}
                          describedBy={isActive ? tooltipId : undefined}
                          onEnter={(anchor) => setActive({ row, index, anchor })}
                          onLeave={() => setActive((a) => (a?.row === row && a.index === index ? null : a))}
                        />
                      );
                    })}
                  </span>
                </li>
              ))}
            </ol>
          </div>
          <p className="insp-foot muted small">
            Update {shown.step} · {shown.completions.length} completions of one prompt
            {held && sample !== held ? ' · held while you look (a newer group is waiting)' : held ? ' · held while you look' : ''}
          </p>
        </>
      )}

      {active && activeToken && (
        <TokenTooltip id={tooltipId} token={activeToken} row={active.row + 1} position={active.index + 1} anchor={active.anchor} scale={scale} />
      )}
    </section>
  );
}

/** The colour scale of the current mode: a gradient bar with its ends and middle labelled. */
function ScaleLegend({ scale }: { scale: ColourScale }) {
  const [lo, hi] = scale.domain;
  const fmt = (v: number) => (scale.mode === 'advantage' && v !== 0 ? `${v > 0 ? '+' : '−'}${formatNumber(Math.abs(v))}` : formatNumber(v));
  return (
    <div className="insp-legend" data-testid="inspector-legend">
      <span className="insp-legend-bar" style={{ background: scale.gradient }} />
      <span className="insp-legend-ticks">
        <span>
          {fmt(lo)} <span className="muted">{scale.ends[0]}</span>
        </span>
        <span>{fmt((lo + hi) / 2)}</span>
        <span>
          <span className="muted">{scale.ends[1]}</span> {fmt(hi)}
          {scale.unit && <span className="muted"> {scale.unit}</span>}
        </span>
      </span>
    </div>
  );
}
