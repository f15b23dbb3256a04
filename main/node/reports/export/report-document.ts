import { channelLabels, dossierStatusLabels } from '../../../../contract/dossier-texts';
import type { AppointmentReport, DossierReport, Durations, MonthlyReport, QueueReport, RatingSummary, ReportKind, SatisfactionReport } from '../../../../contract/reports';

/**
 * One exported report as plain data — titled tables and bar charts — that the spreadsheet
 * (report-xlsx.ts) and the A4 PDF (report-pdf.ts) both draw, so the two files always hold the same
 * figures in the same order. Values keep their type: counts and minutes as numbers, shares as
 * fractions, instants as epoch ms; each writer formats them its way.
 */

export type CellKind = 'text' | 'int' | 'decimal' | 'share' | 'datetime';
export type Cell = string | number | null;

export interface Column {
  readonly header: string;
  readonly kind: CellKind;
  /** Relative width: the PDF divides the line by these, the spreadsheet multiplies them into characters. */
  readonly width: number;
}

export interface TableSection {
  readonly kind: 'table';
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** Printed under the table when it has no row. */
  readonly empty?: string;
}

export interface BarsSection {
  readonly kind: 'bars';
  readonly title: string;
  readonly valueKind: 'int' | 'share';
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

export type Section = TableSection | BarsSection;

export interface ReportDocument {
  /** "BÁO CÁO …", the file's title. */
  readonly title: string;
  /** The spreadsheet's sheet name: at most 31 characters, none of []:*?/\. */
  readonly sheetName: string;
  /** The file name's stem, ASCII. */
  readonly fileStem: string;
  readonly sections: readonly Section[];
}

const text = (header: string, width = 3): Column => ({ header, kind: 'text', width });
const int = (header: string, width = 1): Column => ({ header, kind: 'int', width });
const decimal = (header: string, width = 1): Column => ({ header, kind: 'decimal', width });
const shareCol = (header: string, width = 1): Column => ({ header, kind: 'share', width });
const datetime = (header: string, width = 1.6): Column => ({ header, kind: 'datetime', width });

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

function durationRows(label: string, d: Durations): Cell[] {
  return [label, d.count, d.meanMinutes, d.p50Minutes, d.p90Minutes];
}

function queueDocument(r: QueueReport): ReportDocument {
  const c = r.counts;
  const byHour = Array.from({ length: 24 }, (_, h) => r.arrivals.reduce((n, day) => n + day[h]!, 0));
  const open = byHour.flatMap((n, h) => (n > 0 ? [h] : []));
  const hours = open.length === 0 ? [] : Array.from({ length: open.at(-1)! - open[0]! + 1 }, (_, i) => open[0]! + i);
  return {
    title: 'BÁO CÁO HÀNG ĐỢI', sheetName: 'Hàng đợi', fileStem: 'hang-doi',
    sections: [
      {
        kind: 'table', title: 'Lượt phục vụ', columns: [text('Chỉ tiêu', 4), int('Số lượt')],
        rows: [['Số đã cấp', c.issued], ['Đã phục vụ', c.served], ['Vắng mặt khi gọi', c.noShow], ['Đã hủy', c.cancelled], ['Chưa xong', c.unfinished], ['Đã chuyển quầy / dịch vụ', c.transferred]],
      },
      {
        kind: 'table', title: 'Thời gian (phút)', columns: [text('', 2), int('Số lượt'), decimal('Trung bình'), decimal('Trung vị (p50)'), decimal('p90')],
        rows: [durationRows('Chờ đến lượt', r.wait), durationRows('Phục vụ', r.service)],
      },
      {
        kind: 'table', title: `Phục vụ trong ${r.targetWaitMinutes} phút chờ (chỉ tiêu của Bộ phận)`, columns: [text('', 3), int('Số lượt'), shareCol('Tỷ lệ')],
        rows: [['Đã phục vụ trong thời gian chờ chỉ tiêu', r.servedWithinTarget.count, r.servedWithinTarget.share]],
      },
      {
        kind: 'table', title: 'Theo quầy', columns: [text('Quầy', 3), int('Đã phục vụ'), decimal('Giờ mở'), decimal('Lượt / giờ'), shareCol('Thời gian bận')],
        rows: r.counters.map((x) => [`${x.number}. ${x.label}`, x.served, x.openHours, x.servedPerHour, x.utilisation]), empty: 'Không quầy nào mở trong kỳ.',
      },
      ...(r.unstaffedWaiting === null ? [] : [{
        kind: 'table' as const, title: 'Có người chờ mà không quầy nào mở cho dịch vụ', columns: [text('Dịch vụ', 3), decimal('Số phút')],
        rows: r.unstaffedWaiting.map((u) => [u.name, u.minutes]), empty: 'Không có.',
      }]),
      { kind: 'bars', title: 'Lượt đến theo giờ trong ngày', valueKind: 'int', bars: hours.map((h) => ({ label: `${String(h).padStart(2, '0')}:00`, value: byHour[h]! })) },
      {
        kind: 'table', title: 'Lượt đến theo thứ và giờ', columns: [text('Thứ', 2), ...hours.map((h) => int(`${h}h`, 0.6))],
        rows: [1, 2, 3, 4, 5, 6, 0].map((d) => [WEEKDAYS[d]!, ...hours.map((h) => r.arrivals[d]![h]!)]),
      },
    ],
  };
}

const dueRows = (list: DossierReport['overdue']): Cell[][] =>
  list.map((d) => [d.code ?? '', d.procedureName, d.officerName, dossierStatusLabels[d.status], d.receivedAt === null ? null : Date.parse(d.receivedAt), Date.parse(d.dueAt)]);
const dueColumns = [text('Mã hồ sơ', 2.4), text('Thủ tục', 3), text('Cán bộ tiếp nhận', 2), text('Tình trạng', 1.5), datetime('Tiếp nhận'), datetime('Hẹn trả')];

function dossierDocument(r: DossierReport): ReportDocument {
  const h = r.handled;
  return {
    title: 'BÁO CÁO TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ', sheetName: 'Hồ sơ', fileStem: 'ho-so',
    sections: [
      {
        kind: 'table', title: 'Tổng hợp', columns: [text('Chỉ tiêu', 4), int('Số hồ sơ'), shareCol('Tỷ lệ')],
        rows: [
          ['Đã tiếp nhận', r.received.total, null],
          ['Đã giải quyết (có kết quả)', h.total, null],
          ['— Trước hạn', h.early, null],
          ['— Đúng hạn', h.onTime, null],
          ['— Quá hạn', h.late, null],
          ['Giải quyết đúng hạn (trước hạn và đúng hạn, QĐ 766)', h.early + h.onTime, h.onTimeShare],
          ['Yêu cầu bổ sung khi tiếp nhận', r.intake.supplementRequested, r.intake.supplementRate],
          ['Từ chối tiếp nhận', r.intake.refused, r.intake.refusalRate],
          ['Số hóa khi tiếp nhận (có bản quét)', r.digitised.withScans, r.digitised.share],
          ['Đang quá hạn', r.overdue.length, null],
          ['Đến hạn trong 2 ngày làm việc tới', r.dueSoon.length, null],
        ],
      },
      { kind: 'table', title: 'Thời gian giải quyết', columns: [text('', 4), int('Số hồ sơ'), decimal('Ngày làm việc (TB)')], rows: [['Từ tiếp nhận đến có kết quả', r.processingDays.count, r.processingDays.meanWorkingDays]] },
      { kind: 'bars', title: 'Kết quả giải quyết', valueKind: 'int', bars: [{ label: 'Trước hạn', value: h.early }, { label: 'Đúng hạn', value: h.onTime }, { label: 'Quá hạn', value: h.late }] },
      { kind: 'table', title: 'Tiếp nhận theo thủ tục', columns: [text('Mã', 1.6), text('Thủ tục', 4), int('Số hồ sơ')], rows: r.received.byProcedure.map((p) => [p.procedureCode, p.procedureName, p.count]), empty: 'Không có hồ sơ.' },
      { kind: 'bars', title: 'Tiếp nhận theo lĩnh vực', valueKind: 'int', bars: r.received.byField.map((f) => ({ label: f.field, value: f.count })) },
      { kind: 'table', title: 'Tiếp nhận theo kênh', columns: [text('Kênh', 3), int('Số hồ sơ')], rows: r.received.byChannel.map((c) => [channelLabels[c.channel], c.count]), empty: 'Không có hồ sơ.' },
      { kind: 'table', title: 'Hồ sơ đang quá hạn', columns: dueColumns, rows: dueRows(r.overdue), empty: 'Không có hồ sơ quá hạn.' },
      { kind: 'table', title: 'Hồ sơ đến hạn trong 2 ngày làm việc tới', columns: dueColumns, rows: dueRows(r.dueSoon), empty: 'Không có.' },
    ],
  };
}

const ratingColumns = (first: string) => [text(first, 3), int('Lượt đánh giá'), int('Hài lòng'), shareCol('Tỷ lệ hài lòng')];
const ratingRow = (label: string, s: RatingSummary): Cell[] => [label, s.total, s.satisfied, s.satisfiedShare];

function satisfactionDocument(r: SatisfactionReport): ReportDocument {
  return {
    title: 'BÁO CÁO MỨC ĐỘ HÀI LÒNG', sheetName: 'Hài lòng', fileStem: 'hai-long',
    sections: [
      {
        kind: 'table', title: 'Tổng hợp', columns: ratingColumns(''),
        rows: [ratingRow('Tất cả', r.all), ratingRow('Lượt phục vụ tại quầy', r.bySubject.tickets), ratingRow('Hồ sơ khi nhận kết quả', r.bySubject.dossiers)],
      },
      { kind: 'bars', title: 'Đánh giá theo mức', valueKind: 'int', bars: r.all.levels.map((l) => ({ label: l.label, value: l.count })) },
      { kind: 'table', title: 'Lý do chưa hài lòng', columns: [text('Lý do', 4), int('Số lượt')], rows: r.all.reasons.map((x) => [x.label, x.count]), empty: 'Không có.' },
      { kind: 'table', title: 'Theo quầy', columns: ratingColumns('Quầy'), rows: r.byCounter.map((c) => ratingRow(`${c.number}. ${c.label}`, c)), empty: 'Không có đánh giá.' },
      { kind: 'table', title: 'Theo cán bộ', columns: ratingColumns('Cán bộ'), rows: r.byOfficer.map((o) => ratingRow(o.name, o)), empty: 'Không có đánh giá.' },
    ],
  };
}

function monthlyDocument(r: MonthlyReport): ReportDocument {
  const row = (label: string, c: MonthlyReport['total']): Cell[] => {
    const handled = c.handledEarly + c.handledOnTime + c.handledLate;
    return [label, c.carriedOver + c.received, c.carriedOver, c.received, handled, c.handledEarly, c.handledOnTime, c.handledLate, c.withdrawn, c.pendingWithinTime + c.pendingOverdue, c.pendingWithinTime, c.pendingOverdue];
  };
  return {
    title: 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', sheetName: 'Báo cáo tháng', fileStem: 'thang-theo-linh-vuc',
    sections: [
      {
        kind: 'table', title: 'Theo lĩnh vực',
        columns: [
          text('Lĩnh vực', 2.6), int('Tổng số'), int('Kỳ trước chuyển sang'), int('Mới tiếp nhận'), int('Đã giải quyết'), int('Trước hạn'), int('Đúng hạn'), int('Quá hạn'),
          int('Rút / dừng'), int('Đang giải quyết'), int('Trong hạn'), int('Quá hạn'),
        ],
        rows: [...r.fields.map((f) => row(f.field, f)), row('Tổng cộng', r.total)],
      },
      {
        kind: 'bars', title: 'Tỷ lệ giải quyết đúng hạn theo lĩnh vực', valueKind: 'share',
        bars: r.fields.flatMap((f) => {
          const handled = f.handledEarly + f.handledOnTime + f.handledLate;
          return handled === 0 ? [] : [{ label: f.field, value: (f.handledEarly + f.handledOnTime) / handled }];
        }),
      },
    ],
  };
}

function appointmentDocument(r: AppointmentReport): ReportDocument {
  const row = (label: string, c: AppointmentReport['total']): Cell[] => [label, c.booked, c.cancelled, c.checkedIn, c.early, c.onTime, c.late, c.noShows, c.upcoming];
  return {
    title: 'BÁO CÁO LỊCH HẸN', sheetName: 'Lịch hẹn', fileStem: 'lich-hen',
    sections: [
      {
        kind: 'table', title: `Theo dịch vụ (đúng giờ: đến trong ${r.lateMinutes} phút sau giờ hẹn)`,
        columns: [text('Dịch vụ', 3), int('Đã đặt'), int('Đã hủy'), int('Đã đến'), int('Đến sớm'), int('Đúng giờ'), int('Đến muộn'), int('Không đến'), int('Chưa đến giờ')],
        rows: [...r.services.map((s) => row(s.name, s)), row('Tổng cộng', r.total)],
      },
      {
        kind: 'bars', title: 'Giờ đến so với giờ hẹn', valueKind: 'int',
        bars: [{ label: 'Đến sớm', value: r.total.early }, { label: 'Đúng giờ', value: r.total.onTime }, { label: 'Đến muộn', value: r.total.late }, { label: 'Không đến', value: r.total.noShows }],
      },
    ],
  };
}

export type AnyReport = { queue: QueueReport; dossiers: DossierReport; satisfaction: SatisfactionReport; monthly: MonthlyReport; appointments: AppointmentReport };

export function reportDocument<K extends ReportKind>(kind: K, report: AnyReport[K]): ReportDocument {
  switch (kind) {
    case 'queue':
      return queueDocument(report as QueueReport);
    case 'dossiers':
      return dossierDocument(report as DossierReport);
    case 'satisfaction':
      return satisfactionDocument(report as SatisfactionReport);
    case 'appointments':
      return appointmentDocument(report as AppointmentReport);
    default:
      return monthlyDocument(report as MonthlyReport);
  }
}
