import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpOutput } from '../../../../contract/ops';
import type { DeskAction, Ticket } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { ChoiceDialog, type Choice } from '../../ui/ChoiceDialog';
import { hhmm, minutesSince } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useAppointmentsToday } from '../appointments/use-appointments-today';
import { AppointmentsPanel } from './AppointmentsPanel';
import { AbsentListDialog, CloseWarningDialog } from './CareDialogs';
import { AppointmentBadge, QueueLists } from './QueueLists';
import { UndoBar } from './UndoBar';

type State = OpOutput<'counter.state'>;
type Dialog = 'callFromService' | 'transfer' | 'redirect' | 'callSpecific' | 'printJobs' | 'closeWarning' | 'absentList' | null;

/** What each desk action does here; which are available, their keys and labels come from the hub. */
type Exec = () => Promise<State | null | void>;

/**
 * The desk: the current ticket with the reason it was called, and every action as a button
 * with its F-key. The hub's action list drives both the buttons and the keyboard, so they cannot
 * disagree with each other nor with what the hub accepts.
 */
export function CounterDesk(props: { state: State; reload: () => Promise<State | null>; onIntake: (ticket: Ticket) => void }) {
  const { client, changes } = useHub();
  const catalog = useData(() => client['catalog.get']({}), ['catalog'], changes);
  const printJobs = useData(() => client['print.jobs']({}), ['printers'], changes);
  const held = (printJobs.data ?? []).filter((j) => j.status === 'held');
  const appointments = useAppointmentsToday();
  const { state, reload } = props;
  const reloadDesk = useCallback(() => void reload(), [reload]);
  const current = state.current?.ticket ?? null;
  const paused = state.session?.paused ?? false;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info' | 'success'; text: string } | null>(null);
  const [closeWarning, setCloseWarning] = useState<OpOutput<'counter.closeCheck'> | null>(null);

  /** Runs one operation, shows its outcome, then reloads the desk. */
  const perform = async (label: string, action: () => Promise<unknown>, success?: (r: unknown) => string | null) => {
    try {
      const r = await action();
      const text = success?.(r) ?? null;
      setMessage(text ? { kind: 'success', text } : null);
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof HubError ? e.message : `Không thực hiện được: ${label}` });
    }
    return props.reload();
  };

  const callResult = (r: unknown) => {
    const res = r as OpOutput<'counter.callNext'>;
    return res.ticket ? null : res.reason.text;
  };

  /** What each action does, for the state it is judged against. */
  const execFor = (s: State, action: DeskAction): Exec => {
    const cur = s.current?.ticket;
    const onTicket = (f: (t: Ticket) => Exec): Exec => (cur ? f(cur) : async () => undefined);
    switch (action) {
      case 'callNext': return () => perform('gọi số', () => client['counter.callNext']({}), callResult);
      case 'recall': return onTicket((t) => () => perform('gọi lại', () => client['counter.recall']({ ticketId: t.id })));
      case 'start': return onTicket((t) => () => perform('bắt đầu', () => client['counter.start']({ ticketId: t.id })));
      case 'finish': return onTicket((t) => () => perform('kết thúc', () => client['counter.finish']({ ticketId: t.id }), () => `Đã kết thúc số ${t.displayCode}.`));
      // The undo bar says what was done, with its Ctrl+Z: no second message.
      case 'skip': return onTicket((t) => () => perform('vắng mặt', () => client['counter.skip']({ ticketId: t.id })));
      case 'transfer': return async () => setDialog('transfer');
      case 'redirect': return async () => setDialog('redirect');
      case 'callSpecific': return async () => setDialog('callSpecific');
      case 'pause': return () => perform('tạm dừng', () => client['counter.setPaused']({ paused: true }));
      case 'resume': return () => perform('tiếp tục', () => client['counter.setPaused']({ paused: false }));
      case 'callFromService': return async () => setDialog('callFromService');
      case 'reprint': return onTicket((t) => () => perform('in lại phiếu', () => client['print.reprintTicket']({ ticketId: t.id }), () => `Đã gửi lệnh in lại phiếu số ${t.displayCode}.`));
      case 'intake': return onTicket((t) => async () => props.onIntake(t));
      case 'absentList': return async () => setDialog('absentList');
      case 'printJobs': return async () => setDialog('printJobs');
    }
  };

  // Keys and clicks go through one queue: each waits for the previous action and its reload, then
  // is judged against the freshest state. A fast officer's F4 then F1 is never dropped, and a
  // bouncing or auto-repeating key (the same key again within 250 ms) does not call two tickets.
  const latest = useRef(state);
  latest.current = state;
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const lastPress = useRef({ key: '', at: 0 });
  const trigger = (key: string) => {
    const now = Date.now();
    if (lastPress.current.key === key && now - lastPress.current.at < 250) return;
    lastPress.current = { key, at: now };
    queue.current = queue.current.then(async () => {
      const action = latest.current.actions.find((a) => a.key === key);
      if (!action?.enabled) return;
      const fresh = await execFor(latest.current, action.action)();
      if (fresh) latest.current = fresh;
    });
  };
  const undo = () => {
    const offered = latest.current.undo;
    if (offered) run('hoàn tác', () => client['counter.undo']({ ticketId: offered.ticketId }), () => `Đã hoàn tác: số ${offered.displayCode} trở lại quầy.`);
  };
  const run = (label: string, action: () => Promise<unknown>, success?: (r: unknown) => string | null) => {
    queue.current = queue.current.then(async () => {
      const fresh = await perform(label, action, success);
      if (fresh) latest.current = fresh;
    });
  };

  // Registered before paint, so a key pressed the moment the desk appears is not lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog) return;
      // Ctrl+Z in a text field is the field's own undo of typing.
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && latest.current.undo && !typing) {
        e.preventDefault();
        undo();
        return;
      }
      const name = `${e.shiftKey ? 'Shift+' : ''}${e.key}`;
      if (!latest.current.actions.some((x) => x.key === name)) return;
      e.preventDefault(); // F-keys would otherwise reload, open help or the menu bar
      trigger(name);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const returnToQueue = (t: Ticket) => run('đưa lại hàng chờ', () => client['tickets.returnToQueue']({ ticketId: t.id }), () => `Đã đưa số ${t.displayCode} lại hàng chờ.`);

  // The hub says whether closing leaves people with no counter; the officer may close anyway.
  const closeCounter = () =>
    run('đóng quầy', async () => {
      const check = await client['counter.closeCheck']({});
      if (check.warning === null) return client['counter.close']({});
      setCloseWarning(check);
      setDialog('closeWarning');
    });

  const counter = state.counter!;
  const services = catalog.data?.services.filter((s) => s.active) ?? [];
  const serviceChoices: Choice<string>[] = services.map((s) => ({ value: s.id, label: s.name, detail: `tiền tố ${s.prefix}` }));
  const ownServices: Choice<string>[] = counter.skills
    .map((k) => services.find((s) => s.id === k.serviceId))
    .filter((s): s is NonNullable<typeof s> => s !== undefined)
    .map((s) => ({ value: s.id, label: s.name, detail: `${state.queue.find((q) => q.serviceId === s.id)?.waiting ?? 0} người chờ` }));
  const counterChoices: Choice<string>[] = (catalog.data?.counters ?? [])
    .filter((c) => c.active && c.id !== counter.id)
    .map((c) => ({ value: c.id, label: c.label, detail: `quầy số ${c.number}` }));

  return (
    <div className="desk">
      <section className="desk-main" aria-label="Số đang phục vụ">
        <div className="desk-counter">
          <span className="desk-counter-name">{counter.label}</span>
          {paused ? <span className="badge badge-warning">Đang tạm dừng</span> : <span className="badge badge-ok">Đang làm việc</span>}
          <Button variant="ghost" onClick={closeCounter}>
            Đóng quầy
          </Button>
        </div>
        {current ? (
          <div className={`current current-${current.status}`} aria-live="polite">
            <div className="current-code" data-testid="current-code">
              {current.displayCode}
            </div>
            <div className="current-facts">
              <div className="current-service">
                {current.serviceName}
                {current.priorityLabel ? <span className="badge badge-priority">Ưu tiên: {current.priorityLabel}</span> : null}
                <AppointmentBadge ticket={current} />
              </div>
              <div className="current-status">{state.current!.statusText}</div>
              {state.current?.reason ? (
                <div className="current-reason" data-testid="call-reason">
                  Lý do gọi: {state.current.reason.text}
                </div>
              ) : null}
              <div className="current-times">
                Lấy số {hhmm(Date.parse(current.issuedAt))}
                {current.calledAt ? ` · gọi lúc ${hhmm(Date.parse(current.calledAt))}` : ''}
                {current.recallCount > 0 ? ` · đã gọi lại ${current.recallCount} lần` : ''}
              </div>
            </div>
          </div>
        ) : (
          // The undo is offered only while the desk is free, so it takes the empty panel's place:
          // the buttons below do not move when it comes and goes.
          <div className={`current current-empty ${state.undo ? 'with-undo' : ''}`}>
            {state.undo ? <UndoBar undo={state.undo} onUndo={undo} onExpired={reloadDesk} /> : null}
            <p>{paused ? 'Quầy đang tạm dừng. Nhấn F10 để tiếp tục.' : 'Chưa có số nào. Nhấn F1 để gọi số tiếp theo.'}</p>
          </div>
        )}
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {held.length > 0 ? (
          <div className="print-alert" role="alert">
            <span>
              ⚠ {held.length} phiếu chưa in được — {held[0]!.printerName}: {held[0]!.error}
            </span>
            <Button shortcut="Shift+F10" onClick={() => trigger('Shift+F10')}>
              Xem và in lại
            </Button>
          </div>
        ) : null}
        <div className="desk-actions" role="toolbar" aria-label="Thao tác">
          {state.actions.map((a) => (
            <Button key={a.key} shortcut={a.key} variant={a.variant} disabled={!a.enabled} onClick={() => trigger(a.key)}>
              {a.label}
            </Button>
          ))}
        </div>
      </section>

      <QueueLists state={state} onReturn={returnToQueue} appointments={<AppointmentsPanel today={appointments.data} error={appointments.error?.message ?? null} />} />

      {dialog === 'callFromService' ? (
        <ChoiceDialog
          title="Gọi số tiếp theo của dịch vụ"
          choices={ownServices}
          onCancel={() => setDialog(null)}
          onPick={(serviceId) => {
            setDialog(null);
            run('gọi số', () => client['counter.callNext']({ serviceId }), callResult);
          }}
        />
      ) : null}
      {dialog === 'transfer' && current ? (
        <ChoiceDialog
          title={`Chuyển số ${current.displayCode} (giữ nguyên thứ tự chờ) đến`}
          choices={[...serviceChoices.map((c) => ({ ...c, value: `service:${c.value}`, label: `Dịch vụ ${c.label}` })), ...counterChoices.map((c) => ({ ...c, value: `counter:${c.value}`, label: `${c.label}` }))]}
          onCancel={() => setDialog(null)}
          onPick={(target) => {
            setDialog(null);
            const [kind, id] = target.split(':') as ['service' | 'counter', string];
            run('chuyển', () => client['counter.transfer']({ ticketId: current.id, ...(kind === 'service' ? { serviceId: id } : { counterId: id }) }));
          }}
        />
      ) : null}
      {dialog === 'redirect' && current ? (
        <ChoiceDialog
          title={`Chuyển số ${current.displayCode} sang dịch vụ khác (xếp cuối hàng, giữ số)`}
          choices={serviceChoices.filter((c) => c.value !== current.serviceId)}
          onCancel={() => setDialog(null)}
          onPick={(serviceId) => {
            setDialog(null);
            run('chuyển dịch vụ', () => client['counter.redirect']({ ticketId: current.id, serviceId }), () => `Số ${current.displayCode} đã được xếp vào hàng chờ dịch vụ mới.`);
          }}
        />
      ) : null}
      {dialog === 'printJobs' ? (
        <ChoiceDialog
          title="Lệnh in đang giữ — chọn để in lại (sau khi đã xử lý máy in), hoặc ghi nhận phiếu đã ra giấy"
          choices={held.flatMap((j) => [
            { value: { jobId: j.id, markPrinted: false }, label: `In lại: ${j.title}`, detail: `${j.printerName}: ${j.error ?? ''}` },
            // Only the hub knows whether the paper may have come out; it says so per job.
            ...(j.outcomeUnknown ? [{ value: { jobId: j.id, markPrinted: true }, label: `Đã ra giấy: ${j.title}`, detail: 'Ghi nhận phiếu đã in, không in lại' }] : []),
          ])}
          onCancel={() => setDialog(null)}
          onPick={({ jobId, markPrinted }) => {
            setDialog(null);
            if (markPrinted) run('ghi nhận đã in', () => client['print.markPrinted']({ jobId }), () => 'Đã ghi nhận phiếu đã in.');
            else run('in lại', () => client['print.retry']({ jobId }), () => 'Đã gửi lệnh in lại.');
          }}
        />
      ) : null}
      {dialog === 'closeWarning' && closeWarning?.warning ? (
        <CloseWarningDialog
          warning={closeWarning.warning}
          onCancel={() => setDialog(null)}
          onClose={() => {
            setDialog(null);
            run('đóng quầy', () => client['counter.close']({}));
          }}
        />
      ) : null}
      {dialog === 'absentList' ? (
        <AbsentListDialog
          skipped={state.skipped}
          onCancel={() => setDialog(null)}
          onPick={(t) => {
            setDialog(null);
            returnToQueue(t);
          }}
        />
      ) : null}
      {dialog === 'callSpecific' ? (
        <ChoiceDialog
          title="Gọi số chỉ định (được ghi nhật ký)"
          filter={{ label: 'Tìm số', placeholder: 'Gõ số, ví dụ A015' }}
          choices={state.waiting.map((t) => ({ value: t.id, label: t.displayCode, detail: `${t.serviceName}${t.priorityLabel ? ' · ưu tiên' : ''} · chờ ${minutesSince(t.queueEnteredAt, Date.now())} phút` }))}
          onCancel={() => setDialog(null)}
          onPick={(ticketId) => {
            setDialog(null);
            run('gọi số chỉ định', () => client['counter.callSpecific']({ ticketId }), callResult);
          }}
        />
      ) : null}
    </div>
  );
}
