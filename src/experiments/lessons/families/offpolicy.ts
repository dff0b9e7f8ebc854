import type { Lesson } from '../lesson';

/** Lessons of the offpolicy family, in the order the gallery lists them. */
export const LESSONS: Lesson[] = [];
