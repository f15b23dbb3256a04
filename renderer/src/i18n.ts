import type { WaitEstimate } from '../../contract/queue';

/** Citizen-facing text in Vietnamese (default) and English. Staff screens are Vietnamese only. */
export type Lang = 'vi' | 'en';

const vi = {
  chooseService: 'Mời Ông/Bà chọn dịch vụ',
  touchHint: 'Chạm vào ô dịch vụ cần làm thủ tục',
  waitingNow: (n: number) => (n === 0 ? 'Chưa có người chờ' : `Đang chờ: ${n} người`),
  closed: 'Tạm ngừng nhận số',
  priorityQuestion: 'Ông/Bà có thuộc diện ưu tiên không?',
  priorityNote: 'Chỉ cần chọn nhóm ưu tiên, không cần khai báo thông tin sức khỏe.',
  normalTicket: 'Không — lấy số thường',
  iAmPriority: 'Tôi thuộc diện ưu tiên',
  choosePriority: 'Ông/Bà thuộc nhóm nào?',
  back: 'Quay lại',
  yourNumber: 'Số thứ tự của Ông/Bà',
  service: 'Dịch vụ',
  peopleAheadLabel: 'Người chờ trước',
  peopleAhead: (n: number) => (n === 0 ? 'Không có ai chờ trước Ông/Bà' : `Số người chờ trước: ${n}`),
  estimatedWait: 'Thời gian chờ dự kiến',
  takenAt: 'Lấy số lúc',
  pleaseWait: 'Xin mời Ông/Bà ngồi chờ. Số sẽ được đọc trên loa và hiện trên màn hình.',
  noteNumber: 'Vui lòng ghi nhớ hoặc ghi lại số thứ tự này.',
  printing: 'Đang in phiếu…',
  printed: 'Mời Ông/Bà nhận phiếu in bên dưới.',
  printFailed: 'Máy in tạm thời không in được phiếu. Vui lòng ghi lại số thứ tự này, hoặc nhận phiếu in tại bàn hướng dẫn.',
  done: 'Xong',
  issuing: 'Đang lấy số…',
  error: 'Không lấy được số',
  systemTrouble: 'Xin lỗi, máy lấy số đang gặp sự cố',
  goToHelpDesk: 'Xin mời Ông/Bà đến bàn hướng dẫn, cán bộ sẽ giúp Ông/Bà lấy số.',
  help: 'Cần hỗ trợ? Xin mời đến bàn hướng dẫn.',
  offline: 'Máy lấy số đang mất kết nối và tự kết nối lại. Nếu chưa lấy được số, xin mời Ông/Bà đến bàn hướng dẫn.',
  priorityLabel: 'Ưu tiên',
  language: 'English',
  returnsIn: (s: number) => `Màn hình tự trở về sau ${s} giây`,
  lookUpProcedure: 'Tra cứu thủ tục — giấy tờ cần mang',
  checkDossier: 'Tra cứu hồ sơ đã nộp',
  selfService: 'Tra cứu',
};

const en: typeof vi = {
  chooseService: 'Please choose a service',
  touchHint: 'Touch the service you need',
  waitingNow: (n: number) => (n === 0 ? 'Nobody waiting' : `Waiting: ${n}`),
  closed: 'Not taking numbers now',
  priorityQuestion: 'Are you entitled to priority service?',
  priorityNote: 'Just choose the group; no health details are asked.',
  normalTicket: 'No — regular number',
  iAmPriority: 'I am entitled to priority',
  choosePriority: 'Which group?',
  back: 'Back',
  yourNumber: 'Your number',
  service: 'Service',
  peopleAheadLabel: 'People ahead',
  peopleAhead: (n: number) => (n === 0 ? 'Nobody ahead of you' : `People ahead of you: ${n}`),
  estimatedWait: 'Estimated wait',
  takenAt: 'Taken at',
  pleaseWait: 'Please take a seat. Your number will be called on the screen and the loudspeaker.',
  noteNumber: 'Please remember or write down this number.',
  printing: 'Printing your ticket…',
  printed: 'Please take your printed ticket below.',
  printFailed: 'The printer cannot print right now. Please write down this number, or ask for a printed ticket at the information desk.',
  done: 'Done',
  issuing: 'Getting your number…',
  error: 'Could not get a number',
  systemTrouble: 'Sorry, the ticket machine is having a problem',
  goToHelpDesk: 'Please go to the information desk; the staff there will give you a number.',
  help: 'Need help? Please ask at the information desk.',
  offline: 'The ticket machine has lost its connection and is reconnecting. If you cannot get a number, please go to the information desk.',
  priorityLabel: 'Priority',
  language: 'Tiếng Việt',
  returnsIn: (s: number) => `Returning to the start in ${s} s`,
  lookUpProcedure: 'Look up a procedure (in Vietnamese)',
  checkDossier: 'Check a dossier you submitted',
  selfService: 'Look up',
};

export const strings: Record<Lang, typeof vi> = { vi, en };

/**
 * The wait in the kiosk's language. The hub's words are Vietnamese; in English the range is
 * rebuilt from its numbers ("about 15–20 minutes") and "no counter open" from its parts.
 */
export function waitText(lang: Lang, wait: WaitEstimate): string {
  if (lang === 'vi') return wait.text;
  if (wait.kind === 'range') return `about ${wait.minMinutes}–${wait.maxMinutes} minutes`;
  return `No counter is open for this service yet.${wait.opensAt === null ? '' : ` Counters are expected to open at ${wait.opensAt}.`}`;
}
