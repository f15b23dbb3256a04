import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migration010 } from '../../../main/node/db/migrations/010-report-folds';
import { migration011 } from '../../../main/node/db/migrations/011-ticket-folds-after';
import { openDatabase } from '../../../main/node/db/open';
import type { Db } from '../../../main/node/db/open';
import { TicketFolds } from '../../../main/node/db/ticket-folds';

/**
 * Migration 010's folds are kept as events are written — the dossiers' by triggers, the tickets' in
 * batches after the events (migration 011, main/node/db/ticket-folds.ts) — and rebuilt from the logs
 * by the migrations. Whatever the order and mix of events — transfers, returns, redirects, a second
 * receipt after a supplement, scans before and after, extensions, a dossier's columns changed
 * before or after its first event — and wherever the batches happen to end, the folds kept equal
 * the ones rebuilt from the logs (010's queries are the reports' former reads of the logs themselves).
 */

const TICKET_TYPES = ['issued', 'called', 'recalled', 'started', 'finished', 'skipped', 'returned', 'cancelled', 'transferred', 'redirected'] as const;
const DOSSIER_TYPES = ['received', 'supplement_requested', 'supplement_received', 'refused', 'file_attached', 'resultReady', 'returned', 'rated'] as const;

const opArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('ticketEvent' as const), ticket: fc.nat(4), day: fc.nat(1), type: fc.constantFrom(...TICKET_TYPES), at: fc.nat(50),
      service: fc.nat(2), counter: fc.option(fc.nat(2)), staff: fc.option(fc.nat(2)), redirected: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('dossierEvent' as const), dossier: fc.nat(1), type: fc.constantFrom(...DOSSIER_TYPES), at: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extension' as const), dossier: fc.nat(1), at: fc.nat(50), previousDue: fc.nat(100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dossierChange' as const), dossier: fc.nat(1), due: fc.option(fc.nat(100)), channel: fc.constantFrom('direct', 'postal'), officer: fc.nat(2) }) },
  // The hub folds the tickets' events every second and before a report, whatever came since:
  // batches of one event up to many of one ticket's.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fold' as const), limit: fc.integer({ min: 1, max: 20 }) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

const HOUR = 3_600_000;
/** Instants spread over a few days, around Vietnam's midnight (the receipts are counted by day). */
const instant = (n: number) => Date.UTC(2026, 10, 30, 16) + n * HOUR - 20 * HOUR;

function apply(db: Db, ops: readonly Op[], id: () => string, lastBatch = 50) {
  const dossierIds = [0, 1].map((n) => `dossier-${n}`);
  for (const [n, dossierId] of dossierIds.entries()) {
    db.prepare(
      `INSERT INTO dossiers (id, request_id, status, procedure_version_id, applicant_kind, applicant_name, applicant_folded, id_number, address, phone, phone_digits,
         email, sets, channel, return_method, receiving_unit, officer_id, created_at, updated_at)
       VALUES (?, ?, 'received', ?, 'person', 'Nguyễn Văn A', 'nguyen van a', '001090000001', 'Thôn 1', '', '', '', 1, 'direct', 'desk', 'UBND xã', 'staff-0', 0, 0)`,
    ).run(dossierId, `request-${n}`, `version-${n % 2}`);
  }
  for (const op of ops) {
    switch (op.kind) {
      case 'ticketEvent':
        db.prepare('INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id, counter_id, staff_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          id(), `ticket-${op.ticket}`, op.type, instant(op.at), `2026-12-0${op.day + 1}`, `service-${op.service}`,
          op.counter === null ? null : `counter-${op.counter}`, op.staff === null ? null : `staff-${op.staff}`,
          JSON.stringify(op.type === 'issued' && op.redirected ? { redirectedFrom: 'ticket-9' } : {}),
        );
        break;
      case 'dossierEvent':
        db.prepare('INSERT INTO dossier_events (dossier_id, type, at, staff_id, data) VALUES (?, ?, ?, NULL, ?)').run(dossierIds[op.dossier]!, op.type, instant(op.at), '{}');
        break;
      case 'extension':
        db.prepare("INSERT INTO dossier_extensions (id, dossier_id, at, reason, previous_due, new_due, late, staff_id) VALUES (?, ?, ?, 'Cần xác minh', ?, ?, 0, 'staff-0')").run(
          id(), dossierIds[op.dossier]!, instant(op.at), instant(op.previousDue), instant(op.previousDue + 48),
        );
        break;
      case 'dossierChange':
        db.prepare('UPDATE dossiers SET due_at = ?, channel = ?, officer_id = ? WHERE id = ?').run(op.due === null ? null : instant(op.due), op.channel, `staff-${op.officer}`, dossierIds[op.dossier]!);
        break;
      case 'fold':
        new TicketFolds(db).foldNext(op.limit);
        break;
    }
  }
  // What is left, as a report would fold it before reading; bounded, so a fold that never ends fails rather than hangs.
  const tickets = new TicketFolds(db);
  for (let round = 0; tickets.pending(); round++) {
    if (round > ops.length) throw new Error('the ticket folds do not catch up');
    tickets.foldNext(lastBatch);
  }
}

const folds = (db: Db) => ({
  turns: db.prepare('SELECT * FROM report_ticket_turns ORDER BY service_date, ticket_id').all(),
  waits: db.prepare('SELECT * FROM report_ticket_waits ORDER BY event_id').all(),
  facts: db.prepare('SELECT * FROM report_dossier_facts ORDER BY dossier_id').all(),
});

describe("migration 010's folds of the logs", () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-folds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let run = 0;

  it('kept as the events come equal the folds rebuilt from the logs', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60, size: 'large' }), fc.integer({ min: 1, max: 60 }), (ops, lastBatch) => {
        const { db } = openDatabase(join(dir, `folds-${run++}.sqlite`), { backupDir: null });
        try {
          // The events name tickets, services, counters and staff this test does not create: only the folds are looked at.
          db.pragma('foreign_keys = OFF');
          let n = 0;
          apply(db, ops, () => `id-${n++}`, lastBatch);
          const kept = folds(db);
          migration010.up(db);
          migration011.up(db);
          expect(folds(db)).toEqual(kept);
        } finally {
          db.close();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('counts a ticket’s turn and its waits as the events came', () => {
    const { db } = openDatabase(join(dir, 'by-hand.sqlite'), { backupDir: null });
    try {
      db.pragma('foreign_keys = OFF');
      let n = 0;
      const ev = (type: (typeof TICKET_TYPES)[number], at: number, counter: number | null = null): Op => ({ kind: 'ticketEvent', ticket: 0, day: 0, type, at, service: 0, counter, staff: counter, redirected: false });
      apply(db, [ev('issued', 1), ev('called', 3, 1), ev('skipped', 4, 1), ev('returned', 6, 1), ev('called', 9, 2), ev('started', 10, 2), ev('finished', 12, 2)], () => `id-${n++}`);
      const { turns, waits } = folds(db);
      expect(turns).toEqual([expect.objectContaining({ issued_at: instant(1), first_called_at: instant(3), last_called_at: instant(9), started_at: instant(10), last_type: 'finished', last_at: instant(12), last_counter_id: 'counter-2', moved: 0 })]);
      // Waiting from the issue to the first call, and from being brought back to the second.
      expect(waits.map((w) => [(w as { from_at: number }).from_at, (w as { to_at: number }).to_at])).toEqual([[instant(1), instant(3)], [instant(6), instant(9)]]);
    } finally {
      db.close();
    }
  });
});
