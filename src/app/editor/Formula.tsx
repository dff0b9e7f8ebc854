import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

/** A registry formula (TeX), typeset by the bundled KaTeX. */
export function Formula({ tex }: { tex: string }) {
  // The TeX comes from the registry (our own source), never from user input.
  const html = useMemo(() => katex.renderToString(tex, { displayMode: true, throwOnError: false }), [tex]);
  return <div className="formula" dangerouslySetInnerHTML={{ __html: html }} />;
}
