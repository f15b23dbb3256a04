import { sayer, type Lang } from '../../contract/locales';
import { waitWords } from '../../contract/locales/wait-words';
import type { TicketStatus, WaitEstimate } from '../../contract/queue';

/** Where a ticket stands, for the citizen holding it (the page behind the ticket's QR). */
export type CitizenTicketStage = 'waiting' | 'called' | 'serving' | 'finished' | 'missed' | 'cancelled' | 'moved' | 'other_day';

export interface CitizenTicketView {
  readonly stage: CitizenTicketStage;
  readonly headline: string;
  readonly detail: string | null;
  /** For a waiting ticket whose service no counter serves now: the hub's words, shown apart from `detail`. */
  readonly notice: string | null;
}

/**
 * What the citizen's page says of a ticket, in the words of the desk's own announcements ("Mời
 * công dân … đến quầy số 3"): the officer's status names (chờ, đang gọi, vắng mặt) mean little to
 * the person holding the paper. A ticket is good for its own day only. In the ticket's language.
 */
export function citizenTicketView(t: {
  status: TicketStatus; serviceDate: string; today: string; peopleAhead: number | null; counterNumber: number | null;
  /** The hub's wait estimate for a waiting ticket: with no counter open the page says so. */
  wait?: WaitEstimate | null;
  lang?: Lang;
}): CitizenTicketView {
  const lang = t.lang ?? 'vi';
  const view = stageView(t, lang);
  // "Còn 3 người trước" reads as progress; with no counter open nobody is being called, so say so apart.
  return { ...view, notice: view.stage === 'waiting' && t.wait?.kind === 'noCounter' ? waitWords(lang, t.wait) : null };
}

function stageView(t: { status: TicketStatus; serviceDate: string; today: string; peopleAhead: number | null; counterNumber: number | null }, lang: Lang): Omit<CitizenTicketView, 'notice'> {
  const w = sayer(lang);
  if (t.serviceDate !== t.today && t.status !== 'finished') {
    const [y, m, d] = t.serviceDate.split('-');
    return { stage: 'other_day', headline: w('status.otherDay', { date: `${d}/${m}/${y}` }), detail: w('status.otherDayDetail') };
  }
  const counter = t.counterNumber;
  switch (t.status) {
    case 'waiting':
      return { stage: 'waiting', headline: t.peopleAhead === 0 ? w('status.next') : w('status.ahead', { n: t.peopleAhead ?? '?' }), detail: w('status.waitingDetail') };
    case 'called':
      return { stage: 'called', headline: counter === null ? w('status.yourTurn') : w('status.goToCounter', { counter }), detail: w('status.calledDetail') };
    case 'serving':
      return { stage: 'serving', headline: counter === null ? w('status.serving') : w('status.servingAt', { counter }), detail: null };
    case 'finished':
      return { stage: 'finished', headline: w('status.finished'), detail: w('status.finishedDetail') };
    case 'skipped':
      return { stage: 'missed', headline: w('status.missed'), detail: w('status.missedDetail') };
    case 'cancelled':
      return { stage: 'cancelled', headline: w('status.cancelled'), detail: w('status.cancelledDetail') };
    case 'redirected':
      return { stage: 'moved', headline: w('status.moved'), detail: w('status.movedDetail') };
  }
}
