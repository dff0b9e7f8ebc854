import { LESSONS } from '../../experiments/lessons/lessons';
import { useLessonStore } from './lesson-store';

/** The header's way into the lesson gallery. */
export function LessonsButton() {
  const open = useLessonStore((s) => s.galleryOpen);
  const openGallery = useLessonStore((s) => s.openGallery);
  const closeGallery = useLessonStore((s) => s.closeGallery);
  return (
    <button
      type="button"
      className={`lessons-button${open ? ' on' : ''}`}
      data-testid="lessons-button"
      aria-haspopup="dialog"
      aria-expanded={open}
      title="Lessons: papers' ideas as runs side by side"
      onClick={open ? closeGallery : openGallery}
    >
      Lessons <span className="count">{LESSONS.length}</span>
    </button>
  );
}
