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
 * the person holding the paper. A ticket is good for its own day only.
 */
export function citizenTicketView(t: {
  status: TicketStatus; serviceDate: string; today: string; peopleAhead: number | null; counterNumber: number | null;
  /** The hub's wait estimate for a waiting ticket: with no counter open the page says so. */
  wait?: WaitEstimate | null;
}): CitizenTicketView {
  const view = stageView(t);
  // "Còn 3 người trước" reads as progress; with no counter open nobody is being called, so say so apart.
  return { ...view, notice: view.stage === 'waiting' && t.wait?.kind === 'noCounter' ? t.wait.text : null };
}

function stageView(t: { status: TicketStatus; serviceDate: string; today: string; peopleAhead: number | null; counterNumber: number | null }): Omit<CitizenTicketView, 'notice'> {
  if (t.serviceDate !== t.today && t.status !== 'finished') {
    const [y, m, d] = t.serviceDate.split('-');
    return { stage: 'other_day', headline: `Phiếu của ngày ${d}/${m}/${y}`, detail: 'Số thứ tự chỉ dùng trong ngày lấy số. Mời Ông/Bà lấy số mới tại kiosk.' };
  }
  // A no-break space keeps "số 3" together on a narrow phone.
  const at = t.counterNumber === null ? 'tại quầy' : `tại quầy số\u00a0${t.counterNumber}`;
  switch (t.status) {
    case 'waiting':
      return {
        stage: 'waiting',
        headline: t.peopleAhead === 0 ? 'Ông/Bà là người tiếp theo' : `Còn ${t.peopleAhead ?? '?'} người trước Ông/Bà`,
        detail: 'Trang này tự cập nhật. Khi đến lượt, số của Ông/Bà hiện ở đây, trên màn hình phòng chờ và được đọc qua loa.',
      };
    case 'called':
      return { stage: 'called', headline: t.counterNumber === null ? 'Đến lượt Ông/Bà' : `Mời đến quầy số\u00a0${t.counterNumber}`, detail: 'Số của Ông/Bà đang được gọi.' };
    case 'serving':
      return { stage: 'serving', headline: `Đang được phục vụ ${at}`, detail: null };
    case 'finished':
      return { stage: 'finished', headline: 'Đã phục vụ xong', detail: 'Cảm ơn Ông/Bà đã đến làm việc.' };
    case 'skipped':
      return { stage: 'missed', headline: 'Số đã được gọi khi Ông/Bà vắng mặt', detail: 'Mời Ông/Bà đến quầy hoặc bàn hướng dẫn, đưa phiếu này để được gọi lại.' };
    case 'cancelled':
      return { stage: 'cancelled', headline: 'Số thứ tự đã hủy', detail: 'Nếu Ông/Bà vẫn cần làm thủ tục, mời lấy số mới tại kiosk.' };
    case 'redirected':
      return { stage: 'moved', headline: 'Số đã chuyển sang quầy khác', detail: 'Ông/Bà giữ nguyên số này; mời theo dõi màn hình phòng chờ.' };
  }
}
