import { useEffect } from 'react';
import type { CounterUndo } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';

/**
 * "Đã đánh dấu vắng A015 — Hoàn tác (Ctrl+Z)": the hub offers the undo and says until when; the
 * bar asks the hub again at that moment (`onExpired` reloads the desk), so it goes away when the hub
 * stops offering it, not by a count of the screen's own.
 */
export function UndoBar(props: { undo: CounterUndo; onUndo: () => void; onExpired: () => void }) {
  const { clockOffset } = useHub();
  const { undo, onExpired } = props;
  useEffect(() => {
    const left = Date.parse(undo.until) - (Date.now() + clockOffset);
    const timer = window.setTimeout(onExpired, Math.max(0, left) + 250);
    return () => window.clearTimeout(timer);
  }, [undo.until, undo.ticketId, clockOffset, onExpired]);
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar">
      <span>{undo.text}</span>
      <Button shortcut="Ctrl+Z" variant="primary" onClick={props.onUndo}>
        Hoàn tác
      </Button>
    </div>
  );
}
