import { create } from 'zustand';

interface LessonState {
  /** The gallery overlay is showing. */
  galleryOpen: boolean;
  /** The lesson whose banner is shown (its claim chart is highlighted), or null. */
  lessonId: string | null;
  openGallery(): void;
  closeGallery(): void;
  /** Shows a lesson's banner (and closes the gallery). */
  showLesson(id: string): void;
  /** Removes the banner; the runs stay. */
  closeLesson(): void;
}

export const useLessonStore = create<LessonState>()((set) => ({
  galleryOpen: false,
  lessonId: null,
  openGallery: () => set({ galleryOpen: true }),
  closeGallery: () => set({ galleryOpen: false }),
  showLesson: (id) => set({ lessonId: id, galleryOpen: false }),
  closeLesson: () => set({ lessonId: null }),
}));
