import { ChartGrid } from './charts/ChartGrid';
import { ConfigEditor } from './editor/ConfigEditor';
import { EnvView } from './env-view/EnvView';
import { LessonBanner } from './lessons/LessonBanner';
import { LessonGallery } from './lessons/LessonGallery';
import { LessonsButton } from './lessons/LessonsButton';
import { RunList } from './transport/RunList';
import { TransportStrip } from './transport/TransportStrip';

/** Transport and runs on top; config | charts | environment below (TensorFlow Playground's order). */
export function App() {
  return (
    <div className="app">
      <header className="top-bar">
        <h1>
          PG Lab <span className="tagline">policy gradients, live in your browser</span>
        </h1>
        <LessonsButton />
        <TransportStrip />
      </header>
      <RunList />
      <main className="columns">
        <aside className="left-panel" aria-label="Configuration">
          <ConfigEditor />
        </aside>
        <section className="centre-panel" aria-label="Charts">
          <LessonBanner />
          <ChartGrid />
        </section>
        <aside className="right-panel" aria-label="Environment">
          <EnvView />
        </aside>
      </main>
      <LessonGallery />
    </div>
  );
}
