import type { Db, Queryable } from '../db/db';
import { decode, type DecodeResult, type Decoders } from './decode';
import { aggregateOf, applyDecoded, foldAll, Working, type StoredEvent, type Verdict } from './fold';
import { daysOf, refreshSiteDays } from '../reports/site-days';
import { loadAggregates, saveAggregates } from './rows';
import { applyAppointmentEvent } from '../appointments/events';

/**
 * Projects events just appended to a site's log, in the push's transaction: decode, load the
 * aggregates they touch (three queries at most), fold in arrival order, write back (three upserts
 * at most), recompute the site's days their figures count on, before and after (one statement).
 * The caller holds the site's lock, so no other transaction folds this site meanwhile.
 */
export async function projectNew(tx: Queryable, siteId: string, events: readonly StoredEvent[], decoders: Decoders): Promise<Map<number, Verdict>> {
  const decoded = events.map((e) => ({ e, d: decode(decoders, e.type, e.version, e.aggregateId, e.payload) }));
  const ids = { tickets: new Set<string>(), dossiers: new Set<string>(), ratings: new Set<string>() };
  for (const { d } of decoded) {
    const a = d?.ok ? aggregateOf(d.event) : null;
    if (a) ids[a.table].add(a.id);
  }
  const w = new Working();
  await loadAggregates(tx, siteId, w, { tickets: [...ids.tickets], dossiers: [...ids.dossiers], ratings: [...ids.ratings] });
  const days = daysOf(w);
  const verdicts = new Map<number, Verdict>();
  const now = new Date();
  for (const { e, d } of decoded) {
    verdicts.set(e.id, d?.ok && d.event.kind === 'appointment' ? await applyAppointmentEvent(tx, siteId, d.event.e, now) : verdictOf(w, d, e.id));
  }
  await saveAggregates(tx, siteId, w);
  for (const day of daysOf(w)) days.add(day);
  await refreshSiteDays(tx, siteId, days);
  return verdicts;
}

function verdictOf(w: Working, d: DecodeResult | null, id: number): Verdict {
  if (d === null) return { kind: 'unknown' };
  if (!d.ok) return { kind: 'rejected', code: d.code, message: d.message };
  return applyDecoded(w, d.event, id);
}

interface PendingRow {
  id: number; type: string; version: number; aggregate_id: string; payload: string; event_id: string; incarnation: string; seq: number; projected: boolean;
}
const toStored = (r: PendingRow): StoredEvent => ({ id: r.id, type: r.type, version: r.version, aggregateId: r.aggregate_id, payload: r.payload });

export interface ReprojectResult {
  readonly projected: number;
  readonly rejected: number;
  /** Still unknown to this version of the central. */
  readonly remaining: number;
}

const CHUNK = 1000;
const APPOINTMENT_PREFIX = 'appointment.';

/**
 * Projects what an earlier version stored raw (unknown type or version). Each aggregate such an
 * event touches is folded again from its first event, in arrival order, so the projection is the
 * fold of the log whatever order the events were understood in. One transaction per site and
 * chunk, under the site's lock (pushes of that site wait; other sites go on).
 */
