import type { ProcedureVersion } from '../../../contract/dossier';
import { HubError } from '../../../contract/errors';
import { procedureVersionState } from '../../core/dossier/procedure-state';
import { isoOrNull, vnDate } from '../../core/vn-time';
import { actorOf } from '../db/audit-store';
import { parseProcedureFile, type ImportedProcedure } from '../catalog/procedure-import';
import type { Handlers, HubDeps } from './context';
import { SCAN_DELETION_KEY, type ScanDeletionRun } from './dossier-scans';
import { pushRulesIfBooking } from './appointment-rules';
import { dossierSettings, siteCalendar } from './site-calendar';


/** The version of a procedure in force on `today`, or PROCEDURE_UNKNOWN. */
export function procedureInForce(deps: HubDeps, code: string, today: string): ProcedureVersion {
  const p = deps.dossiers.procedure(code.trim(), today);
  if (!p) throw new HubError('PROCEDURE_UNKNOWN', `Không tìm thấy thủ tục "${code}" trong danh mục đang áp dụng.`);
  return p;
}

/** Whether an imported procedure says the same as the version the hub has (then no new version). */
function sameProcedure(a: ProcedureVersion, b: ImportedProcedure): boolean {
  const { id: _i, version: _v, source: _s, ...rest } = a;
  return JSON.stringify(rest) === JSON.stringify({ ...rest, ...b });
}

/** What dossier intake reads: the procedure catalogue, the working calendar and the dossier settings. */
export function procedureHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { dossiers } = deps;
  const settings = () => dossierSettings(deps);
  const calendar = () => siteCalendar(deps);
  const procedureOrThrow = (code: string, today: string) => procedureInForce(deps, code, today);

  return {
    'procedures.search': ({ q, limit }, ctx) => dossiers.searchProcedures(q, vnDate(ctx.now), limit),
    'procedures.get': ({ code }, ctx) => procedureOrThrow(code, vnDate(ctx.now)),

    'admin.listProcedures': ({ q, offset, limit }, ctx) => {
      const today = vnDate(ctx.now);
      const { total, items } = dossiers.allProcedureVersions(q.trim(), today, offset, limit);
      return { today, total, items: items.map(({ procedure, inForceVersion, newestVersion }) => ({ ...procedure, state: procedureVersionState(procedure, inForceVersion, today), nextVersion: newestVersion + 1 })) };
    },

    'admin.saveProcedure': async (input, ctx) => {
      const saved = await write(() => {
        const version = (dossiers.latestVersion(input.code)?.version ?? 0) + 1;
        const p = dossiers.insertProcedure({ ...input, version, source: 'admin' }, ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'catalog.procedureSaved', { type: 'procedure', id: p.id }, { code: p.code, version }, ctx.now);
        return p;
      });
      ctx.notify.changed('catalog');
      return saved;
    },

    'admin.importProcedures': async ({ format, dataBase64 }, ctx) => {
      const { procedures, rejected } = await parseProcedureFile(format, Buffer.from(dataBase64, 'base64'));
      const counts = await write(() => {
        let added = 0;
        let unchanged = 0;
        for (const { procedure } of procedures) {
          const latest = dossiers.latestVersion(procedure.code);
          if (latest && sameProcedure(latest, procedure)) {
            unchanged++;
            continue;
          }
          dossiers.insertProcedure({ ...procedure, version: (latest?.version ?? 0) + 1, source: 'import' }, ctx.now);
          added++;
        }
        deps.audit.record(actorOf(ctx.principal), 'catalog.proceduresImported', null, { format, added, unchanged, rejected: rejected.length }, ctx.now);
        return { added, unchanged };
      });
      ctx.notify.changed('catalog');
      return { ...counts, rejected };
    },

    'calendar.get': ({ year }) => {
      const edited = dossiers.calendars().some((c) => c.year === year && c.province === settings().calendarProvince);
      return { calendar: calendar().year(year), editedAtSite: edited };
    },

    'admin.saveCalendar': async ({ calendar: c }, ctx) => {
      await write(() => {
        dossiers.saveCalendar(c, 'admin', ctx.now);
        // The central offers this site's slots by this calendar where the province published none.
        pushRulesIfBooking(deps, ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'calendar.saved', { type: 'calendar', id: `${c.year}/${c.province ?? ''}` }, {}, ctx.now);
      });
      ctx.notify.changed('catalog');
      return c;
    },

    'dossierSettings.get': () => settings(),
    'dossierSettings.scanDeletion': () => {
      const run = deps.site.get<ScanDeletionRun>(SCAN_DELETION_KEY);
      return { lastRunAt: isoOrNull(run?.at ?? null), deleted: run?.deleted ?? 0, failed: run?.failed ?? 0, errorCode: run?.errorCode ?? null };
    },
    'admin.saveDossierSettings': async (input, ctx) => {
      await write(() => {
        deps.site.set('dossiers', input);
        deps.audit.record(actorOf(ctx.principal), 'dossiers.settingsSaved', null, input, ctx.now);
      });
      ctx.notify.changed('site');
      return input;
    },
  } satisfies Partial<Handlers>;
}
