import { useEffect, useRef, useState } from 'react';
import { HubError } from '../../../../contract/errors';
import type { OpOutput } from '../../../../contract/ops';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { useWedgeScans } from '../../ui/use-wedge-scans';

export type Scan = OpOutput<'scan.parse'>;

/** What "use" means for each kind of scan; a queue ticket has nothing to fill in. */
const useLabels: Record<Scan['kind'], string | null> = { cccd: 'Dùng thông tin này', receipt: 'Mở hồ sơ', ticket: null };

/**
 * Has the hub read each scanned code (citizen ID card, our receipt, our ticket) and shows what it
 * found for the officer to confirm; nothing is filled in without that confirmation.
 */
export function ScanPanel(props: { onUse?: (scan: Scan) => void }) {
  const { client, onScan } = useHub();
  const [scan, setScan] = useState<Scan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = (text: string) => {
    client['scan.parse']({ text })
      .then((s) => {
        setScan(s);
        setError(null);
      })
      .catch((e: unknown) => {
        setScan(null);
        setError(e instanceof HubError ? e.message : 'Không đọc được mã vừa quét.');
      });
  };
  // Keyboard-wedge scanners at this PC, and serial scanners on the hub assigned to this counter.
  useWedgeScans(read);
  useEffect(() => onScan(read));
  // A scan that can be used puts the keyboard on "use it": Enter confirms, Tab moves on.
  const actions = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scan) actions.current?.querySelector<HTMLButtonElement>('.btn-primary')?.focus();
  }, [scan]);
  if (!scan && !error) return null;
  const close = () => {
    setScan(null);
    setError(null);
  };
  return (
    <section className="scan-panel" aria-live="assertive" aria-label="Kết quả quét mã">
      {error ? <Notice kind="error">{error}</Notice> : null}
      {scan?.kind === 'cccd' ? (
        <dl className="scan-facts">
          <div><dt>Họ và tên</dt><dd>{scan.citizen.fullName}</dd></div>
          <div><dt>Số định danh</dt><dd>{scan.citizen.idNumber}</dd></div>
          <div><dt>Ngày sinh</dt><dd>{scan.citizen.dateOfBirth.split('-').reverse().join('/')}</dd></div>
          <div><dt>Giới tính</dt><dd>{scan.citizen.sex}</dd></div>
          <div><dt>Nơi thường trú</dt><dd>{scan.citizen.address}</dd></div>
        </dl>
      ) : null}
      {scan?.kind === 'receipt' ? <p>Giấy tiếp nhận hồ sơ {scan.dossierCode} (mã tra cứu {scan.lookupCode})</p> : null}
      {scan?.kind === 'ticket' ? <p>Phiếu số thứ tự đã quét.</p> : null}
      <div className="scan-actions" ref={actions}>
        {scan && props.onUse && useLabels[scan.kind] ? (
          <Button variant="primary" onClick={() => { props.onUse!(scan); close(); }}>
            {useLabels[scan.kind]}
          </Button>
        ) : null}
        <Button onClick={close}>Đóng</Button>
      </div>
    </section>
  );
}
