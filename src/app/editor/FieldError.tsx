import type { ConfigError } from '../../engine/config/schema';

/** The validation messages of one field, in red under it. */
export function FieldError({ path, errors }: { path: string; errors: readonly ConfigError[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="field-error" data-testid={`error-${path}`} role="alert">
      {errors.map((e) => (e.path === path ? e.message : `${where(e.path.slice(path.length + 1))}: ${e.message}`)).join('; ')}
    </div>
  );
}

/** "2" → "item 3" (a list's entry); other sub-paths as they are. */
function where(subPath: string): string {
  return /^\d+$/.test(subPath) ? `item ${Number(subPath) + 1}` : subPath;
}
