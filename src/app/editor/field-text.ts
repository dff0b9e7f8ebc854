/**
 * Text typed into a field → the value put in the draft. Text that is not a number stays a
 * string, so validation reports "expected number" at that field instead of a silent default.
 */
export function parseNumberText(text: string, nullable: boolean): number | string | null {
  const t = text.trim();
  if (t === '') return nullable ? null : text;
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** "0.2, 0.5, 0.1" → [0.2, 0.5, 0.1]; an item that is not a number stays text (and is reported). */
export function parseNumberListText(text: string): (number | string)[] {
  if (text.trim() === '') return [];
  return text.split(',').map((item) => parseNumberText(item, false) ?? item);
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  return String(value);
}

export function sameValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}

/** "clipRatioLow" → "clip ratio low". */
export function humanise(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}
