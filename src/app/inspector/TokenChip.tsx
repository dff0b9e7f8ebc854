import { memo } from 'react';
import type { ChipColour } from './colour-scales';
import { tokenText } from './token-text';

interface TokenChipProps {
  label: string;
  /** Fill and text colour; none for the prompt's neutral chips. */
  colour?: ChipColour;
  active?: boolean;
  testId?: string;
  /** Interactive chips take focus and report hover/focus (completion tokens). */
  interactive?: boolean;
  ariaLabel?: string;
  describedBy?: string;
  onEnter?: (el: HTMLElement) => void;
  onLeave?: () => void;
}

/** One token as a small inline chip: a character, a visible space (␣), or a special-token tag. */
export const TokenChip = memo(function TokenChip({
  label,
  colour,
  active,
  testId,
  interactive,
  ariaLabel,
  describedBy,
  onEnter,
  onLeave,
}: TokenChipProps) {
  const t = tokenText(label);
  const cls = ['tok', t.special ? 'tok-special' : '', t.eos ? 'tok-eos' : '', colour ? '' : 'tok-plain', active ? 'active' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <span
      className={cls}
      style={colour}
      data-testid={testId}
      data-label={label}
      tabIndex={interactive ? 0 : undefined}
      aria-label={ariaLabel}
      aria-describedby={describedBy}
      onMouseEnter={interactive ? (e) => onEnter?.(e.currentTarget) : undefined}
      onMouseLeave={interactive ? onLeave : undefined}
      onFocus={interactive ? (e) => onEnter?.(e.currentTarget) : undefined}
      onBlur={interactive ? onLeave : undefined}
    >
      {t.text}
    </span>
  );
});
