import { statements as initial } from './001-initial';

/** Every migration in order; the position + 1 is the schema version it brings the database to. */
export const migrations: readonly (readonly string[])[] = [initial];
