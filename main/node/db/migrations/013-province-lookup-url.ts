import type { Migration } from '../migrate';

/**
 * The province's public status page for the receipts' QR (contract/printing.ts
 * `provinceLookupUrl`, issue 13): none until the admin enters the address the province gives.
 */
export const migration013: Migration = {
  version: 13,
  name: 'province-lookup-url',
  up(db) {
    db.prepare(`UPDATE settings SET value = json_set(value, '$.printing.provinceLookupUrl', json('null')) WHERE key = 'site' AND json_type(value, '$.printing.provinceLookupUrl') IS NULL`).run();
  },
};
