import { useEffect, useRef, useState } from 'react';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';
import { badgeText, badgeTone } from './sync-texts';
import { SyncFacts } from './SyncFacts';
import { useSyncNow, useSyncStatus } from './use-sync-status';
import './sync.css';

/**
 * The counter header's sync badge: "Đã đồng bộ 5 phút trước" or "Mất kết nối tỉnh · 37 sự kiện
 * chờ gửi" (amber after an hour offline). A click opens the details and "Đồng bộ ngay"; Esc or
 * a click elsewhere closes them. The desk never waits on it.
 */
export function SyncBadge() {
  const sync = useSyncStatus();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const now = sync.now();
  const syncNow = useSyncNow(sync.setStatus, sync.now);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', away);
    window.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', away);
      window.removeEventListener('keydown', esc);
    };
  }, [open]);

  const s = sync.status;
  if (!s) return null;
  return (
    <div className="sync-badge-box" ref={box}>
      <button type="button" className={`sync-badge sync-${badgeTone(s)}`} aria-expanded={open} aria-controls="sync-panel" onClick={() => setOpen(!open)} data-testid="sync-badge">
        <span className={`sync-dot sync-dot-${s.level}`} aria-hidden="true" />
        {badgeText(s, now)}
      </button>
      {open ? (
        <div className="sync-panel" id="sync-panel" role="dialog" aria-label="Đồng bộ với tỉnh">
          <h2>Đồng bộ với tỉnh</h2>
          <SyncFacts status={s} now={sync.now} />
          {s.enrolled ? (
            <Button variant="primary" disabled={syncNow.running} onClick={() => void syncNow.run()}>
              {syncNow.running ? 'Đang đồng bộ…' : 'Đồng bộ ngay'}
            </Button>
          ) : null}
          {syncNow.message ? <Notice kind={syncNow.message.kind}>{syncNow.message.text}</Notice> : null}
          {sync.error ? <Notice kind="error">{sync.error}</Notice> : null}
        </div>
      ) : null}
    </div>
  );
}
