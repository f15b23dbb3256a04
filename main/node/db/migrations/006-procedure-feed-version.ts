import type { Migration } from '../migrate';

/**
 * The catalogue feed's version of each procedure version the central sent. The site numbers its
 * versions itself (it may have its own sample or admin versions of a code), so the central's
 * numbers cannot tell what was already applied; the feed version can: a page applied again
 * changes nothing, and a correction the central publishes later is applied. Empty for the
 * site's own versions.
 */
export const migration006: Migration = {
  version: 6,
  name: 'procedure-feed-version',
  up(db) {
    db.exec('ALTER TABLE procedure_versions ADD COLUMN feed_version INTEGER');
  },
};
