import type { AppointmentFeedItem } from '../../../contract/appointments';
import { normalSlotStart } from '../../core/appointments/slots';
import type { AppointmentRow } from '../db/appointment-store';
import type { HubDeps } from '../hub/context';

/**
 * One item of the `appointments` feed (docs/APPOINTMENTS.md, "Who owns a seat"): the latest state
 * of an online booking, or of a desk booking moved or cancelled online. Inserted or updated,
 * except that checked-in and cancelled are final here: a later cancellation of a checked-in
 * booking (the citizen is at the desk) or a move of a cancelled one is not applied — the reason
 * is returned, for the log and for staff. The same item applied twice changes nothing.
 */
export function applyAppointmentItem(deps: HubDeps, item: AppointmentFeedItem, now: number): string | null {
  const slot = normalSlotStart(item.slotStart);
  if (!slot) return `Lịch hẹn ${item.code}: giờ hẹn không hợp lệ.`;
  if (!deps.catalog.service(item.serviceId)) return `Lịch hẹn ${item.code}: dịch vụ không có ở đơn vị này.`;
  const local = deps.appointments.row(item.id);
  const clash = deps.appointments.byCode(item.code);
  if (clash && clash.id !== item.id) return `Lịch hẹn ${item.code}: mã đã dùng cho một lịch hẹn khác.`;
  const changedAt = Date.parse(item.changedAt);
  const state = {
    service_id: item.serviceId, slot_start: slot.start, slot_at: slot.at, slot_date: slot.date, slot_time: slot.time, owner: item.owner,
    id_number: item.idNumber, full_name: item.fullName, phone: item.phone, status: item.status,
    cancelled_at: item.status === 'cancelled' ? changedAt : null, updated_at: now, updated_by: 'central' as const,
  };
  if (!local) {
    const row: AppointmentRow = { id: item.id, code: item.code, ...state, booked_at: Date.parse(item.bookedAt), checked_in_at: null, ticket_id: null };
    deps.appointments.insert(row);
    return null;
  }
  if (local.status === 'checked_in') {
    if (item.status === 'booked' && slot.at === local.slot_at) return null; // what the hub had before the check-in
    return `Lịch hẹn ${item.code} đã nhận số tại bộ phận một cửa: không áp dụng thay đổi từ trực tuyến.`;
  }
  if (local.status === 'cancelled') {
    if (item.status === 'cancelled') return null;
    return `Lịch hẹn ${item.code} đã hủy tại bộ phận một cửa: không áp dụng thay đổi từ trực tuyến.`;
  }
  deps.appointments.update(local.id, state);
  return null;
}
