/**
 * Central ingest figures (docs sync.md, "What to measure"), against a durable throwaway
 * PostgreSQL 15 and the central as its own process:
 *
 *   npx tsx test/central/ingest.measure.ts [sites=50] [eventsPerSite=2000]
 *
 * 1. N sites pushing at once, batches of 500 → events/s and the central's peak RSS;
 * 2. the same rows by a raw batched INSERT (500 rows a statement, same concurrency, same pool
 *    size) into a plain copy of `events`, without and with its indexes → events/s; the ratio is
 *    the figure that counts;
 * 3. one site's backlog of 100 000 events drained in batches of 500 → time, central peak RSS.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startCentralProcess, type CentralProcess } from '../support/central-process';
import { createTestDatabase } from '../support/postgres';
import { call, pushBatch, SiteOutbox } from './helpers';

const SITES = Number(process.argv[2] ?? 50);
const PER_SITE = Number(process.argv[3] ?? 2000);
const BATCH = 500;
const TOKEN = 'measure-admin-token';

function outbox(siteId: string, n: number): SiteOutbox {
  const o = new SiteOutbox(siteId);
  while (o.events.length < n) {
    const t = randomUUID();
    o.ticket('issued', t, 'waiting', { data: { source: 'kiosk', peopleAhead: 3, estimate: [5, 15] } });
    o.ticket('called', t, 'called', { counterId: 'c1' });
    o.ticket('started', t, 'serving', { counterId: 'c1' });
    o.ticket('finished', t, 'finished', { counterId: 'c1' });
    o.rating(t);
    o.dossier('received', randomUUID(), 'received');
  }
  o.events.splice(n);
  return o;
}

const peakRss = (c: CentralProcess) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${c.child.pid}/status`, 'utf8'))![1]) / 1024;

async function pushAll(url: string, siteId: string, credential: string, o: SiteOutbox): Promise<void> {
  for (let i = 0; i < o.events.length; i += BATCH) {
    const r = await pushBatch(url, credential, o.request(o.events.slice(i, i + BATCH)));
    if (r.status !== 200) throw new Error(`${siteId}: ${r.status} ${JSON.stringify(r.json)}`);
  }
}

async function main(): Promise<void> {
  const t = await createTestDatabase({ durable: true });
  const central = await startCentralProcess({ databaseUrl: t.url, env: { CENTRAL_ADMIN_TOKEN: TOKEN } });
  try {
    const sites = await Promise.all(
      Array.from({ length: SITES }, async (_, i) => {
        const siteId = `xa-${String(i).padStart(3, '0')}`;
        const r = await call<{ credential: string }>(central.url, '/admin/sites', { body: { siteId, name: siteId }, headers: { authorization: `Bearer ${TOKEN}` } });
        return { siteId, credential: r.json.credential, o: outbox(siteId, PER_SITE) };
      }),
    );
    const bytes = sites.reduce((n, s) => n + s.o.events.reduce((m, e) => m + e.payload.length, 0), 0);
    let started = performance.now();
    await Promise.all(sites.map((s) => pushAll(central.url, s.siteId, s.credential, s.o)));
    const central1 = (performance.now() - started) / 1000;
    const total = SITES * PER_SITE;
    console.log(`central: ${SITES} sites × ${PER_SITE} events (${(bytes / total).toFixed(0)} B payload avg) in ${central1.toFixed(2)} s → ${(total / central1).toFixed(0)} events/s; central peak RSS ${peakRss(central).toFixed(0)} MiB`);

    // The same rows, raw: batched INSERTs into a plain copy of `events`, same concurrency.
    const pool = new pg.Pool({ connectionString: t.url, max: 20 });
    let id = 0;
    const rawInsert = async (table: string) => {
      const started = performance.now();
      await Promise.all(sites.map(async (s) => {
        for (let i = 0; i < s.o.events.length; i += BATCH) {
          const rows = s.o.events.slice(i, i + BATCH).map((e) => ({ ...e, id: ++id }));
          await pool.query(
            `INSERT INTO ${table} (id, site_id, incarnation, seq, event_id, type, version, aggregate_id, payload, hash, site_created_at, received_at, projected)
             SELECT x.id, $1, $2, x.seq, x."eventId", x.type, x.version, x."aggregateId", x.payload, x.hash, x."createdAt", now(), true
             FROM json_to_recordset($3::json) AS x(id bigint, seq bigint, "eventId" uuid, type text, version integer, "aggregateId" text, payload text, hash text, "createdAt" timestamptz)`,
            [s.siteId, s.o.incarnation, JSON.stringify(rows)],
          );
        }
      }));
      return (performance.now() - started) / 1000;
    };
    await pool.query('CREATE TABLE events_bare (LIKE events)');
    const bare = await rawInsert('events_bare');
    console.log(`raw batched INSERT, no index: ${bare.toFixed(2)} s → ${(total / bare).toFixed(0)} events/s; central/raw ratio ${(bare / central1).toFixed(2)}`);
    await pool.query('CREATE TABLE events_indexed (LIKE events INCLUDING INDEXES)');
    const indexed = await rawInsert('events_indexed');
    console.log(`raw batched INSERT, same indexes as events: ${indexed.toFixed(2)} s → ${(total / indexed).toFixed(0)} events/s; central/raw ratio ${(indexed / central1).toFixed(2)}`);
    await pool.end();

    // One site's month offline: 100 000 events drained.
    const backlog = { siteId: 'xa-backlog', o: outbox('xa-backlog', 100_000) };
    const r = await call<{ credential: string }>(central.url, '/admin/sites', { body: { siteId: backlog.siteId, name: 'backlog' }, headers: { authorization: `Bearer ${TOKEN}` } });
    started = performance.now();
    await pushAll(central.url, backlog.siteId, r.json.credential, backlog.o);
    const drain = (performance.now() - started) / 1000;
    console.log(`backlog: 100000 events from one site in ${drain.toFixed(2)} s → ${(100_000 / drain).toFixed(0)} events/s; central peak RSS ${peakRss(central).toFixed(0)} MiB`);
  } finally {
    await central.kill('SIGTERM');
    await t.dispose();
  }
}

await main();
