import { HubError } from '../../../contract/errors';
import { checkRating, RATING_WINDOW_MS } from '../../core/rating-rules';
import { uuidv7 } from '../db/uuidv7';
import type { HandlerContext, Handlers, HubDeps } from './context';

/** The citizen-facing rating tablet at a counter: what to ask about, and the answer. */
export function ratingHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);

  const tablet = (ctx: HandlerContext) => {
    if (ctx.principal.kind !== 'device' || ctx.principal.deviceKind !== 'rating') throw new HubError('FORBIDDEN');
    return ctx.principal;
  };

  return {
    'rating.pending': (_input, ctx) => {
      const { counterId } = tablet(ctx);
      const counter = counterId ? deps.catalog.counter(counterId) : null;
      const t = counterId ? deps.ratings.pendingAt(counterId, ctx.now - RATING_WINDOW_MS) : null;
      return {
        counterNumber: counter?.number ?? null,
        pending: t ? { ticketId: t.id, displayCode: t.display_code, serviceName: t.service_name, finishedAt: new Date(t.finished_at).toISOString() } : null,
        settings: deps.site.site().rating,
      };
    },

    'rating.submit': async ({ ticketId, score, reasons }, ctx) => {
      const device = tablet(ctx);
      const { scoreLabel } = checkRating(deps.site.site().rating, score, reasons);
      await write(() => {
        const t = deps.tickets.row(ticketId);
        if (!t || t.status !== 'finished') throw new HubError('NOT_FOUND', 'Không tìm thấy lượt phục vụ cần đánh giá.');
        if (t.counter_id !== device.counterId) throw new HubError('FORBIDDEN', 'Máy đánh giá này thuộc quầy khác.');
        if (deps.ratings.isRated(ticketId)) throw new HubError('CONFLICT', 'Lượt phục vụ này đã được đánh giá. Cảm ơn Ông/Bà.');
        deps.ratings.insert({
          id: uuidv7(ctx.now), ticket_id: t.id, counter_id: t.counter_id, staff_id: t.staff_id, device_id: device.deviceId,
          score, score_label: scoreLabel, reasons: JSON.stringify(reasons), at: ctx.now,
        });
      });
      ctx.notify.changed('queue');
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
