import type { Topic } from '../../../contract/events';

/** Fan-out of "something changed" hints from the event stream to the views that show it. */
export class ChangeBus {
  private readonly listeners = new Set<(topics: readonly Topic[] | 'all') => void>();

  emit(topics: readonly Topic[] | 'all'): void {
    for (const l of this.listeners) l(topics);
  }

  on(listener: (topics: readonly Topic[] | 'all') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
