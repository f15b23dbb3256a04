import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Appointment } from '../../../../contract/appointments';
import { formProblemOf, type Problem } from '../../hub/problem';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { Dialog } from '../admin/Dialog';
import { Field } from '../admin/Field';
import { ProblemNotice } from '../dossier/ProblemNotice';
import { bookingFieldNames, dayText, keepFunctionKeys, spelledCode } from './booking-form';
import { SlotPicker } from './SlotPicker';

const FIELDS = ['serviceId', 'slotStart', 'idNumber', 'fullName', 'phone'];

/**
 * A booking taken over the phone: service → day → free slot → the caller's ID number, name and
 * phone → the code to read out. The hub books into the desk's own seats (docs/APPOINTMENTS.md),
 * so this works with the internet down. Everything is reachable by Tab, Enter books, Esc closes.
 */
export function PhoneBookingDialog(props: { today: string; onClose: () => void }) {
  const { client, changes } = useHub();
  const catalog = useData(() => client['catalog.get']({}), ['catalog'], changes);
  const services = (catalog.data?.services ?? []).filter((s) => s.active);
  const [serviceId, setServiceId] = useState('');
  const [date, setDate] = useState(props.today);
  const [slotStart, setSlotStart] = useState<string | null>(null);
  const [idNumber, setIdNumber] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fields, setFields] = useState<Readonly<Record<string, string>>>({});
  const [refused, setRefused] = useState(0);
  const box = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLDivElement>(null);
  // The form gives way to the code: the focus goes to "Xong", so Enter or Esc still close the dialog.
  useEffect(() => {
    if (booked) done.current?.querySelector('button')?.focus();
  }, [booked]);
  useEffect(() => {
    if (refused > 0) box.current?.querySelector<HTMLElement>('[aria-invalid=true] input, input[aria-invalid=true], select[aria-invalid=true]')?.focus();
  }, [refused]);
  // The first service is chosen for the clerk: one fewer step on a call.
  if (serviceId === '' && services[0]) setServiceId(services[0].id);

  const book = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const a = await client['appointments.book']({ serviceId, slotStart: slotStart ?? '', idNumber, fullName, phone: phone.trim() === '' ? null : phone });
      setBooked(a);
      setProblem(null);
      setFields({});
    } catch (err) {
      const found = formProblemOf(err, 'Chưa đặt được lịch hẹn. Vui lòng thử lại.', bookingFieldNames, FIELDS);
      setProblem(found.problem);
      setFields(found.fields);
      setRefused((n) => n + 1);
    }
  };
  const again = () => {
    setBooked(null);
    setSlotStart(null);
    setIdNumber('');
    setFullName('');
    setPhone('');
  };

  return (
    <Dialog title="Đặt lịch hẹn qua điện thoại" className="booking-dialog" onClose={props.onClose}>
      <div onKeyDown={keepFunctionKeys}>
        {booked ? (
          <div className="booking-done" aria-live="assertive">
            <p>Đã đặt lịch hẹn. Đọc mã cho công dân:</p>
            <p className="booking-done-code" data-testid="booked-code" aria-label={`Mã lịch hẹn ${spelledCode(booked.code)}`}>
              {booked.code}
            </p>
            <p>
              {booked.serviceName} · <strong>{booked.slotTime}</strong> ngày {dayText(booked.slotDate)} · {booked.fullName}
            </p>
            <p className="muted">Công dân đưa mã này (hoặc quét căn cước) ở kiosk khi đến; hủy hoặc đổi giờ cần mã và số định danh.</p>
            <div ref={done} className="dialog-actions">
              <Button variant="primary" onClick={props.onClose}>
                Xong
              </Button>
              <Button onClick={again}>Đặt lịch khác</Button>
            </div>
          </div>
        ) : (
          <form ref={box} className="booking-form" noValidate onSubmit={(e) => void book(e)}>
            <Field
              kind="select"
              label="Dịch vụ"
              value={serviceId}
              options={services.map((s) => ({ value: s.id, label: s.name }))}
              onChange={(v) => {
                setServiceId(v);
                setSlotStart(null);
              }}
              error={fields.serviceId}
            />
            <SlotPicker
              today={props.today}
              serviceId={serviceId}
              date={date}
              onDate={(d) => {
                setDate(d);
                setSlotStart(null);
              }}
              value={slotStart}
              onPick={setSlotStart}
              error={fields.slotStart}
            />
            <div className="booking-person">
              <Field kind="text" label="Số định danh (CCCD)" inputMode="numeric" maxLength={12} value={idNumber} onChange={setIdNumber} error={fields.idNumber} />
              <Field kind="text" label="Họ và tên" maxLength={100} value={fullName} onChange={setFullName} error={fields.fullName} />
              <Field kind="text" label="Số điện thoại" inputMode="numeric" maxLength={13} value={phone} onChange={setPhone} error={fields.phone} />
            </div>
            {problem ? <ProblemNotice problem={problem} /> : null}
            <div className="dialog-actions">
              <Button variant="primary" type="submit">
                Đặt lịch
              </Button>
              <Button onClick={props.onClose}>Đóng (Esc)</Button>
            </div>
          </form>
        )}
      </div>
    </Dialog>
  );
}
