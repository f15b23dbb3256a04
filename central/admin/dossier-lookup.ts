import type { Queryable } from '../db/db';
import { allowedMoves, currentStatus, statusLabel, type BackOfficeStatus } from './dossier-status';

/** What a clerk sees of a dossier in a list: its code, applicant, procedure and one status. */
export interface DossierSummary {
  siteId: string;
  siteName: string;
  dossierId: string;
  code: string | null;
  applicantName: string;
  procedureName: string;
  status: string;
  statusLabel: string;
  receivedAt: string | null;
  dueAt: string | null;
}

export interface DossierHistoryEntry {
  at: string;
  /** `site`: the desk's step (its event); `central`: a back office's move (the audit). */
  source: 'site' | 'central';
  status: string;
  statusLabel: string;
  /** The site's event type (`dossier.returned`) or the account that moved it. */
  by: string;
  note: string;
}

export interface DossierDetail extends DossierSummary {
  siteStatus: string;
  processingStatus: string | null;
  processingNote: string | null;
  returnedAt: string | null;
  moves: { status: BackOfficeStatus; label: string }[];
  history: DossierHistoryEntry[];
}

interface SummaryRow {
  site_id: string; site_name: string; dossier_id: string; code: string | null; applicant_name: string; procedure_name: string;
  status: string; processing_status: string | null; processing_note: string | null; received_at: Date | null; due_at: Date | null; returned_at: Date | null;
}

const SUMMARY = `SELECT d.site_id, s.name AS site_name, d.dossier_id, d.code, d.applicant_name, d.procedure_name, d.status, d.processing_status,
  d.processing_note, d.received_at, d.due_at, d.returned_at FROM dossiers d JOIN sites s USING (site_id)`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toSummary(r: SummaryRow): DossierSummary {
  const status = currentStatus(r.status, r.processing_status);
  return {
    siteId: r.site_id, siteName: r.site_name, dossierId: r.dossier_id, code: r.code, applicantName: r.applicant_name, procedureName: r.procedure_name,
    status, statusLabel: statusLabel(status), receivedAt: iso(r.received_at), dueAt: iso(r.due_at),
  };
}

/**
 * Dossiers of the whole province by their code (exactly, as printed on the receipt) or by the
 * start of the applicant's name (any case), newest first; each query an index probe
 * (dossiers_by_code, dossiers_by_name).
 */
export async function findDossiers(db: Queryable, query: string, limit: number): Promise<DossierSummary[]> {
  const q = query.trim();
  const byCode = await db.query<SummaryRow>(`${SUMMARY} WHERE d.code = $1 ORDER BY d.updated_at DESC LIMIT $2`, [q, limit]);
  if (byCode.length > 0) return byCode.map(toSummary);
  // The database's lower() on both sides, so that both agree on every letter whatever its locale.
  const prefix = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const byName = await db.query<SummaryRow>(
    `${SUMMARY} WHERE lower(d.applicant_name) LIKE lower($1) || '%' ORDER BY d.updated_at DESC LIMIT $2`,
    [prefix, limit],
  );
  return byName.map(toSummary);
}

/** One dossier with its one status, the moves a back office may make, and its history (both sides, in time order). */
export async function dossierDetail(db: Queryable, siteId: string, dossierId: string): Promise<DossierDetail | null> {
  const [r] = await db.query<SummaryRow>(`${SUMMARY} WHERE d.site_id = $1 AND d.dossier_id = $2`, [siteId, dossierId]);
  if (!r) return null;
  const summary = toSummary(r);
  const siteEvents = await db.query<{ type: string; payload: string; site_created_at: Date; received_at: Date }>(
    `SELECT type, payload, site_created_at, received_at FROM events
     WHERE site_id = $1 AND aggregate_id = $2 AND projected AND type LIKE 'dossier.%' ORDER BY id`,
    [siteId, dossierId],
  );
  const moves = await db.query<{ at: Date; actor: string; detail: { status: string; note?: string } }>(
    `SELECT at, actor, detail FROM central_audit WHERE site_id = $1 AND subject = $2 AND action = 'dossier.move' ORDER BY id`,
    [siteId, dossierId],
  );
  // In the order the central learnt of each step (its own clock on both sides): the site's clock
  // may be off, and is shown, never used to order (docs/SYNC.md).
  const history = [
    ...siteEvents.map((e) => {
      // Projected events were decoded when they arrived: their payload is the hub's snapshot.
      const p = JSON.parse(e.payload) as { status: string; event?: { at?: string } };
      const entry: DossierHistoryEntry = { at: p.event?.at ?? e.site_created_at.toISOString(), source: 'site', status: p.status, statusLabel: statusLabel(p.status), by: e.type, note: '' };
      return { known: e.received_at.getTime(), entry };
    }),
    ...moves.map((m) => {
      const entry: DossierHistoryEntry = { at: m.at.toISOString(), source: 'central', status: m.detail.status, statusLabel: statusLabel(m.detail.status), by: m.actor, note: m.detail.note ?? '' };
      return { known: m.at.getTime(), entry };
    }),
  ].sort((a, b) => a.known - b.known).map((h) => h.entry);
  return {
    ...summary, siteStatus: r.status, processingStatus: r.processing_status, processingNote: r.processing_note, returnedAt: iso(r.returned_at),
    moves: allowedMoves(r.status, summary.status).map((s) => ({ status: s, label: statusLabel(s) })),
    history,
  };
}
