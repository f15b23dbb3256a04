import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Appointment, BookingKey } from '../../../../contract/appointments';
import { problemOf, type Problem } from '../../hub/problem';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { Dialog } from '../admin/Dialog';
import { Field } from '../admin/Field';
import { ProblemNotice } from '../dossier/ProblemNotice';
import { bookingFieldNames, dayText, keepFunctionKeys } from './booking-form';
import { SlotPicker } from './SlotPicker';

const statusText: Record<Appointment['status'], string> = { booked: 'Đã đặt', cancelled: 'Đã hủy', checked_in: 'Đã đến, đã lấy số' };

/**
 * A caller's booking found by its code and the ID number that booked it, then cancelled or moved
 * to another free slot of the same service. The hub says what may be done (a checked-in or
 * cancelled booking is final); this dialog shows its answer and its refusals.
 */
export function BookingLookupDialog(props: { today: string; onClose: () => void }) {
  const { client } = useHub();
  const [key, setKey] = useState<BookingKey>({ code: '', idNumber: '' });
  const [found, setFound] = useState<Appointment | null>(null);
  const [mode, setMode] = useState<'view' | 'move' | 'cancel'>('view');
  const [date, setDate] = useState(props.today);
  const [slotStart, setSlotStart] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A button pressed goes away with its step (move, cancel): the focus goes to the next step's
  // first button, or "Đóng", so the keyboard and Esc keep working in the dialog.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current?.contains(document.activeElement)) return;
    const next = box.current?.querySelector<HTMLElement>('.booking-found [data-autofocus], .booking-found button, .booking-close button');
    next?.focus();
  }, [found, mode, done]);

  const act = async (what: () => Promise<Appointment>, success: (a: Appointment) => string) => {
    try {
      const a = await what();
      setFound(a);
      setMode('view');
      setProblem(null);
      setDone(success(a));
    } catch (e) {
      setProblem(problemOf(e, 'Không thực hiện được. Vui lòng thử lại.', bookingFieldNames));
      setDone(null);
    }
  };
  const find = (e: FormEvent) => {
    e.preventDefault();
    setFound(null);
    void act(() => client['appointments.find'](key), () => '');
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    void act(() => client['appointments.move']({ ...key, slotStart: slotStart ?? '' }), (a) => `Đã đổi sang ${a.slotTime} ngày ${dayText(a.slotDate)}.`);
  };

  return (
    <Dialog title="Tra cứu, hủy hoặc đổi lịch hẹn" className="booking-dialog" onClose={props.onClose}>
      <div ref={box} onKeyDown={keepFunctionKeys}>
        <form className="booking-key" noValidate onSubmit={find}>
          <Field kind="text" label="Mã lịch hẹn" maxLength={6} value={key.code} onChange={(code) => setKey({ ...key, code: code.toUpperCase() })} />
          <Field kind="text" label="Số định danh" inputMode="numeric" maxLength={12} value={key.idNumber} onChange={(idNumber) => setKey({ ...key, idNumber })} />
          <Button variant={found ? 'secondary' : 'primary'} type="submit">
            Tìm
          </Button>
        </form>
        <ProblemNotice problem={problem} />
        {found ? (
          <section className="booking-found" aria-label="Lịch hẹn tìm được">
            <dl className="booking-facts">
              <div><dt>Mã</dt><dd>{found.code}</dd></div>
              <div><dt>Dịch vụ</dt><dd>{found.serviceName}</dd></div>
              <div><dt>Giờ hẹn</dt><dd>{found.slotTime} ngày {dayText(found.slotDate)}</dd></div>
              <div><dt>Người đặt</dt><dd>{found.fullName}</dd></div>
              <div><dt>Trạng thái</dt><dd>{found.noShow ? 'Không đến (quá giờ)' : statusText[found.status]}</dd></div>
            </dl>
            {done ? <Notice kind="success">{done}</Notice> : null}
            {mode === 'move' ? (
              <form className="booking-form" noValidate onSubmit={move}>
                <SlotPicker today={props.today} serviceId={found.serviceId} date={date} onDate={setDate} value={slotStart} onPick={setSlotStart} />
                <div className="dialog-actions">
                  <Button variant="primary" type="submit" disabled={slotStart === null}>
                    Đổi sang giờ này
                  </Button>
                  <Button onClick={() => setMode('view')}>Thôi</Button>
                </div>
              </form>
            ) : mode === 'cancel' ? (
              <div className="dialog-actions" role="group" aria-label="Xác nhận hủy">
                <span>Hủy lịch hẹn {found.code}?</span>
                <Button variant="danger" onClick={() => void act(() => client['appointments.cancel'](key), () => 'Đã hủy lịch hẹn.')}>
                  Hủy lịch hẹn
                </Button>
                <Button data-autofocus onClick={() => setMode('view')}>
                  Không hủy
                </Button>
              </div>
            ) : found.status === 'booked' && !found.noShow ? (
              <div className="dialog-actions">
                <Button onClick={() => setMode('move')}>Đổi giờ</Button>
                <Button variant="danger" onClick={() => setMode('cancel')}>
                  Hủy lịch…
                </Button>
              </div>
            ) : null}
          </section>
        ) : null}
        <div className="dialog-actions booking-close">
          <Button onClick={props.onClose}>Đóng (Esc)</Button>
        </div>
      </div>
    </Dialog>
  );
}
