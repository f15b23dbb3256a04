import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const focusable = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])';

/**
 * A modal for a short side task (a new number sequence, a confirmation, a new password). Drawn
 * under <body> so a dialog with its own form never sits inside another form; focus moves in,
 * stays in (Tab wraps), Esc closes, and focus goes back to where it was.
 */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A confirmation marks its safe choice with data-autofocus, so Enter does not destroy anything.
    (box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(focusable))?.focus();
    return () => before?.focus();
  }, []);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onClose();
    } else if (e.key === 'Tab' && box.current) {
      const all = Array.from(box.current.querySelectorAll<HTMLElement>(focusable));
      const first = all[0];
      const last = all[all.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
    }
  };
  return createPortal(
    <div className="dialog-backdrop" role="presentation" onKeyDown={onKey}>
      <div ref={box} className={`dialog admin-dialog ${props.className ?? ''}`} role="dialog" aria-modal="true" aria-label={props.title}>
        <h2>{props.title}</h2>
        {props.children}
      </div>
    </div>,
    document.body,
  );
}
