import type { Ticket } from '../../../../contract/queue';
import { ChoiceDialog } from '../../ui/ChoiceDialog';
import { hhmm } from '../../ui/format';

/**
 * Before "Đóng quầy" when the hub says people would be left with no counter: the safe choice
 * first, so Enter keeps the counter open; closing anyway stays one key away.
 */
export function CloseWarningDialog(props: { warning: string; onClose: () => void; onCancel: () => void }) {
  return (
    <ChoiceDialog
      title="Đóng quầy khi còn người chờ?"
      choices={[
        { value: false, label: 'Không đóng — tiếp tục làm việc' },
        { value: true, label: 'Vẫn đóng quầy' },
      ]}
      onCancel={props.onCancel}
      onPick={(close) => (close ? props.onClose() : props.onCancel())}
    >
      <p className="close-warning" role="alert">
        {props.warning}
      </p>
    </ChoiceDialog>
  );
}

/** Shift+F6: the absent numbers in the hub's order (the latest no-show first), Enter returns one to the queue. */
export function AbsentListDialog(props: { skipped: readonly Ticket[]; onPick: (t: Ticket) => void; onCancel: () => void }) {
  return (
    <ChoiceDialog
      title="Đưa số vắng mặt trở lại hàng chờ (giữ thứ tự cũ)"
      choices={props.skipped.map((t) => ({ value: t, label: t.displayCode, detail: `${t.serviceName}${t.calledAt ? ` · gọi lúc ${hhmm(Date.parse(t.calledAt))}` : ''}` }))}
      onCancel={props.onCancel}
      onPick={props.onPick}
    />
  );
}
