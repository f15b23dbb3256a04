import { useRef, useState, type ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from '../admin/Dialog';
import { problemOf, type Problem } from '../../hub/problem';
import { ProblemNotice } from './ProblemNotice';

/**
 * A dialog that collects what one action needs (a reason, a list, a receiver) and sends it in
 * one call. Enter in a field confirms, Esc cancels; the hub's message shows inside the dialog and
 * nothing typed is lost when it refuses.
 */
export function ActionDialog(props: {
  title: string;
  confirmLabel: string;
  danger?: boolean;
  /** Field paths in words, for the hub's validation messages. */
  names?: Record<string, string>;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const confirm = async () => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (e) {
      setProblem(problemOf(e, 'Không thực hiện được. Vui lòng thử lại.', props.names));
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form
        className="dossier-dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        {props.children}
        <ProblemNotice problem={problem} />
        <div className="dossier-dialog-buttons">
          <Button type="submit" variant={props.danger ? 'danger' : 'primary'} disabled={busy}>
            {props.confirmLabel}
          </Button>
          <Button onClick={props.onClose}>Hủy (Esc)</Button>
        </div>
      </form>
    </Dialog>
  );
}
