import type { Lesson } from '../lesson';

/** Lessons of the papers family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [];
