/**
 * The one character-level vocabulary shared by every language task, so that a base checkpoint
 * and the policy's output layer have the same size whichever task they were made for.
 * Ids are fixed: appending a character later is safe, reordering would break saved checkpoints.
 */

export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
/** Ends the prompt: the model's completion starts right after it. */
export const SEP = 3;

const SPECIAL_TOKENS = ['<pad>', '<bos>', '<eos>', '<sep>'] as const;
const CHARACTERS = [
  ...'0123456789',
  ...'abcdefghijklmnopqrstuvwxyz',
  ...'+-*=(),?#>',
  ' ',
];

export const VOCAB: string[] = Object.freeze([...SPECIAL_TOKENS, ...CHARACTERS]) as string[];
export const VOCAB_SIZE = VOCAB.length;
/** Id of the first plain character ('0'); ids below it are special tokens. */
export const FIRST_CHAR_ID = SPECIAL_TOKENS.length;

const CHAR_TO_ID = new Map<string, number>(CHARACTERS.map((c, i) => [c, i + FIRST_CHAR_ID]));

/** Token ids of plain text; special tokens are never produced from text. */
export function encode(text: string): number[] {
  const ids: number[] = [];
  let position = 0;
  for (const ch of text) {
    const id = CHAR_TO_ID.get(ch);
    if (id === undefined) {
      const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw new Error(
        `encode: character ${JSON.stringify(ch)} (U+${code}) at position ${position} of ${JSON.stringify(text)} ` +
          `is not in the language-task vocabulary (digits, a-z, "+-*=(),?#>" and space)`,
      );
    }
    ids.push(id);
    position++;
  }
  return ids;
}

function checkId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id >= VOCAB_SIZE) {
    throw new Error(`decode: token id ${id} is outside the vocabulary (0..${VOCAB_SIZE - 1})`);
  }
}

/**
 * Text of a token sequence, for display: stops at the first <eos>, skips <pad>, <bos> and <sep>.
 * Verifiers must not use it (it would forgive stray special tokens): see completionText.
 */
export function decode(ids: ArrayLike<number>): string {
  let text = '';
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    checkId(id);
    if (id === EOS) break;
    if (id < FIRST_CHAR_ID) continue;
    text += VOCAB[id];
  }
  return text;
}

/** One token as the rollout inspector shows it: special tokens by name, characters as is. */
export function tokenLabel(id: number): string {
  checkId(id);
  return VOCAB[id];
}

/**
 * The answer a sampled completion states, or null when it is malformed: the text before the
 * first <eos>, provided there is an <eos> and nothing before it is a special token. A completion
 * cut off by the length limit therefore earns nothing, and hiding a <sep> or <bos> inside an
 * answer cannot make it count as correct.
 */
export function completionText(completion: ArrayLike<number>): string | null {
  let text = '';
  for (let i = 0; i < completion.length; i++) {
    const id = completion[i];
    if (id === EOS) return text;
    if (!Number.isInteger(id) || id < FIRST_CHAR_ID || id >= VOCAB_SIZE) return null;
    text += VOCAB[id];
  }
  return null;
}
