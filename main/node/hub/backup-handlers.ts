import type { BackupService } from '../backup/backup-service';
import { actorOf } from '../db/audit-store';
import type { Handlers, HubDeps } from './context';

/** Backups and restores (main/node/backup/): admin only, each change audited. */
export function backupHandlers(deps: HubDeps, backups: BackupService) {
  return {
    'backups.list': () => backups.status(),
    'backups.settings': () => backups.settings(),

    'backups.create': async (_input, ctx) => {
      const created = await backups.create('manual');
      deps.storage.bestEffort('backup audit', () => deps.audit.record(actorOf(ctx.principal), 'backups.created', null, { id: created.local.id, second: created.second !== null }, ctx.now));
      return created;
    },

    'backups.saveSettings': async (input, ctx) => {
      const saved = await backups.saveSettings(input);
      await deps.writer.run(() => deps.audit.record(actorOf(ctx.principal), 'backups.settingsChanged', null, { ...saved, encryption: input.encryption.mode }, ctx.now));
      return saved;
    },

    'backups.restore': (input, ctx) =>
      // Recorded once the set is found, before the swap, in the database that is kept aside: who
      // restored what, and when. A request for a set that is not there is refused with no trace.
      backups.restore(input, () => deps.writer.run(() => deps.audit.record(actorOf(ctx.principal), 'backups.restoreRequested', null, { id: input.id, location: input.location }, ctx.now))),
  } satisfies Partial<Handlers>;
}
