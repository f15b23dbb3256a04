import type { Migration } from '../migrate';

const OLD_KINDS = "CHECK (kind IN ('ticket', 'receipt', 'test'))";
const NEW_KINDS = "CHECK (kind IN ('ticket', 'receipt', 'test', 'checklist'))";

/**
 * A new kind of print job: the procedure checklist a citizen prints at the kiosk (issue 13).
 * SQLite cannot change a CHECK in place, so `print_jobs` is rebuilt from its own stored definition
 * with only that CHECK changed, with the same rows and indexes. The rows' `reprint_of` point into
 * the table being replaced, and foreign keys cannot be switched off inside the migrations'
 * transaction: dropping the old table would break them in the new one. So the links are set
 * aside, the rows copied without them, and the links put back once the new table has its name.
 */
export const migration014: Migration = {
  version: 14,
  name: 'checklist-print-jobs',
  up(db) {
    const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'print_jobs'`).pluck().get() as string;
    // Already rebuilt: a database set back to an earlier version runs the migrations again (a
    // restored backup, the tests of the earlier migrations), and each must change nothing twice.
    if (table.includes(NEW_KINDS)) return;
    if (!table.includes(OLD_KINDS)) throw new Error('print_jobs is not as migration 003 made it');
    const indexes = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'print_jobs' AND sql IS NOT NULL`).pluck().all() as string[];
    db.exec(`
      CREATE TEMP TABLE reprint_links AS SELECT id, reprint_of FROM print_jobs WHERE reprint_of IS NOT NULL;
      ${table.replace('CREATE TABLE print_jobs', 'CREATE TABLE print_jobs_new').replace(OLD_KINDS, NEW_KINDS)};
      INSERT INTO print_jobs_new SELECT * FROM print_jobs;
      UPDATE print_jobs_new SET reprint_of = NULL WHERE reprint_of IS NOT NULL;
      DROP TABLE print_jobs;
      ALTER TABLE print_jobs_new RENAME TO print_jobs;
      ${indexes.map((sql) => `${sql};`).join('\n')}
      UPDATE print_jobs SET reprint_of = (SELECT l.reprint_of FROM reprint_links l WHERE l.id = print_jobs.id) WHERE id IN (SELECT id FROM reprint_links);
      DROP TABLE reprint_links;
    `);
  },
};
