/** How a token label is drawn on a chip. */
export interface TokenText {
  /** Text on the chip. */
  text: string;
  /** A special token (<eos>, <bos>, <sep>, <pad>): drawn as a tag, not as a character. */
  special: boolean;
  /** The end-of-sequence token, which closes a completion. */
  eos: boolean;
}

const SPECIAL = /^<([a-z]+)>$/;

/** `<eos>` → tag "eos"; " " → "␣" (a visible space); other characters as they are. */
export function tokenText(label: string): TokenText {
  const m = SPECIAL.exec(label);
  if (m) return { text: m[1], special: true, eos: m[1] === 'eos' };
  if (label === ' ') return { text: '␣', special: false, eos: false };
  return { text: label, special: false, eos: false };
}

/** Splits a prompt string back into token labels: "<bos>ab?<sep>" → ["<bos>", "a", "b", "?", "<sep>"]. */
export function splitPrompt(prompt: string): string[] {
  return prompt.match(/<[a-z]+>|[\s\S]/gu) ?? [];
}
