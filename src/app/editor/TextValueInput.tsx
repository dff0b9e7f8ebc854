import { useState } from 'react';
import { sameValue, valueText } from './field-text';

interface Props {
  path: string;
  /** DOM id and test id when the same field is drawn twice (path otherwise). */
  domId?: string;
  value: unknown;
  /** Text → draft value (a number, null, a list, or the text itself when it is not valid). */
  parse: (text: string) => unknown;
  onChange: (value: unknown) => void;
  invalid: boolean;
  placeholder?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
}

/**
 * A text box that keeps exactly what the user typed ("0." or "1e-") while the draft holds the
 * parsed value, and shows the draft's value again when it changes from outside (a preset).
 */
export function TextValueInput({ path, domId, value, parse, onChange, invalid, placeholder, inputMode }: Props) {
  const [text, setText] = useState(() => valueText(value));
  const [seen, setSeen] = useState(value);
  if (!sameValue(seen, value)) {
    setSeen(value);
    if (!sameValue(parse(text), value)) setText(valueText(value));
  }
  return (
    <input
      id={domId ?? path}
      type="text"
      inputMode={inputMode}
      spellCheck={false}
      autoComplete="off"
      className={invalid ? 'invalid' : undefined}
      aria-invalid={invalid}
      data-testid={`field-${domId ?? path}`}
      value={text}
      placeholder={placeholder}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}