export async function reproject(db: Db, decoders: Decoders): Promise<ReprojectResult> {
  const total = { projected: 0, rejected: 0, remaining: 0 };
  const sites = await db.query<{ site_id: string }>('SELECT site_id FROM sites ORDER BY site_id');
  for (const { site_id: siteId } of sites) {
    let after = 0;
    for (;;) {
      const r = await db.transaction((tx) => reprojectChunk(tx, siteId, after, decoders));
      total.projected += r.projected;
      total.rejected += r.rejected;
      if (r.lastId === null) break;
      after = r.lastId;
    }
    const [left] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM events e WHERE e.site_id = $1 AND NOT e.projected
         AND NOT EXISTS (SELECT 1 FROM rejections r WHERE r.site_id = e.site_id AND r.incarnation = e.incarnation AND r.seq = e.seq)`,
      [siteId],
    );
    total.remaining += left!.n;
  }
  return total;
}

async function reprojectChunk(tx: Queryable, siteId: string, after: number, decoders: Decoders): Promise<{ projected: number; rejected: number; lastId: number | null }> {
  await tx.query('SELECT 1 FROM sites WHERE site_id = $1 FOR NO KEY UPDATE', [siteId]);
  const pending = await tx.query<PendingRow>(
    `SELECT e.id, e.type, e.version, e.aggregate_id, e.payload, e.event_id, e.incarnation, e.seq, e.projected FROM events e
     WHERE e.site_id = $1 AND NOT e.projected AND e.id > $2
       AND NOT EXISTS (SELECT 1 FROM rejections r WHERE r.site_id = e.site_id AND r.incarnation = e.incarnation AND r.seq = e.seq)
     ORDER BY e.id LIMIT $3`,
    [siteId, after, CHUNK],
  );
  if (pending.length === 0) return { projected: 0, rejected: 0, lastId: null };
  const lastId = pending[pending.length - 1]!.id;
  const understood = pending.filter((p) => decoders.has(`${p.type}@${p.version}`));
  if (understood.length === 0) return { projected: 0, rejected: 0, lastId };
  // Appointment events are applied to the stored bookings in arrival order, not refolded
  // (central/appointments/events.ts): late, but in the order the site made them.
  const appointments = understood.filter((p) => p.type.startsWith(APPOINTMENT_PREFIX));
  const appointmentVerdicts = new Map<number, Verdict>();
  for (const p of appointments) {
    const d = decode(decoders, p.type, p.version, p.aggregate_id, p.payload)!;
    appointmentVerdicts.set(p.id, d.ok && d.event.kind === 'appointment' ? await applyAppointmentEvent(tx, siteId, d.event.e, new Date()) : verdictOf(new Working(), d, p.id));
  }
  const folded = understood.filter((p) => !p.type.startsWith(APPOINTMENT_PREFIX));

  // Every event of the aggregates touched, oldest first, folded from nothing (rejected events were
  // never applied and stay so).
  const aggregates = [...new Set(folded.map((p) => p.aggregate_id))];
  const history = await tx.query<PendingRow>(
    `SELECT e.id, e.type, e.version, e.aggregate_id, e.payload, e.event_id, e.incarnation, e.seq, e.projected FROM events e
     WHERE e.site_id = $1 AND e.aggregate_id = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM rejections r WHERE r.site_id = e.site_id AND r.incarnation = e.incarnation AND r.seq = e.seq)
     ORDER BY e.id`,
    [siteId, aggregates],
  );
  const { working, verdicts } = foldAll(history.filter((h) => !h.type.startsWith(APPOINTMENT_PREFIX)).map(toStored), decoders);
  for (const [id, v] of appointmentVerdicts) verdicts.set(id, v);
  const before = new Working();
  await loadAggregates(tx, siteId, before, { tickets: [...working.tickets.keys()], dossiers: [...working.dossiers.keys()], ratings: [...working.ratings.keys()] });
  await saveAggregates(tx, siteId, working);
  await refreshSiteDays(tx, siteId, new Set([...daysOf(before), ...daysOf(working)]));

  const judged = [...history, ...appointments];
  const nowApplied = judged.filter((h) => !h.projected && verdicts.get(h.id)?.kind === 'applied').map((h) => h.id);
  const nowRejected = judged.flatMap((h) => {
    const v = verdicts.get(h.id);
    return !h.projected && v?.kind === 'rejected' ? [{ eventId: h.event_id, incarnation: h.incarnation, seq: h.seq, code: v.code, message: v.message }] : [];
  });
  if (nowApplied.length > 0) {
    await tx.query('UPDATE events SET projected = true WHERE site_id = $1 AND id = ANY($2::bigint[])', [siteId, nowApplied]);
  }
  if (nowRejected.length > 0) await insertRejections(tx, siteId, nowRejected);
  return { projected: nowApplied.length, rejected: nowRejected.length, lastId };
}

export interface NewRejection {
  readonly eventId: string;
  readonly incarnation: string;
  readonly seq: number;
  readonly code: string;
  readonly message: string;
  /** The event as it arrived (JSON text), when the `events` log could not hold it. */
  readonly raw?: string | null;
}

/** Records rejections (a position is judged once: a second verdict on it changes nothing). */
export async function insertRejections(tx: Queryable, siteId: string, rejections: readonly NewRejection[]): Promise<void> {
  await tx.query(
    `INSERT INTO rejections (site_id, event_id, incarnation, seq, code, message, raw)
     SELECT $1, x."eventId", x.incarnation, x.seq, x.code, x.message, x.raw
     FROM json_to_recordset($2::json) AS x("eventId" uuid, incarnation uuid, seq bigint, code text, message text, raw text)
     ON CONFLICT (site_id, incarnation, seq) DO NOTHING`,
    [siteId, JSON.stringify(rejections)],
  );
}
