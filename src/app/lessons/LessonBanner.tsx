import { findLesson } from '../../experiments/lessons/lessons';
import { Formula } from '../editor/Formula';
import { useLessonStore } from './lesson-store';
import { lessonKind } from './lesson-text';
import { startLesson } from './start-lesson';

/** The open lesson above the charts: idea, formula, paper, what to watch, the claim. */
export function LessonBanner() {
  const lessonId = useLessonStore((s) => s.lessonId);
  const close = useLessonStore((s) => s.closeLesson);
  const lesson = lessonId ? findLesson(lessonId) : undefined;
  if (!lesson) return null;
  const kind = lessonKind(lesson);
  const { paper } = lesson;
  return (
    <section className="lesson-banner" data-testid="lesson-banner" data-lesson={lesson.id} aria-label={`Lesson: ${lesson.title}`}>
      <header className="lesson-banner-head">
        <span className="lesson-kicker">Lesson</span>
        <h2>{lesson.title}</h2>
        <span className={`lesson-kind ${kind.className}`} title={kind.help}>
          {kind.label}
        </span>
        <span className="lesson-banner-actions">
          <button type="button" data-testid="lesson-restart" title="Remove the current runs and start this lesson's runs again" onClick={() => startLesson(lesson)}>
            ↻ Run again
          </button>
          <button type="button" className="icon-button" data-testid="lesson-close" title="Close the lesson (the runs stay)" aria-label="Close the lesson" onClick={close}>
            ×
          </button>
        </span>
      </header>
      <div className="lesson-banner-body">
        <div className="lesson-banner-text">
          <p className="lesson-idea">{lesson.idea}</p>
          <p className="lesson-watch">
            <strong>Watch:</strong> {lesson.watch}
          </p>
          <p className="lesson-claim" data-testid="lesson-claim">
            <strong>Claim</strong> <span className="muted">({lesson.claim.metric}, chart marked “claim”)</span>: {lesson.claim.text}
          </p>
          {lesson.note && (
            <p className="lesson-note" data-testid="lesson-note">
              <strong>Note:</strong> {lesson.note}
            </p>
          )}
        </div>
        <div className="lesson-banner-side">
          <Formula tex={lesson.formula} display />
          <p className="lesson-paper">
            {paper.url ? (
              <a href={paper.url} target="_blank" rel="noreferrer" data-testid="lesson-paper">
                {paper.title}
              </a>
            ) : (
              <span data-testid="lesson-paper">{paper.title}</span>
            )}
            <span className="muted">
              {' '}
              — {paper.authors}, {paper.year} ({paper.short})
            </span>
          </p>
        </div>
      </div>
    </section>
  );
}
