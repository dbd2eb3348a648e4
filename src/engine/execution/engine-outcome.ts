// How the engine ended in one transition: completed, failed, or still running; a loop without a wait state fails it.
import type { EventEmitter } from 'node:events';
import type { EngineInstance } from '../elements/create-engine.js';
import type { HistoryRecorder } from './history-recorder.js';

/** Steps one transition may take before we call it a loop without a wait state. */
const maxStepsPerTransition = 5000;

export class EngineOutcome {
  private outcome: { state: 'completed' } | { state: 'failed'; message: string } | null = null;

  constructor(engine: EngineInstance, listener: EventEmitter, recorder: HistoryRecorder) {
    engine.once('end', () => {
      this.outcome ??= { state: 'completed' };
    });
    engine.on('error', (err: Error) => {
      this.outcome = { state: 'failed', message: err.message };
    });
    listener.on('activity.enter', () => {
      if (recorder.steps > maxStepsPerTransition && !this.outcome) {
        this.outcome = { state: 'failed', message: 'Processen gick i en slinga utan att vänta på något och stoppades.' };
        void engine.stop();
      }
    });
  }

  get state(): 'running' | 'completed' | 'failed' {
    return this.outcome?.state ?? 'running';
  }

  /** The history entry of the case's end, when it ended in this transition. */
  record(recorder: HistoryRecorder): void {
    if (this.outcome?.state === 'failed') recorder.record('instance.failed', null, { message: this.outcome.message });
    if (this.outcome?.state === 'completed') recorder.record('instance.completed', null, null);
  }
}
