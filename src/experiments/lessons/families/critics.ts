import type { Lesson } from '../lesson';

/** Lessons of the critics family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [];
