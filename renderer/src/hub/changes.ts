import type { Topic } from '../../../contract/events';

/** More than the topics: which dossiers changed (with the 'dossiers' topic). */
export interface ChangeDetail {
  readonly dossierIds?: readonly string[];
}

type Listener = (topics: readonly Topic[] | 'all', detail?: ChangeDetail) => void;

/** Fan-out of "something changed" hints from the event stream to the views that show it. */
export class ChangeBus {
  private readonly listeners = new Set<Listener>();

  emit(topics: readonly Topic[] | 'all', detail?: ChangeDetail): void {
    for (const l of this.listeners) l(topics, detail);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
