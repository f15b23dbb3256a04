import type { PrintJob } from '../../../../contract/printing';
import { useHub } from '../../hub/session';
import { usePrintOutcome } from '../../hub/use-print-outcome';

/**
 * Whether the 80 mm receipt slip of a dossier just received came out, and where: the hub queued
 * it on the counter's receipt printer (or said there is none); this follows the job to the end.
 */
export function SlipStatus(props: { slip: PrintJob | null }) {
  const { client } = useHub();
  const outcome = usePrintOutcome(client, props.slip?.id ?? null);
  const slip = props.slip;
  let text: string;
  let kind: 'ok' | 'wait' | 'warn';
  if (!slip) {
    kind = 'warn';
    text = 'Quầy này chưa có máy in phiếu tiếp nhận: phiếu 80 mm không được in. Mã hồ sơ và mã tra cứu có trên giấy tiếp nhận A4.';
  } else if (outcome.state === 'printed') {
    kind = 'ok';
    text = `Đã in phiếu 80 mm (có mã QR tra cứu) tại máy in ${slip.printerName}.`;
  } else if (outcome.state === 'failed') {
    kind = 'warn';
    text = `Phiếu 80 mm chưa in được tại máy in ${slip.printerName}${outcome.reason ? `: ${outcome.reason}` : ''}. Phiếu vẫn chờ trong hàng đợi in và sẽ in khi máy sẵn sàng.`;
  } else {
    kind = 'wait';
    text = `Đang in phiếu 80 mm tại máy in ${slip.printerName}…`;
  }
  return (
    <p className={`slip-status slip-${kind}`} role="status" data-testid="slip-status">
      {text}
    </p>
  );
}
