import { vnTimeDateText } from '../vn-text';

type EventData = Record<string, unknown>;

/** An ISO instant from an event's data in Vietnam time ("16 giờ 00 phút, ngày 06/12/2026"), or null. */
function timeOf(value: unknown): string | null {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(ms) ? null : vnTimeDateText(ms);
}

const note = (d: EventData) => (d.note ? `: ${String(d.note)}` : '');

/** Words for each kind of entry in a dossier's history, from the data the event recorded. */
const eventTexts: Record<string, (d: EventData) => string> = {
  received: (d) => {
    if (!d.dueOverride) return 'Tiếp nhận hồ sơ';
    // Events before the time was recorded with the reason carry the reason only.
    const at = timeOf(d.dueOverrideAt);
    return `Tiếp nhận hồ sơ — hẹn trả do cán bộ ấn định${at ? `: ${at}` : ''} (lý do: ${String(d.dueOverride)})`;
  },
  supplement_requested: (d) => `Yêu cầu bổ sung: ${((d.items as { what: string }[] | undefined) ?? []).map((i) => i.what).join('; ')}`,
  supplement_received: () => 'Đã nhận đủ giấy tờ bổ sung, tính lại thời gian giải quyết',
  refused: (d) => `Từ chối tiếp nhận: ${String(d.reason ?? '')}`,
  forward: (d) => `Chuyển cơ quan giải quyết${note(d)}`,
  startProcessing: (d) => `Đang xử lý${note(d)}`,
  resultReady: (d) => `Đã có kết quả${note(d)}`,
  returned: (d) => `Đã trả kết quả cho ${(d.receiver as { name: string } | undefined)?.name ?? ''}`,
  extended: (d) => `Gia hạn đến ${timeOf(d.newDueAt) ?? String(d.newDueAt ?? '')}: ${String(d.reason ?? '')}`,
  withdrawn: (d) => `Dừng giải quyết theo đề nghị của người nộp${d.reason ? `: ${String(d.reason)}` : ''}`,
  file_attached: (d) => `Đính kèm bản quét ${String(d.fileName ?? '')}`,
  applicant_updated: () => 'Sửa thông tin người nộp',
  rated: (d) => `Công dân đánh giá: ${String(d.scoreLabel ?? d.score ?? '')}`,
};

/** The history line of one dossier event; an unknown type (a newer hub's, or synced) shows its name. */
export function dossierEventText(type: string, data: EventData): string {
  return (eventTexts[type] ?? (() => type))(data);
}
