import type { Migration } from '../migrate';
import { migration001 } from './001-queue';

/** Every migration in order; a new one is a new numbered file added at the end, never an edit. */
export const migrations: readonly Migration[] = [migration001];
