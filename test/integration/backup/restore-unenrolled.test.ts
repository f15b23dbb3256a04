import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTORED_FROM_KEY, type RestoreRecord } from '../../../contract/restore';
import { OFFLINE_MARGIN } from '../../../main/core/restore-recovery';
import { damageHeader, issuedIn, restoredUnenrolledSite, trailingNumber } from '../../support/restored-site';

/**
 * A hub with no central restored from its own backup: nothing can be fetched back and no sync
 * worker runs, so before its first number the hub settles the restore itself — the day's
 * sequences move past the margin and past everything the database the restore kept aside handed
 * out after the copy. Numbers and codes are never handed out twice.
 */
describe('a restore on a hub not enrolled with a central', () => {
  it('hands out the next number and code past everything the replaced database issued', async () => {
    // More numbers than the margin after the copy: only reading the database kept aside gets past them.
    const { hub, work, lost } = await restoredUnenrolledSite(OFFLINE_MARGIN.ticketNumbers + 5, 3);
    try {
      const ticket = (await work.issue()).ticket;
      const dossier = await work.receive('Sau khôi phục');
      const maxLostTicket = Math.max(...[...lost.tickets].map(trailingNumber));
      expect(trailingNumber(ticket.displayCode)).toBe(maxLostTicket + 1);
      expect(trailingNumber(dossier.code!)).toBeGreaterThan(Math.max(...[...lost.codes].map(trailingNumber)));

      // Nothing the replaced database handed out after the copy is in the restored one now.
      const now = issuedIn(join(hub.dataDir, 'motcua.sqlite'));
      expect([...now.tickets].filter((t) => lost.tickets.has(t))).toEqual([]);
      expect([...now.codes].filter((c) => lost.codes.has(c))).toEqual([]);
      expect(hub.running.hub.deps.site.get<RestoreRecord>(RESTORED_FROM_KEY)!.recoveredAt).not.toBeNull();
      const { recovery } = await work.officer['sync.status']({});
      expect(recovery).toMatchObject({ pending: false, noticedBy: 'restore', missing: [], settledLocally: true });
      expect(recovery!.doneAt).not.toBeNull();

      // Settled once: after a restart the numbers go on from there.
      await hub.restart();
      await work.relogin();
      expect(trailingNumber((await work.issue()).ticket.displayCode)).toBe(maxLostTicket + 2);
    } finally {
      await hub.close();
    }
  });

  it('tells staff when the database kept aside cannot be read, and moves the sequences forward by the margin', async () => {
    const { hub, work, kept, lost } = await restoredUnenrolledSite(5, 2);
    try {
      const restoredLast = Math.max(...[...issuedIn(join(hub.dataDir, 'motcua.sqlite')).tickets].map(trailingNumber));
      damageHeader(kept);
      const ticket = (await work.issue()).ticket;
      const dossier = await work.receive('Sau khôi phục');
      expect(trailingNumber(ticket.displayCode)).toBe(restoredLast + OFFLINE_MARGIN.ticketNumbers + 1);
      expect(trailingNumber(dossier.code!)).toBeGreaterThan(Math.max(...[...lost.codes].map(trailingNumber)));
      const { recovery } = await work.officer['sync.status']({});
      expect(recovery).toMatchObject({ pending: false, noticedBy: 'restore', settledLocally: true });
      expect(recovery!.missing).toHaveLength(1);
      expect(recovery!.missing[0]).toMatch(/^Không đọc được cơ sở dữ liệu cũ đã cất riêng khi khôi phục/);
    } finally {
      await hub.close();
    }
  });
});
