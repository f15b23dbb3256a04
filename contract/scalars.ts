import { z } from 'zod';

/** Ids of rows a site creates offline are UUIDv7; seeded and central rows may use any UUID. */
export const Id = z.uuid();
export const IsoTime = z.iso.datetime({ offset: true });
/** A calendar date in Vietnam time, `YYYY-MM-DD`. */
export const VnDate = z.iso.date();
export const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM');
/** The end of a window may be 24:00, so a service can take numbers all day. */
export const HhMmEnd = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Giờ phải có dạng HH:MM (tối đa 24:00)');
