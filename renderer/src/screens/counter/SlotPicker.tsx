import { useId } from 'react';
import { dayText } from './booking-form';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Notice } from '../../ui/Notice';

const DAY_MS = 86_400_000;
/** How far ahead the day list goes: beyond a service's own limit the hub offers no slots, and says so. */
const DAYS_LISTED = 60;
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** The next days from the hub's today, named as a clerk reads them out: "Thứ Tư 09/12/2026". */
function daysFrom(today: string): { value: string; label: string }[] {
  return Array.from({ length: DAYS_LISTED }, (_, i) => {
    const d = new Date(Date.parse(today) + i * DAY_MS);
    const value = d.toISOString().slice(0, 10);
    return { value, label: `${i === 0 ? 'Hôm nay, ' : i === 1 ? 'Ngày mai, ' : ''}${WEEKDAYS[d.getUTCDay()]} ${dayText(value)}` };
  });
}

/**
 * A day and one of its free slots for a service, as the hub offers them to the desk
 * (`appointments.slots`: the desk's own seats only). Native radios: Tab enters the list, the
 * arrow keys move in it, a full slot cannot be chosen.
 */
export function SlotPicker(props: { today: string; serviceId: string; date: string; onDate: (date: string) => void; value: string | null; onPick: (slotStart: string) => void; error?: string }) {
  const { client, changes } = useHub();
  const id = useId();
  const ready = props.serviceId !== '' && /^\d{4}-\d{2}-\d{2}$/.test(props.date);
  const slots = useData(
    () => (ready ? client['appointments.slots']({ serviceId: props.serviceId, date: props.date }) : Promise.resolve([])),
    ['appointments'],
    changes,
    [props.serviceId, props.date],
  );
  const list = slots.data ?? [];
  return (
    <div className="slot-picker">
      <div className="field">
        <label htmlFor={`${id}-date`}>Ngày hẹn</label>
        {/* A list, not the browser's date picker: its order of day and month follows the PC's locale. */}
        <select id={`${id}-date`} value={props.date} onChange={(e) => props.onDate(e.target.value)}>
          {daysFrom(props.today).map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="slot-list" aria-invalid={props.error ? true : undefined}>
        <legend>Giờ hẹn còn chỗ</legend>
        {slots.error ? <Notice kind="error">{slots.error.message}</Notice> : null}
        {ready && slots.data && list.length === 0 ? <p className="muted">Ngày này dịch vụ không nhận lịch hẹn.</p> : null}
        {list.map((s) => (
          <label key={s.start} className={`slot ${s.free === 0 ? 'slot-full' : ''}`}>
            <input type="radio" name={`${id}-slot`} value={s.start} checked={props.value === s.start} disabled={s.free === 0} onChange={() => props.onPick(s.start)} />
            <span className="slot-time">{s.time}</span>
            <span className="slot-free">{s.free === 0 ? 'hết chỗ' : `còn ${s.free}`}</span>
          </label>
        ))}
        {props.error ? <p className="field-error">{props.error}</p> : null}
      </fieldset>
    </div>
  );
}
