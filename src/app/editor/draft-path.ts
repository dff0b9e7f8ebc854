/** Reads and writes a value at a dotted path ("stages.regularise.0.params.coef") in plain data. */

export function getAt(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A copy of `root` with `value` at `path`; objects on the way are copied, the rest shared. */
export function setAt<T>(root: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.');
  const node: unknown = root;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(node)
    ? [...node]
    : { ...((node ?? {}) as Record<string, unknown>) };
  const current = (copy as Record<string, unknown>)[key];
  (copy as Record<string, unknown>)[key] = rest.length ? setAt(current, rest.join('.'), value) : value;
  return copy as T;
}
