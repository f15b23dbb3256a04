import { useState, type ReactNode } from 'react';
import type { OpOutput } from '../../../../contract/ops';
import type { Ticket } from '../../../../contract/queue';
import { Button } from '../../ui/Button';
import { hhmm, minutesSince } from '../../ui/format';

type State = OpOutput<'counter.state'>;
type Tab = 'waiting' | 'skipped' | 'served';

/** Waiting counts per service, today's bookings (`appointments`), and the waiting / absent / served lists of this counter. */
export function QueueLists(props: { state: State; onReturn: (t: Ticket) => void; appointments: ReactNode }) {
  const [tab, setTab] = useState<Tab>('waiting');
  const { state } = props;
  const lists: Record<Tab, { title: string; items: Ticket[] }> = {
    waiting: { title: 'Đang chờ', items: state.waiting },
    skipped: { title: 'Vắng mặt', items: state.skipped },
    served: { title: 'Đã phục vụ', items: state.served },
  };
  const now = Date.now();
  return (
    <aside className="queue-side" aria-label="Hàng chờ">
      <table className="queue-counts">
        <caption>Số người đang chờ theo dịch vụ</caption>
        <tbody>
          {state.queue.map((q) => (
            <tr key={q.serviceId}>
              <th scope="row">
                <span className="prefix">{q.prefix}</span> {q.name}
              </th>
              <td>
                {q.waiting}
                {q.waitingPriority > 0 ? <span className="muted"> ({q.waitingPriority} ưu tiên)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.appointments}
      <div className="tabs" role="tablist" aria-label="Danh sách số">
        {(Object.keys(lists) as Tab[]).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)}>
            {lists[k].title} ({lists[k].items.length})
          </button>
        ))}
      </div>
      <ul className="ticket-list" role="tabpanel" aria-label={lists[tab].title}>
        {lists[tab].items.slice(0, 60).map((t) => (
          <li key={t.id}>
            <span className="code">{t.displayCode}</span>
            <span className="svc">
              {t.serviceName}
              {t.priorityLabel ? <span className="badge badge-priority">ưu tiên</span> : null}
              <AppointmentBadge ticket={t} />
            </span>
            <span className="time">
              {tab === 'waiting' ? `chờ ${minutesSince(t.queueEnteredAt, now)} phút` : tab === 'served' && t.finishedAt ? hhmm(Date.parse(t.finishedAt)) : ''}
            </span>
            {tab === 'skipped' ? (
              <Button onClick={() => props.onReturn(t)} aria-label={`Đưa số ${t.displayCode} lại hàng chờ`}>
                Đưa lại hàng chờ
              </Button>
            ) : null}
          </li>
        ))}
        {lists[tab].items.length === 0 ? <li className="empty">Không có số nào</li> : null}
      </ul>
    </aside>
  );
}

/** A checked-in booking's number, marked with its slot as the hub gives it: "Hẹn 09:00". */
export function AppointmentBadge(props: { ticket: Ticket }) {
  return props.ticket.appointmentTime ? <span className="badge badge-appointment">Hẹn {props.ticket.appointmentTime}</span> : null;
}
