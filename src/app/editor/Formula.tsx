import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/**
 * A registry formula (TeX), typeset by the bundled KaTeX. Inline mode lets a long formula wrap
 * after its top-level relations (=, ≤) to fit the narrow panel.
 */
export function Formula({ tex }: { tex: string }) {
  // The TeX comes from the registry (our own source), never from user input.
  const html = useMemo(() => katex.renderToString(tex, { displayMode: false, throwOnError: false }), [tex]);
  return <div className="formula" data-testid="formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
