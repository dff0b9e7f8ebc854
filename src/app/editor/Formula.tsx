import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/**
 * A registry formula (TeX), typeset by the bundled KaTeX. Inline mode lets a long formula wrap
 * after its top-level relations (=, ≤) to fit the narrow panel; `display` sets fractions and sums
 * at full size (\displaystyle) while keeping that wrapping.
 */
export function Formula({ tex, display = false }: { tex: string; display?: boolean }) {
  // The TeX comes from the registry (our own source), never from user input.
  const html = useMemo(
    () => katex.renderToString(display ? `\\displaystyle ${tex}` : tex, { displayMode: false, throwOnError: false }),
    [tex, display],
  );
  return <div className="formula" data-testid="formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
