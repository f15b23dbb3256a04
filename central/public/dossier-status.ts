import { timingSafeEqual } from 'node:crypto';
import { citizenDossierView, maskedName } from '../../contract/citizen-dossier';
import { DossierStatus } from '../../contract/dossier';
import type { OpOutput } from '../../contract/ops';
import { currentStatus } from '../admin/dossier-status';
import type { Queryable } from '../db/db';

/** The same answer as the hub's `dossiers.lookup`, so both status pages read alike. */
export type PublicDossierStatus = OpOutput<'dossiers.lookup'>;

interface Row {
  code: string; procedure_name: string; status: string; processing_status: string | null; received_at: Date | null; due_at: Date | null;
  returned_at: Date | null; applicant_name: string; lookup_code: string | null; site_name: string;
}

const sameCode = (given: string, stored: string | null): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(stored ?? '');
  // Equal lengths for timingSafeEqual; a length mismatch is not secret (the codes have one length).
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * A dossier's status for whoever holds its receipt: the dossier's code and the receipt's lookup
 * code, both as printed (any case), from the statuses the sites synced — so it answers while the
 * site is offline. The status is the one the back office shows (central/admin/dossier-status.ts):
 * a result a back office marked ready reads "Đã có kết quả" before the site hears of it. Null
 * when no dossier has that pair: the caller counts it as a failed guess.
 */
export async function publicDossierStatus(db: Queryable, code: string, lookupCode: string): Promise<PublicDossierStatus | null> {
  const rows = await db.query<Row>(
    `SELECT d.code, d.procedure_name, d.status, d.processing_status, d.received_at, d.due_at, d.returned_at, d.applicant_name,
       d.snapshot->>'lookupCode' AS lookup_code, s.name AS site_name
     FROM dossiers d JOIN sites s USING (site_id) WHERE d.code = $1`,
    [code.trim().toUpperCase()],
  );
  const r = rows.find((x) => sameCode(lookupCode.trim().toUpperCase(), x.lookup_code));
  if (!r || r.received_at === null) return null;
  const parsed = DossierStatus.safeParse(currentStatus(r.status, r.processing_status));
  const status = parsed.success ? parsed.data : DossierStatus.parse(r.status);
  return {
    code: r.code, procedureName: r.procedure_name, status, receivedAt: r.received_at.toISOString(), dueAt: r.due_at?.toISOString() ?? null,
    returnedAt: r.returned_at?.toISOString() ?? null, applicantMasked: maskedName(r.applicant_name), ...citizenDossierView(status),
    siteName: r.site_name, sampleData: false,
  };
}
