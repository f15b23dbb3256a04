/**
 * Appointments (issue 14, docs/APPOINTMENTS.md) at the central: each site's latest booking rules,
 * the site's bookings — online ones made here and the desk's ones learned from pushed events —
 * and the seats taken per slot.
 *
 * Capacity holds under concurrency by one counter row per (site, service, slot): an online booking
 * takes a seat with `UPDATE … SET central_taken = central_taken + 1 WHERE central_taken < <the
 * central's seats>`, which PostgreSQL re-checks on the row's newest version after waiting for its
 * lock, so parallel bookings of the last seat get it once. `site_taken` counts the desk's bookings
 * as pushed: the desk owns those seats (docs/APPOINTMENTS.md, "Who owns a seat") and the central
 * never books into them. No foreign key to `sites`, as for `site_seen` (007): a push holds its
 * site's row, and an online booking must not wait behind it.
 */
export const statements: readonly string[] = [
  // The `appointment.rules` payload as pushed (contract RulesEventPayload), the newest one only.
  `CREATE TABLE appointment_rules (
     site_id    text PRIMARY KEY,
     payload    jsonb NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE TABLE appointments (
     site_id        text NOT NULL,
     appointment_id uuid NOT NULL,
     code           text NOT NULL,
     service_id     text NOT NULL,
     slot_start     timestamptz NOT NULL,
     owner          text NOT NULL CHECK (owner IN ('site', 'central')),
     id_number      text NOT NULL,
     full_name      text NOT NULL,
     phone          text,
     status         text NOT NULL CHECK (status IN ('booked', 'cancelled', 'checked_in')),
     booked_at      timestamptz NOT NULL,
     changed_at     timestamptz NOT NULL,
     checked_in_at  timestamptz,
     PRIMARY KEY (site_id, appointment_id),
     UNIQUE (site_id, code)
   )`,
  // The per-ID limit counts an ID number's active bookings at a site.
  `CREATE INDEX appointments_active_by_id ON appointments (site_id, id_number, slot_start) WHERE status = 'booked'`,
  `CREATE TABLE appointment_seats (
     site_id       text NOT NULL,
     service_id    text NOT NULL,
     slot_start    timestamptz NOT NULL,
     site_taken    integer NOT NULL DEFAULT 0 CHECK (site_taken >= 0),
     central_taken integer NOT NULL DEFAULT 0 CHECK (central_taken >= 0),
     PRIMARY KEY (site_id, service_id, slot_start)
   )`,
];
