import { useEffect } from 'react';
import { LESSONS } from '../../experiments/lessons/lessons';
import type { Lesson } from '../../experiments/lessons/lesson';
import { useDraftStore } from '../editor/draft-store';
import { useLabStore } from '../store/lab-store';
import { useLessonStore } from './lesson-store';
import { lessonKind, lessonSetup } from './lesson-text';
import { startLesson } from './start-lesson';

function LessonCard({ lesson, current }: { lesson: Lesson; current: boolean }) {
  const kind = lessonKind(lesson);
  return (
    <article className={`lesson-card${current ? ' current' : ''}`} data-testid="lesson-card" data-lesson={lesson.id}>
      <header className="lesson-card-head">
        <h3>{lesson.title}</h3>
        <span className={`lesson-kind ${kind.className}`} data-testid="lesson-kind" title={kind.help}>
          {kind.label}
        </span>
      </header>
      <div className="lesson-paper" title={`${lesson.paper.title} — ${lesson.paper.authors}`}>
        {lesson.paper.short} <span className="muted">· {lesson.paper.year}</span>
      </div>
      <p className="lesson-idea">{lesson.idea}</p>
      <div className="lesson-card-foot">
        <div className="lesson-runs">
          <span className="muted">{lesson.runs.length} runs:</span> {lesson.runs.map((r) => r.label).join(' · ')}
          <div className="muted small">{lessonSetup(lesson)}</div>
        </div>
        <button
          type="button"
          className="primary"
          data-testid="open-lesson"
          title={current ? 'This lesson is open: start its runs again' : `Start its ${lesson.runs.length} runs side by side`}
          onClick={() => startLesson(lesson)}
        >
          {current ? '↻ Open again' : '▶ Open lesson'}
        </button>
      </div>
    </article>
  );
}

/** Every lesson as a card; opening one starts all its runs side by side. */
export function LessonGallery() {
  const open = useLessonStore((s) => s.galleryOpen);
  const close = useLessonStore((s) => s.closeGallery);
  const current = useLessonStore((s) => s.lessonId);
  const runCount = useLabStore((s) => s.order.length);
  const backend = useDraftStore((s) => (typeof s.draft.backend === 'string' ? s.draft.backend : 'auto'));

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, close]);

  if (!open) return null;
  return (
    <div className="lesson-overlay" onClick={close}>
      <div
        className="lesson-gallery"
        data-testid="lesson-gallery"
        role="dialog"
        aria-modal="true"
        aria-labelledby="lesson-gallery-title"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="lesson-gallery-head">
          <div>
            <h2 id="lesson-gallery-title">Lessons</h2>
            <p className="muted">
              Each lesson opens two or more runs side by side on the same seed, with the idea, the formula and the claim to watch.
              Runs use the backend chosen in Run settings (<strong>{backend}</strong>)
              {runCount > 0 ? `; opening a lesson stops and removes the ${runCount} current run${runCount > 1 ? 's' : ''}.` : '.'}
            </p>
          </div>
          <button type="button" className="icon-button" data-testid="lessons-close" title="Close (Esc)" aria-label="Close the lessons" onClick={close} autoFocus>
            ×
          </button>
        </header>
        <div className="lesson-grid">
          {LESSONS.map((l) => (
            <LessonCard key={l.id} lesson={l} current={l.id === current} />
          ))}
        </div>
      </div>
    </div>
  );
}
