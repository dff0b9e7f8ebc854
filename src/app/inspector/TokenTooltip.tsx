import { useLayoutEffect, useRef } from 'react';
import type { InspectedToken } from '../../workers/protocol';
import { signClass, signed, tokenValue, type ColourScale } from './colour-scales';
import { TokenChip } from './TokenChip';

const GAP = 6;
const MARGIN = 8;

interface TokenTooltipProps {
  id: string;
  token: InspectedToken;
  /** 1-based completion row and token position, for the heading. */
  row: number;
  position: number;
  anchor: HTMLElement;
  scale: ColourScale;
}

/**
 * The popover of one token: its sampling probability, entropy and advantage, and the current
 * policy's top alternatives at that position. Fixed-positioned (beside the inspector, else below or
 * above the chip), so showing it never moves the layout.
 */
export function TokenTooltip({ id, token, row, position, anchor, scale }: TokenTooltipProps) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const a = anchor.getBoundingClientRect();
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    // Beside the panel that holds the chip (left of it where there is room), so the rest of the
    // group stays readable; otherwise below the chip, or above it.
    const panel = (anchor.closest('[data-tooltip-side]') ?? anchor).getBoundingClientRect();
    let left: number;
    let top: number;
    if (panel.left - GAP - w >= MARGIN) {
      left = panel.left - GAP - w;
      top = Math.min(Math.max(MARGIN, a.top + a.height / 2 - h / 2), window.innerHeight - h - MARGIN);
    } else {
      left = Math.min(Math.max(MARGIN, a.left + a.width / 2 - w / 2), window.innerWidth - w - MARGIN);
      const below = a.bottom + GAP;
      top = below + h <= window.innerHeight - MARGIN ? below : Math.max(MARGIN, a.top - GAP - h);
    }
    el.style.left = `${Math.round(left)}px`;
    el.style.top = `${Math.round(top)}px`;
    el.style.visibility = 'visible';
  });

  const maxAlt = Math.max(1e-9, ...token.top.map((t) => t.prob));
  return (
    <div ref={ref} id={id} className="token-tooltip" role="tooltip" data-testid="inspector-tooltip" style={{ visibility: 'hidden' }}>
      <div className="tt-head">
        <TokenChip label={token.label} colour={scale.chip(tokenValue(scale.mode, token))} />
        <span className="muted">
          completion {row}, token {position}
        </span>
      </div>
      <dl className="tt-stats">
        <dt>probability</dt>
        <dd>{token.prob.toFixed(3)}</dd>
        <dt>entropy</dt>
        <dd>
          {token.entropy.toFixed(3)} <span className="muted">nats</span>
        </dd>
        <dt>advantage</dt>
        <dd className={`signed ${signClass(token.advantage)}`}>{signed(token.advantage, 3)}</dd>
      </dl>
      <div className="tt-alts-title">Top {token.top.length} now</div>
      <ol className="tt-alts">
        {token.top.map((alt, k) => (
          <li key={k} className={alt.label === token.label ? 'sampled' : undefined} data-testid="inspector-alternative">
            <TokenChip label={alt.label} />
            <span className="tt-bar-track">
              <span className="tt-bar" style={{ width: `${((100 * alt.prob) / maxAlt).toFixed(1)}%` }} />
            </span>
            <span className="tt-prob">{(100 * alt.prob).toFixed(alt.prob < 0.1 ? 1 : 0)}%</span>
          </li>
        ))}
      </ol>
      <p className="tt-note">Probability, entropy: when sampled. Top 5: the policy after this update.</p>
    </div>
  );
}
