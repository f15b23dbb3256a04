import { useEffect, useRef, useState } from 'react';
import type { OpOutput } from '../../../../contract/ops';
import type { PriorityClass } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { languageCodes, languageName, sayer, type Lang } from '../../../../contract/locales';
import { waitWords } from '../../../../contract/locales/wait-words';
import { PriorityPictogram } from '../../ui/pictograms/PriorityPictogram';
import { ServicePictogram } from '../../ui/pictograms/ServicePictogram';
import { ConnectionBanner, Notice } from '../../ui/Notice';
import { Clock } from '../../ui/Clock';
import { SampleMark } from '../../ui/SampleMark';
import { refusalForCitizen } from './kiosk-error';
import { KioskDossierCheck, type ReceiptKeys } from './KioskDossierCheck';
import { KioskProcedures } from './KioskProcedures';
import { KioskCheckIn, type CheckedIn } from './KioskCheckIn';
import { kioskScanOf } from './kiosk-scan';
import type { CheckInInput } from '../../../../contract/appointments';
import { useWedgeScans } from '../../ui/use-wedge-scans';
import { TicketCard } from './TicketCard';
import { usePrintOutcome } from '../../hub/use-print-outcome';
import './check-in.css';

type KioskService = OpOutput<'kiosk.menu'>['services'][number];
type Step =
  | { kind: 'services' }
  | { kind: 'priority'; service: KioskService; choosing: boolean }
  | { kind: 'issuing'; service: KioskService }
  /** `appointmentTime`: the slot of a checked-in booking ("Hẹn 09:00"), null for a walk-in's number. */
  | { kind: 'ticket'; issued: OpOutput<'tickets.issue'>; appointmentTime: string | null }
  /** refusal: the hub's words for the citizen; null: the system is in trouble, go to the help desk. */
  | { kind: 'error'; refusal: string | null }
  /** Self-service beside "Lấy số": look up a procedure's papers. */
  | { kind: 'procedures' }
  /** Check a dossier: `scanned` when the receipt's QR was read, `scanProblem` when a QR was not one; `scan` remounts the page per scan. */
  | { kind: 'dossier'; scanned: ReceiptKeys | null; scanProblem: string | null; scan: number }
  /** "Có lịch hẹn": `scanned` when a booking QR or a CCCD was read; `scan` remounts the page per scan. */
  | { kind: 'checkIn'; scanned: CheckInInput | null; scan: number };

/** Seconds before the kiosk returns to the start by itself. The ticket stays long enough to note. */
const IDLE_SECONDS = 30;
const TICKET_SECONDS = 20;
const UNPRINTED_TICKET_SECONDS = 90;
/** Reading a procedure's papers takes longer than choosing a service; a citizen who walked away leaves nothing on screen after this. */
const SELF_SERVICE_SECONDS = 60;

/**
 * The citizen kiosk: big service tiles, one extra tap for priority, then the number on screen.
 * Made for someone using a touch screen for the first time: few choices per page, large text,
 * every step can go back, and it always returns to the start by itself.
 */
