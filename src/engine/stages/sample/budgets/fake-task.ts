import type { LanguageExample, LanguageTaskSpec } from '../../../tasks/language/language-task';

/** A language task of `distinct` numbered prompts, for picker tests that need no policy. */
export function fakeTask(distinct: number): LanguageTaskSpec {
  const example = (k: number): LanguageExample => ({ id: `fake:${k}`, prompt: [k], promptText: String(k), answerText: '' });
  return {
    kind: 'language',
    id: 'fake',
    description: 'numbered prompts',
    maxPromptLength: 1,
    maxCompletionLength: 1,
    sample: (rng) => example(rng.int(distinct)),
    evalSet: () => [],
    reward: () => 0,
    isCorrect: () => false,
    demonstration: () => [],
  };
}
