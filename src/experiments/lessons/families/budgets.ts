import type { Lesson } from '../lesson';

/** Lessons of the budgets family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [];
