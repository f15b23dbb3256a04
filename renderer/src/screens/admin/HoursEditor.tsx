import type { WeeklyHours } from '../../../../contract/queue';
import { Button } from '../../ui/Button';
import { Field } from './Field';
import { X } from 'lucide-react';

/** Index 0 = Chủ nhật, as in the contract; shown Monday first, as a Vietnamese week is read. */
const dayNames = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const shownOrder = [1, 2, 3, 4, 5, 6, 0];
const MAX_WINDOWS = 6;

/** "hours.1.0.from" → "Thứ Hai, khung 1, giờ bắt đầu", for the hub's validation messages. */
export function hoursPathLabel(path: string, field: string): string | undefined {
  const [head, day, window, end] = path.split('.');
  if (head !== field || day === undefined) return undefined;
  const parts = [dayNames[Number(day)] ?? `ngày ${day}`];
  if (window !== undefined) parts.push(`khung ${Number(window) + 1}`);
  if (end === 'from') parts.push('giờ bắt đầu');
  if (end === 'to') parts.push('giờ kết thúc');
  return parts.join(', ');
}

/**
 * A week of opening windows: each day has up to six from–to windows (HH:MM; the end may be
 * 24:00), added and removed one by one; Monday's windows can be copied to Tuesday–Friday.
 * Times are free text, not the browser's time picker, which cannot say 24:00.
 */
export function HoursEditor(props: {
  value: WeeklyHours;
  onChange: (v: WeeklyHours) => void;
  label: string;
  /** What a day without windows means here: no numbers issued (the default), a day off in a working calendar… */
  emptyDayLabel?: string;
}) {
  const setDay = (day: number, windows: WeeklyHours[number]) => props.onChange(props.value.map((w, i) => (i === day ? windows : w)));
  return (
    <fieldset className="hours">
      <legend>{props.label}</legend>
      <div className="hours-tools">
        <Button onClick={() => props.onChange(props.value.map((w, i) => (i >= 2 && i <= 5 ? props.value[1].map((x) => ({ ...x })) : w)))}>
          Chép giờ Thứ Hai cho Thứ Ba – Thứ Sáu
        </Button>
      </div>
      <table className="hours-table">
        <tbody>
          {shownOrder.map((day) => {
            const windows = props.value[day];
            return (
              <tr key={day}>
                <th scope="row">{dayNames[day]}</th>
                <td>
                  <div className="hours-windows">
                    {windows.length === 0 ? <span className="hours-closed">{props.emptyDayLabel ?? 'Không nhận số'}</span> : null}
                    {windows.map((w, i) => {
                      const where = `${dayNames[day]}, khung ${i + 1}, `;
                      const change = (patch: Partial<typeof w>) => setDay(day, windows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                      return (
                        <div className="hours-window" key={i}>
                          <Field kind="text" className="field-time" label={<><span className="visually-hidden">{where}</span>Từ</>} value={w.from} maxLength={5} inputMode="numeric" placeholder="07:00" onChange={(from) => change({ from })} />
                          <Field kind="text" className="field-time" label={<><span className="visually-hidden">{where}</span>Đến</>} value={w.to} maxLength={5} inputMode="numeric" placeholder="11:30" onChange={(to) => change({ to })} />
                          <Button variant="ghost" className="hours-remove" aria-label={`Xóa ${where.slice(0, -2)}`} onClick={() => setDay(day, windows.filter((_, j) => j !== i))}>
                            <X aria-hidden="true" />
                          </Button>
                        </div>
                      );
                    })}
                    {windows.length < MAX_WINDOWS ? (
                      <Button variant="ghost" className="hours-add" aria-label={`Thêm khung giờ ${dayNames[day]}`} onClick={() => setDay(day, [...windows, nextWindow(windows)])}>
                        + Thêm khung giờ
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}

/** A sensible next window: mornings first, then the afternoon after the last one. */
function nextWindow(windows: WeeklyHours[number]): WeeklyHours[number][number] {
  if (windows.length === 0) return { from: '07:30', to: '11:30' };
  return windows[windows.length - 1].to < '13:00' ? { from: '13:30', to: '17:00' } : { from: '17:00', to: '20:00' };
}
