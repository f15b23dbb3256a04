import { useEffect, useLayoutEffect, useState } from 'react';
import { MAX_PIN_LENGTH } from '../../../contract/shell';
import { Button } from '../ui/Button';
import { Keypad } from '../ui/Keypad';
import { Notice } from '../ui/Notice';

/** A dialog left open at an unattended kiosk closes itself. */
const IDLE_CLOSE_MS = 60_000;

/**
 * The unlock screen of a locked window on the hub PC (kiosk, TV, rating tablet): someone presses
 * Ctrl+Shift+Q, the shell asks for this dialog (window.motcuaShell.onUnlockRequest), the kiosk PIN
 * an admin set closes the window. The shell checks the PIN and counts the guesses; this only
 * shows its answer. In a browser on the LAN there is no shell and nothing to unlock.
 */
export function UnlockDialog() {
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => window.motcuaShell?.onUnlockRequest(() => setOpen(true)), []);

  const close = () => {
    setOpen(false);
    setPin('');
    setMessage(null);
  };

  // Registered before paint: Esc pressed the moment the dialog appears closes it.
  useLayoutEffect(() => {
    if (!open) return;
    const timer = setTimeout(close, IDLE_CLOSE_MS);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open, pin]);

  const shell = window.motcuaShell;
  if (!open || !shell) return null;

  const submit = async () => {
    if (busy || pin.length === 0) return;
    setBusy(true);
    try {
      const result = await shell.unlock(pin);
      setMessage(result.ok ? { kind: 'info', text: 'Đã mở khóa. Cửa sổ đang đóng…' } : { kind: 'error', text: result.message });
    } catch (e) {
      console.error('unlock failed', e);
      setMessage({ kind: 'error', text: `Không mở khóa được: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
      setPin('');
    }
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog unlock-dialog" role="dialog" aria-modal="true" aria-labelledby="unlock-title">
        <h2 id="unlock-title">Mở khóa cửa sổ</h2>
        <p>Nhập mã PIN mở khóa do quản trị viên đặt (Quản trị → Thiết bị) để đóng cửa sổ này.</p>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        <Keypad value={pin} onChange={setPin} maxLength={MAX_PIN_LENGTH} label="Mã PIN mở khóa" masked onSubmit={() => void submit()} submitLabel="Mở khóa" />
        <Button onClick={close}>Hủy</Button>
      </div>
    </div>
  );
}
