import { z } from 'zod';
import { eventHash } from '../../common/node/event-hash';
import { PushRequest, WireEvent } from '../../contract/sync';
import { INT32_MAX, storableText, StorableTime } from './storable';

/**
 * A push as read before its events are judged one by one: the envelope is checked whole (a broken
 * envelope is a broken hub), each event on its own, so one bad event never refuses its batch.
 */
export const PushEnvelope = PushRequest.extend({ siteTime: StorableTime, events: z.array(z.unknown()).min(1).max(5000) });
export type PushEnvelope = z.infer<typeof PushEnvelope>;

/**
 * What an event must have to take its place in a stream (and to be acknowledged or rejected
 * there): its position, its id, its hash and the fields the hash covers. Without these it is not
 * an event but a broken request.
 */
const EventKeys = z.object({
  seq: z.int().min(1),
  eventId: z.uuid(),
  hash: WireEvent.shape.hash,
  type: z.string(),
  version: z.number(),
  aggregateId: z.string(),
  payload: z.string(),
  createdAt: z.string(),
});
export type EventKeys = z.infer<typeof EventKeys>;

export interface Problem {
  readonly code: string;
  readonly message: string;
}

/** An event of the request (its fields as they arrived; unknown ones dropped) and why the log cannot hold it, if so. */
export interface CheckedEvent {
  readonly e: EventKeys;
  readonly problem: Problem | null;
}

export type CheckOutcome =
  | { readonly kind: 'ok'; readonly events: CheckedEvent[] }
  /** The request is refused whole: an event without readable keys, or whose hash does not match. */
  | { readonly kind: 'malformed'; readonly seq: number | null; readonly message: string }
  | { readonly kind: 'hashMismatch'; readonly seq: number };

const invalid = (message: string): Problem => ({ code: 'EVENT_INVALID', message });

/** Why the `events` log cannot hold this event as it is, or null. */
function problemOf(e: EventKeys): Problem | null {
  if (e.type.length < 1 || e.type.length > 80 || !storableText(e.type)) return invalid('Loại sự kiện rỗng, quá 80 ký tự hoặc có ký tự U+0000 / nửa cặp UTF-16.');
  if (e.aggregateId.length < 1 || e.aggregateId.length > 80 || !storableText(e.aggregateId)) {
    return invalid('Mã đối tượng của sự kiện rỗng, quá 80 ký tự hoặc có ký tự U+0000 / nửa cặp UTF-16.');
  }
  if (!Number.isInteger(e.version) || e.version < 1 || e.version > INT32_MAX) return invalid(`Phiên bản sự kiện phải là số nguyên từ 1 đến ${INT32_MAX}.`);
  if (e.payload.length > 1_000_000) return invalid('Nội dung sự kiện vượt quá 1 000 000 ký tự.');
  if (!storableText(e.payload)) return invalid('Nội dung sự kiện có ký tự U+0000 hoặc nửa cặp UTF-16 không mã hóa.');
  if (!StorableTime.safeParse(e.createdAt).success) return invalid('Thời điểm tạo sự kiện không hợp lệ hoặc ngoài khoảng năm 0001–9999.');
  return null;
}

/**
 * Every event judged before the database sees any of it (docs/SYNC.md, "Push"): the keys must be
 * there and the hash must match (else the request is refused whole: the hub or the link is
 * broken); anything else wrong makes that one event rejected — kept, acknowledged, reported.
 */
export function checkEvents(events: readonly unknown[]): CheckOutcome {
  const out: CheckedEvent[] = [];
  for (const raw of events) {
    const keys = EventKeys.safeParse(raw);
    if (!keys.success) {
      const seq = z.object({ seq: z.int() }).safeParse(raw);
      const where = keys.error.issues.slice(0, 3).map((i) => i.path.join('.')).join(', ');
      return { kind: 'malformed', seq: seq.success ? seq.data.seq : null, message: `thiếu hoặc sai trường ${where}` };
    }
    const e = keys.data;
    // The hash is computed over the JS values as both sides read them: a version beyond what the
    // log holds still hashes the same way on both sides.
    if (eventHash(e.type, e.version, e.aggregateId, e.payload) !== e.hash) return { kind: 'hashMismatch', seq: e.seq };
    out.push({ e, problem: problemOf(e) });
  }
  return { kind: 'ok', events: out };
}
