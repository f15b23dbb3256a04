import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/node/db/open';
import { uuidv7 } from '../../../main/node/db/uuidv7';

/** The invariants queue systems got wrong (Novo SGA #213, #214) hold in the database itself. */
describe('database constraints', () => {
  function setup() {
    const { db } = openDatabase(':memory:');
    const seq = uuidv7();
    const svc = uuidv7();
    const c1 = uuidv7();
    const c2 = uuidv7();
    const s1 = uuidv7();
    const s2 = uuidv7();
    db.prepare("INSERT INTO number_sequences VALUES (?, 'A', 1, 999, 1, 3)").run(seq);
    db.prepare("INSERT INTO services (id, code, name, prefix, sequence_id, priority_mode, default_service_minutes) VALUES (?, 'HT', 'Hộ tịch', 'A', ?, 'both', 10)").run(svc, seq);
    for (const [id, n] of [[c1, 1], [c2, 2]] as const) db.prepare("INSERT INTO counters VALUES (?, ?, 'Quầy', 'quay', 'all', 1)").run(id, n);
    for (const [id, u] of [[s1, 'a'], [s2, 'b']] as const) db.prepare("INSERT INTO staff VALUES (?, ?, 'X', 'officer', 'h', 0, 0, 1, 0)").run(id, u);
    const ticket = (n: number, session: string | null, status = session ? 'called' : 'waiting', parent: string | null = null) => {
      const id = uuidv7();
      db.prepare(
        `INSERT INTO tickets (id, service_date, sequence_id, number, display_code, service_id, source, status, issued_at, queue_entered_at, active_session_id, parent_ticket_id)
         VALUES (?, '2026-11-25', ?, ?, 'A', ?, 'kiosk', ?, 0, 0, ?, ?)`,
      ).run(id, seq, n, svc, status, session, parent);
      return id;
    };
    return { db, c1, c2, s1, s2, ticket };
  }

  it('one open session per counter and per officer', () => {
    const { db, c1, c2, s1, s2 } = setup();
    const open = (counter: string, staff: string) =>
      db.prepare('INSERT INTO counter_sessions (id, counter_id, staff_id, opened_at) VALUES (?, ?, ?, 0)').run(uuidv7(), counter, staff);
    open(c1, s1);
    expect(() => open(c1, s2)).toThrow(/UNIQUE/);
    expect(() => open(c2, s1)).toThrow(/UNIQUE/);
    db.prepare('UPDATE counter_sessions SET closed_at = 1').run();
    expect(() => open(c1, s2)).not.toThrow();
  });

  it('one called/serving ticket per counter session, and active tickets must have a session', () => {
    const { db, c1, s1, ticket } = setup();
    const session = uuidv7();
    db.prepare('INSERT INTO counter_sessions (id, counter_id, staff_id, opened_at) VALUES (?, ?, ?, 0)').run(session, c1, s1);
    ticket(1, session);
    expect(() => ticket(2, session)).toThrow(/UNIQUE/);
    expect(() => ticket(3, null, 'called')).toThrow(/CHECK/);
  });

  it('one number per sequence and day, except the redirected copy that keeps its code', () => {
    const { ticket } = setup();
    const first = ticket(7, null);
    expect(() => ticket(7, null)).toThrow(/UNIQUE/);
    expect(() => ticket(7, null, 'waiting', first)).not.toThrow();
  });

  it('keeps the ticket event log append-only', () => {
    const { db, ticket } = setup();
    const t = ticket(1, null);
    db.prepare("INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id) SELECT ?, id, 'issued', 0, service_date, service_id FROM tickets WHERE id = ?").run(uuidv7(), t);
    expect(() => db.prepare("UPDATE ticket_events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ticket_events').run()).toThrow(/append-only/);
  });
});
