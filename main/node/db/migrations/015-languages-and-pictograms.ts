import type { Migration } from '../migrate';
import { addColumn } from './add-column';

/** The usual codes of the setup wizard's services and priority groups, and their pictograms. */
const SERVICE_ICONS: Readonly<Record<string, string>> = { HT: 'civil_status', CT: 'certification', DD: 'land', KD: 'business' };
const PRIORITY_ICONS: Readonly<Record<string, string>> = { NCT: 'elderly', NKT: 'disabled', PNMT: 'pregnant', CON36: 'child', NCC: 'merit' };

/**
 * Languages and pictograms (issue 13, item 4). A ticket keeps the language it was taken in (its
 * paper, its page, the TV's line and the rating tablet speak it), and so does each call of it;
 * tickets and calls from before were all Vietnamese. The language is checked by the contract,
 * not by a CHECK: a site adding a language must not need a migration. Services and priority
 * groups get a pictogram key; the wizard's usual ones get theirs, the rest the generic sign.
 */
export const migration015: Migration = {
  version: 15,
  name: 'languages-and-pictograms',
  up(db) {
    addColumn(db, 'tickets', 'language', `TEXT NOT NULL DEFAULT 'vi'`);
    addColumn(db, 'calls', 'language', `TEXT NOT NULL DEFAULT 'vi'`);
    addColumn(db, 'services', 'icon', `TEXT NOT NULL DEFAULT 'generic'`);
    addColumn(db, 'priority_classes', 'icon', `TEXT NOT NULL DEFAULT 'generic'`);
    const service = db.prepare(`UPDATE services SET icon = ? WHERE code = ? AND icon = 'generic'`);
    for (const [code, icon] of Object.entries(SERVICE_ICONS)) service.run(icon, code);
    const priority = db.prepare(`UPDATE priority_classes SET icon = ? WHERE code = ? AND icon = 'generic'`);
    for (const [code, icon] of Object.entries(PRIORITY_ICONS)) priority.run(icon, code);
  },
};
