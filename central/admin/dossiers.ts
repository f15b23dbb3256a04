import { isWithBackOffice } from '../../contract/dossier';
import type { DossierStatusItem } from '../../contract/sync';
import type { Db } from '../db/db';
import { publish } from '../sync/feeds';
import { audit, type Actor } from './audit';
import { currentStatus } from './dossier-status';

export type StatusChange =
  | { readonly kind: 'ok'; readonly item: DossierStatusItem; readonly version: number }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'closed'; readonly siteStatus: string };

/**
 * A back office moved a dossier: the projection's central-owned fields, the site's
 * `dossier-status` feed item and the audit (the dossier's history) change in one transaction, so
 * the site learns exactly what is stored. A dossier the desk has closed stays closed
 * (central/admin/dossier-status.ts: the site's returned / withdrawn win).
 */
export async function changeProcessingStatus(db: Db, actor: Actor, siteId: string, dossierId: string, status: DossierStatusItem['status'], note: string): Promise<StatusChange> {
  return db.transaction(async (tx) => {
    const [d] = await tx.query<{ status: string; code: string | null }>('SELECT status, code FROM dossiers WHERE site_id = $1 AND dossier_id = $2 FOR UPDATE', [siteId, dossierId]);
    if (!d) return { kind: 'notFound' };
    if (!isWithBackOffice(d.status)) return { kind: 'closed', siteStatus: d.status };
    const [row] = await tx.query<{ processing_at: Date }>(
      `UPDATE dossiers SET processing_status = $3, processing_note = $4, processing_at = now(), updated_at = now()
       WHERE site_id = $1 AND dossier_id = $2 RETURNING processing_at`,
      [siteId, dossierId, status, note],
    );
    const item: DossierStatusItem = { dossierId, status, note, at: row!.processing_at.toISOString() };
    const version = await publish(tx, 'dossier-status', siteId, dossierId, JSON.stringify(item));
    await audit(tx, actor, 'dossier.move', { siteId, subject: dossierId }, { status, note, code: d.code });
    return { kind: 'ok', item, version };
  });
}

export interface DossierListItem {
  dossierId: string;
  code: string | null;
  /** The site's status, the back office's, and the one the dossier has (central/admin/dossier-status.ts). */
  status: string;
  processingStatus: string | null;
  currentStatus: string;
  processingNote: string | null;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  receivedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  lastEventType: string;
  updatedAt: string;
}

/** A site's dossiers, most recently changed first (index dossiers_recent). */
export async function listDossiers(db: Db, siteId: string, limit: number): Promise<DossierListItem[]> {
  const rows = await db.query<{
    dossier_id: string; code: string | null; status: string; processing_status: string | null; processing_note: string | null;
    procedure_code: string; procedure_name: string; applicant_name: string; received_at: Date | null; due_at: Date | null;
    returned_at: Date | null; last_event_type: string; updated_at: Date;
  }>(
    `SELECT dossier_id, code, status, processing_status, processing_note, procedure_code, procedure_name, applicant_name,
       received_at, due_at, returned_at, last_event_type, updated_at
     FROM dossiers WHERE site_id = $1 ORDER BY updated_at DESC LIMIT $2`,
    [siteId, limit],
  );
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return rows.map((r) => ({
    dossierId: r.dossier_id, code: r.code, status: r.status, processingStatus: r.processing_status,
    currentStatus: currentStatus(r.status, r.processing_status), processingNote: r.processing_note,
    procedureCode: r.procedure_code, procedureName: r.procedure_name, applicantName: r.applicant_name, receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at), returnedAt: iso(r.returned_at), lastEventType: r.last_event_type, updatedAt: r.updated_at.toISOString(),
  }));
}
