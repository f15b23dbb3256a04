import { HubError } from '../../../contract/errors';
import { ratingAskIn, serviceNameIn } from '../../core/citizen-language';
import { checkDossierRateable, checkRating, DOSSIER_RATED, RATING_WINDOW_MS } from '../../core/rating-rules';
import { isoOrNull } from '../../core/vn-time';
import type { DossierRow } from '../db/dossier-store';
import { uuidv7 } from '../db/uuidv7';
import type { HandlerContext, Handlers, HubDeps } from './context';
import { guardedDossierByReceipt } from './dossier-lookup';

/**
 * The citizen-facing rating tablet at a counter: what to ask about, and the answer — for the
 * ticket the counter just finished, or for a dossier whose result the citizen received, named by
 * the receipt's two codes.
 */
export function ratingHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);

  const rated = (d: DossierRow) => deps.dossiers.lastEvent(d.id, DOSSIER_RATED) !== null;

  const tablet = (ctx: HandlerContext) => {
    if (ctx.principal.kind !== 'device' || ctx.principal.deviceKind !== 'rating') throw new HubError('FORBIDDEN');
    return ctx.principal;
  };

  return {
    'rating.pending': (_input, ctx) => {
      const { counterId } = tablet(ctx);
      const counter = counterId ? deps.catalog.counter(counterId) : null;
      const t = counterId ? deps.ratings.pendingAt(counterId, ctx.now - RATING_WINDOW_MS) : null;
      const site = deps.site.site();
      // The citizen who took an English number is asked in English; a dossier named at the idle tablet, in the site's language.
      const lang = t?.language ?? site.language;
      const service = t ? deps.catalog.service(t.service_id) : null;
      return {
        counterNumber: counter?.number ?? null,
        pending: t ? { ticketId: t.id, displayCode: t.display_code, serviceName: service ? serviceNameIn(lang, service) : t.service_name, finishedAt: new Date(t.finished_at).toISOString() } : null,
        settings: site.rating,
        ask: ratingAskIn(lang, site.rating),
      };
    },

    'rating.submit': async ({ ticketId, score, reasons }, ctx) => {
      const device = tablet(ctx);
      const { scoreLabel, satisfied } = checkRating(deps.site.site().rating, score, reasons);
      await write(() => {
        const t = deps.tickets.row(ticketId);
        if (!t || t.status !== 'finished') throw new HubError('NOT_FOUND', 'Không tìm thấy lượt phục vụ cần đánh giá.');
        if (t.counter_id !== device.counterId) throw new HubError('FORBIDDEN', 'Máy đánh giá này thuộc quầy khác.');
        if (deps.ratings.isRated(ticketId)) throw new HubError('CONFLICT', 'Lượt phục vụ này đã được đánh giá. Cảm ơn Ông/Bà.');
        deps.ratings.insert({
          id: uuidv7(ctx.now), ticket_id: t.id, counter_id: t.counter_id, staff_id: t.staff_id, device_id: device.deviceId,
          score, score_label: scoreLabel, reasons: JSON.stringify(reasons), at: ctx.now,
        }, satisfied);
      });
      ctx.notify.changed('queue');
      return { ok: true as const };
    },

    'rating.findDossier': async ({ code, lookupCode }, ctx) => {
      tablet(ctx);
      const d = await guardedDossierByReceipt(deps, ctx, code, lookupCode);
      checkDossierRateable(d, rated(d), ctx.now);
      return { code: d.code!, procedureName: deps.dossiers.procedureVersion(d.procedure_version_id)!.name, returnedAt: isoOrNull(d.returned_at)! };
    },

    'rating.submitDossier': async ({ code, lookupCode, score, reasons }, ctx) => {
      const device = tablet(ctx);
      const { scoreLabel, satisfied } = checkRating(deps.site.site().rating, score, reasons);
      const { id } = await guardedDossierByReceipt(deps, ctx, code, lookupCode);
      await write(() => {
        const d = deps.dossiers.row(id)!;
        checkDossierRateable(d, rated(d), ctx.now);
        // The officer credited is the one who handed the result over (the tablet's counter at return).
        const officerId = deps.dossiers.lastEvent(d.id, 'returned')?.staff_id ?? d.officer_id;
        deps.dossiers.appendEvent(d, DOSSIER_RATED, null, { score, scoreLabel, satisfied, reasons, counterId: device.counterId, deviceId: device.deviceId, officerId }, ctx.now, true);
      });
      ctx.notify.dossier(id);
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
