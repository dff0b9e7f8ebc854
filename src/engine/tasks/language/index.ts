import { reverseTask } from './reverse.task';
import { sortTask } from './sort.task';
import { addTask } from './add.task';
import { parityTask } from './parity.task';
import { countTask } from './count.task';
import { palindromeTask } from './palindrome.task';
import { countdownTask } from './countdown.task';
import { calcTask } from './calc.task';

export type { LanguageExample, LanguageTaskSpec } from './language-task';
export { VOCAB, VOCAB_SIZE, PAD, BOS, EOS, SEP, encode, decode, tokenLabel, completionText } from './vocab';
export { reverseTask, sortTask, addTask, parityTask, countTask, palindromeTask, countdownTask, calcTask };

/** Every language task module, in the order the task menu lists them. */
export const LANGUAGE_TASKS = [
  reverseTask,
  sortTask,
  addTask,
  parityTask,
  countTask,
  palindromeTask,
  countdownTask,
  calcTask,
] as const;