export function KioskScreen() {
  const { client, changes, status } = useHub();
  const menu = useData(() => client['kiosk.menu']({}), ['catalog', 'site', 'queue'], changes);
  const [lang, setLang] = useState<Lang | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'services' });
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastTouch = useRef(Date.now());
  const language: Lang = lang ?? menu.data?.language ?? 'vi';
  const print = usePrintOutcome(client, step.kind === 'ticket' ? (step.issued.print?.jobId ?? null) : null);
  const t = sayer(language);
  const waiting = (n: number) => (n === 0 ? t('kiosk.nobodyWaiting') : t('kiosk.waiting', { n }));

  // Any touch restarts the idle countdown; off the start page, idling returns to the start.
  useEffect(() => {
    const touch = () => (lastTouch.current = Date.now());
    window.addEventListener('pointerdown', touch);
    window.addEventListener('keydown', touch);
    return () => {
      window.removeEventListener('pointerdown', touch);
      window.removeEventListener('keydown', touch);
    };
  }, []);
  useEffect(() => {
    lastTouch.current = Date.now();
    if (step.kind === 'services' || step.kind === 'issuing') {
      setSecondsLeft(null);
      return;
    }
    // Without a printed ticket the number must stay up long enough to be written down.
    const limit = step.kind === 'ticket' ? (print.state === 'printed' ? TICKET_SECONDS : UNPRINTED_TICKET_SECONDS) : step.kind === 'procedures' || step.kind === 'dossier' || step.kind === 'checkIn' ? SELF_SERVICE_SECONDS : IDLE_SECONDS;
    const timer = setInterval(() => {
      const left = limit - Math.floor((Date.now() - lastTouch.current) / 1000);
      if (left <= 0) {
        setStep({ kind: 'services' });
        setLang(null);
      } else setSecondsLeft(left);
    }, 500);
    return () => clearInterval(timer);
  }, [step, print.state]);

  const issue = async (service: KioskService, priority: PriorityClass | null) => {
    setStep({ kind: 'issuing', service });
    try {
      const issued = await client['tickets.issue']({ serviceId: service.id, priorityClassId: priority?.id ?? null, language });
      setStep({ kind: 'ticket', issued, appointmentTime: null });
    } catch (e) {
      const refusal = refusalForCitizen(e);
      if (refusal === null) console.error('taking a number failed', e);
      setStep({ kind: 'error', refusal });
      void menu.reload();
    }
  };

  const choose = (service: KioskService) => {
    if (!service.open) return;
    if (service.priorityMode === 'normal') void issue(service, null);
    else setStep({ kind: 'priority', service, choosing: service.priorityMode === 'priority' });
  };

  // A receipt's QR at the scanner opens its status, a booking's QR or a CCCD checks in, from any
  // page: the citizen need not find the button first.
  useWedgeScans((text) => {
    const read = kioskScanOf(text);
    const scan = Date.now();
    if (read.kind === 'receipt') setStep({ kind: 'dossier', scanned: read.keys, scanProblem: null, scan });
    else if (read.kind === 'checkIn') setStep({ kind: 'checkIn', scanned: read.input, scan });
    else if (step.kind === 'dossier') setStep({ kind: 'dossier', scanned: null, scanProblem: read.receiptProblem, scan });
  });
  const checkedIn = (result: CheckedIn) => setStep({ kind: 'ticket', issued: result.ticket, appointmentTime: result.appointment.slotTime });

  const home = () => {
    setStep({ kind: 'services' });
    setLang(null);
  };

  return (
    <div className="kiosk" lang={language}>
      <header className="kiosk-header">
        <div className="kiosk-site">
          {menu.data?.siteName ?? 'Một Cửa'}
          {menu.data?.sampleData ? <SampleMark /> : null}
        </div>
        <Clock />
        {/* Each other language the site offers, named in itself. */}
        {languageCodes
          .filter((l) => l !== language)
          .map((l) => (
            <button key={l} type="button" className="btn btn-ghost kiosk-lang" onClick={() => setLang(l)} lang={l}>
              {languageName(l)}
            </button>
          ))}
      </header>
      {/* What the citizen can do, not what the machine is doing. */}
      <ConnectionBanner status={status}>{t('kiosk.offline')}</ConnectionBanner>
      <main className="kiosk-main">
        {step.kind === 'services' ? (
          <>
            <h1 className="kiosk-title">{t('kiosk.chooseService')}</h1>
            <p className="kiosk-subtitle">{t('kiosk.touchHint')}</p>
            {menu.data?.takesBookings ? (
              <button type="button" className="kiosk-appointment-entry" onClick={() => setStep({ kind: 'checkIn', scanned: null, scan: 0 })}>
                <span className="kiosk-appointment-name">{t('kiosk.appointmentEntry')}</span>
                <span className="kiosk-appointment-hint">{t('kiosk.appointmentEntryHint')}</span>
              </button>
            ) : null}
            {menu.error && !menu.data ? (
              <Notice kind="error">
                {menu.error.code === 'HUB_UNREACHABLE' ? `${t('kiosk.systemTrouble')}. ${t('kiosk.goToHelpDesk')}` : menu.error.message}
              </Notice>
            ) : null}
            <div className={`kiosk-tiles ${(menu.data?.services.length ?? 0) > 6 ? 'two-columns' : ''}`}>
              {menu.data?.services.map((s) => (
                <button
                  key={s.id}
                  type="button"
                  className={`kiosk-tile ${s.open ? '' : 'closed'}`}
                  onClick={() => choose(s)}
                  aria-disabled={!s.open}
                  aria-label={`${s.texts[language].name}. ${s.open ? waiting(s.waiting) : `${t('kiosk.closed')}. ${s.texts[language].closedReason ?? ''}`}${s.waitEstimate?.kind === 'noCounter' ? ` ${waitWords(language, s.waitEstimate)}` : ''}`}
                >
                  <ServicePictogram icon={s.icon} className="tile-icon" />
                  <span className="tile-prefix" aria-hidden="true">
                    {s.prefix}
                  </span>
                  <span className="tile-text">
                    <span className="tile-name">{s.texts[language].name}</span>
                    <span className="tile-hint">{s.texts[language].hint}</span>
                    <span className="tile-status">{s.open ? waiting(s.waiting) : (s.texts[language].closedReason ?? t('kiosk.closed'))}</span>
                    {s.waitEstimate?.kind === 'noCounter' ? <span className="tile-no-counter">{waitWords(language, s.waitEstimate)}</span> : null}
                  </span>
                </button>
              ))}
            </div>
            <div className="kiosk-self-entries" role="group" aria-label={t('kiosk.selfService')}>
              <button type="button" className="kiosk-choice" onClick={() => setStep({ kind: 'procedures' })}>
                {t('kiosk.lookUpProcedure')}
              </button>
              <button type="button" className="kiosk-choice" onClick={() => setStep({ kind: 'dossier', scanned: null, scanProblem: null, scan: 0 })}>
                {t('kiosk.checkDossier')}
              </button>
            </div>
          </>
        ) : null}

        {step.kind === 'priority' ? (
          <section className="kiosk-priority" aria-labelledby="priority-title">
            <h1 id="priority-title" className="kiosk-title">
              {step.choosing ? t('kiosk.choosePriority') : t('kiosk.priorityQuestion')}
            </h1>
            <p className="kiosk-subtitle">{step.service.texts[language].name}</p>
            {!step.choosing ? (
              <div className="kiosk-choices">
                <button type="button" className="kiosk-choice primary" onClick={() => void issue(step.service, null)}>
                  {t('kiosk.normalTicket')}
                </button>
                <button type="button" className="kiosk-choice" onClick={() => setStep({ ...step, choosing: true })}>
                  {t('kiosk.iAmPriority')}
                </button>
              </div>
            ) : (
              <div className="kiosk-choices">
                {menu.data?.priorityClasses.map((p) => (
                  <button key={p.id} type="button" className="kiosk-choice kiosk-priority-choice" onClick={() => void issue(step.service, p)}>
                    <PriorityPictogram icon={p.icon} className="choice-icon" />
                    <span>{p.texts[language]}</span>
                  </button>
                ))}
              </div>
            )}
            <p className="kiosk-note">{t('kiosk.priorityNote')}</p>
            <button type="button" className="kiosk-back" onClick={() => setStep(step.choosing && step.service.priorityMode !== 'priority' ? { ...step, choosing: false } : { kind: 'services' })}>
              ← {t('kiosk.back')}
            </button>
          </section>
        ) : null}

        {step.kind === 'issuing' ? (
          <p className="kiosk-title" role="status">
            {t('kiosk.issuing')}
          </p>
        ) : null}

        {step.kind === 'ticket' ? (
          <TicketCard
            issued={step.issued}
            appointmentTime={step.appointmentTime}
            print={print}
            lang={language}
            waitText={waitWords(language, step.issued.waitEstimate)}
            onDone={() => {
              setStep({ kind: 'services' });
              setLang(null);
            }}
          />
        ) : null}

        {step.kind === 'procedures' ? <KioskProcedures onHome={home} /> : null}
        {step.kind === 'checkIn' ? (
          <KioskCheckIn key={step.scan} scanned={step.scanned} lang={language} onCheckedIn={checkedIn} onNormal={() => setStep({ kind: 'services' })} onHome={home} />
        ) : null}
        {step.kind === 'dossier' ? <KioskDossierCheck key={step.scan} scanned={step.scanned} scanProblem={step.scanProblem} onHome={home} /> : null}

        {step.kind === 'error' ? (
          <section className="kiosk-error" aria-live="assertive">
            <h1 className="kiosk-title">{step.refusal === null ? t('kiosk.systemTrouble') : t('kiosk.error')}</h1>
            {step.refusal === null ? <p className="kiosk-help-desk">{t('kiosk.goToHelpDesk')}</p> : <Notice kind="error">{step.refusal}</Notice>}
            <button type="button" className="kiosk-choice primary" onClick={() => setStep({ kind: 'services' })}>
              ← {t('kiosk.back')}
            </button>
          </section>
        ) : null}
      </main>
      <footer className="kiosk-footer">
        <span>{t('kiosk.help')}</span>
        {secondsLeft !== null && secondsLeft <= 15 ? <span className="kiosk-countdown">{t('kiosk.returnsIn', { s: secondsLeft })}</span> : null}
      </footer>
    </div>
  );
}
