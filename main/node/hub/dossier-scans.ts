import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DossierSettings } from '../../../contract/dossier';
import { HubError } from '../../../contract/errors';
import type { OpInput, OpOutput } from '../../../contract/ops';
import { closedDossierStatuses } from '../../core/dossier/lifecycle';
import type { FileRow } from '../db/dossier-store';
import { uuidv7 } from '../db/uuidv7';
import type { HubDeps } from './context';

/** What a file's first bytes must be for its declared type: a renamed .exe is not a scan. */
const magic: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
};
const extension: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

async function pageCount(mime: string, data: Buffer): Promise<number> {
  if (mime !== 'application/pdf') return 1;
  const { PDFDocument } = await import('pdf-lib'); // on first use: ~0.3 s that no start should pay
  try {
    return (await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false })).getPageCount();
  } catch {
    throw new HubError('VALIDATION_FAILED', 'Tệp PDF bị hỏng hoặc không đọc được.');
  }
}

/**
 * Stores a scan of a dossier paper under the data folder, named by its SHA-256, and returns the
 * row that records it, for the caller to insert with the dossier's history in one transaction.
 * The file is written (to a temporary name, then renamed) before the row: a power cut leaves at
 * worst an unreferenced file, never a row pointing at nothing.
 */
export async function storeScan(deps: HubDeps, dataDir: string, input: OpInput<'dossiers.attachScan'>, staffId: string, now: number): Promise<FileRow> {
  const d = deps.dossiers.row(input.dossierId);
  if (!d) throw new HubError('NOT_FOUND', 'Không tìm thấy hồ sơ.');
  if (input.documentIndex !== null && !deps.dossiers.documents(d.id).some((x) => x.idx === input.documentIndex)) throw new HubError('VALIDATION_FAILED', 'Giấy tờ được chọn không thuộc hồ sơ này.');
  const data = Buffer.from(input.dataBase64, 'base64');
  if (data.length === 0 || !magic[input.mime]!.every((b, i) => data[i] === b)) {
    throw new HubError('VALIDATION_FAILED', 'Tệp không đúng định dạng đã khai báo (chỉ nhận PDF, JPG, PNG).');
  }
  const pages = await pageCount(input.mime, data);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const dir = join(dataDir, 'scans', new Date(now).toISOString().slice(0, 7), d.id);
  await mkdir(dir, { recursive: true });
  const stored = join(dir, `${sha256}.${extension[input.mime]}`);
  const temp = `${stored}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data, { flush: true });
    await rename(temp, stored);
  } catch (e) {
    // A disk that filled up mid-write leaves a piece of the file: do not keep it taking space.
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  return {
    id: uuidv7(now), dossier_id: d.id, document_idx: input.documentIndex, file_name: input.fileName, mime: input.mime, sha256,
    size: data.length, pages, stored_path: stored, created_at: now, created_by: staffId, purged_at: null,
  };
}

/** A scan as the API shows it. */
export function scanView(f: FileRow): OpOutput<'dossiers.attachScan'> {
  return { id: f.id, documentIndex: f.document_idx, fileName: f.file_name, mime: f.mime, sha256: f.sha256, size: f.size, pages: f.pages, createdAt: new Date(f.created_at).toISOString(), purged: f.purged_at !== null };
}

export async function readScan(deps: HubDeps, fileId: string): Promise<{ file: FileRow; data: Buffer }> {
  const file = deps.dossiers.file(fileId);
  if (!file) throw new HubError('NOT_FOUND', 'Không tìm thấy bản quét.');
  if (file.purged_at !== null) throw new HubError('NOT_FOUND', 'Bản quét này đã được xóa theo thời hạn lưu trữ của đơn vị.');
  const data = await readFile(file.stored_path).catch(() => null);
  if (!data) throw new HubError('NOT_FOUND', 'Không đọc được tệp bản quét trên máy chủ.');
  if (createHash('sha256').update(data).digest('hex') !== file.sha256) throw new HubError('CONFLICT', 'Tệp bản quét trên máy chủ đã bị thay đổi (mã băm không khớp).');
  return { file, data };
}

/** What the last deletion round did, kept in the site settings for the admin's screen (it survives a restart). */
export const SCAN_DELETION_KEY = 'scanDeletion';
export interface ScanDeletionRun {
  readonly at: number;
  readonly deleted: number;
  /** Scans past their retention still on disk: their rows stay unpurged and the next round tries again. */
  readonly failed: number;
  /** The file system's code for the last failure (EACCES, EBUSY…). */
  readonly errorCode: string | null;
}

/**
 * Files looked at per step of a retention round. With a million scans kept, one query over all of
 * them took 0.9 s with nothing due and 18 s with a year due, the hub answering nothing meanwhile
 * (and a round runs at every start); 500 at a time is at most ~20–40 ms a step.
 */
const PURGE_WINDOW = 500;

/**
 * Deletes scans of finished dossiers older than the site's retention; the record of the scan stays.
 * A scan that cannot be deleted is not marked deleted: it is logged, counted for the admin, and
 * tried again next round (personal data must not stay on disk quietly past the retention).
 */
export async function purgeScans(deps: HubDeps, retentionDays: number, now: number, window = PURGE_WINDOW): Promise<number> {
  const log = deps.log.child({ component: 'scans' });
  const closedBefore = now - retentionDays * 86_400_000;
  let deleted = 0;
  let failed = 0;
  let errorCode: string | null = null;
  for (let after = 0, last = deps.dossiers.lastFileRowid(); after < last; after += window) {
    for (const f of deps.dossiers.filesToPurge(closedDossierStatuses, closedBefore, after, after + window)) {
      try {
        await unlink(f.stored_path);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? 'UNKNOWN';
        if (code !== 'ENOENT') {
          failed++;
          errorCode = code;
          log.error({ err: e, fileId: f.id, dossierId: f.dossier_id, code }, 'scan past its retention could not be deleted; trying again next round');
          continue;
        }
        log.warn({ fileId: f.id, dossierId: f.dossier_id }, 'scan past its retention was already gone from the disk');
      }
      await deps.writer.run(() => deps.dossiers.markPurged(f.id, now));
      deleted++;
    }
    // Requests are served between windows: they wait for one window at most, never for the round.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const run: ScanDeletionRun = { at: now, deleted, failed, errorCode };
  await deps.writer.run(() => deps.site.set(SCAN_DELETION_KEY, run));
  return deleted;
}

/** Applies the site's scan retention at start and twice a day. */
export function startScanRetention(deps: HubDeps): NodeJS.Timeout {
  const run = () => {
    const days = deps.site.get<DossierSettings>('dossiers')?.scanRetentionDays ?? null;
    if (days !== null) void purgeScans(deps, days, deps.clock()).catch((e: unknown) => deps.log.error({ err: e, component: 'scans' }, 'scan retention round failed'));
  };
  run();
  const timer = setInterval(run, 12 * 3_600_000);
  timer.unref();
  return timer;
}
