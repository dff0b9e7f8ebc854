import type { Lesson } from '../lesson';

/** Lessons of the tools family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [];
