import { useLayoutEffect, useRef, useState } from 'react';
import { problemOf } from '../../hub/problem';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

export interface KeyAction {
  /** "F9", "Shift+F9": shown on the button and heard on the window. */
  readonly key: string;
  readonly label: string;
  readonly variant?: 'primary' | 'danger';
  readonly enabled: boolean;
  readonly run: () => Promise<unknown> | void;
}

export function keyName(e: KeyboardEvent): string {
  return `${e.altKey ? 'Alt+' : ''}${e.shiftKey ? 'Shift+' : ''}${e.key}`;
}

/**
 * A row of actions, each with its key, as on the counter desk: one table drives the buttons and
 * the keyboard. Presses and clicks run one after another, each judged against the newest table,
 * and the same key or the same button again within 250 ms (a bouncing or repeating key, a double
 * click) is one press — so a double click on "Tiếp nhận" sends one request. `paused` while a
 * dialog owns the keyboard. Actions show their own outcome; one that fails without doing so is
 * logged and named under the buttons, never lost.
 */
export function ActionBar(props: { label: string; actions: readonly KeyAction[]; paused?: boolean }) {
  const latest = useRef(props.actions);
  latest.current = props.actions;
  const paused = useRef(props.paused ?? false);
  paused.current = props.paused ?? false;
  const mounted = useRef(true);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const lastPress = useRef({ key: '', by: '', at: 0 });
  const [failure, setFailure] = useState<string | null>(null);

  const trigger = (key: string, by: 'key' | 'click') => {
    const now = Date.now();
    const last = lastPress.current;
    if (last.key === key && last.by === by && now - last.at < 250) return;
    lastPress.current = { key, by, at: now };
    queue.current = queue.current.then(async () => {
      const action = latest.current.find((a) => a.key === key);
      // After the bar has gone (the form became the result panel) a queued press has nothing to do.
      if (!mounted.current || !action?.enabled) return;
      try {
        await action.run();
        if (mounted.current) setFailure(null);
      } catch (e) {
        console.error(`action ${action.key} (${action.label}) failed`, e);
        if (mounted.current) setFailure(`Không thực hiện được “${action.label}”: ${problemOf(e, 'đã có lỗi trên màn hình này. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.').message}`);
      }
    });
  };

  // Registered before paint, so a key pressed the moment the bar appears is not lost.
  useLayoutEffect(() => {
    mounted.current = true;
    const onKey = (e: KeyboardEvent) => {
      if (paused.current) return;
      const name = keyName(e);
      if (!latest.current.some((a) => a.key === name)) return;
      e.preventDefault(); // F-keys would otherwise reload, search or open menus
      trigger(name, 'key');
    };
    window.addEventListener('keydown', onKey);
    return () => {
      mounted.current = false;
      window.removeEventListener('keydown', onKey);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
      <div className="dossier-actions" role="toolbar" aria-label={props.label}>
        {props.actions.map((a) => (
          <Button key={a.key} shortcut={a.key} variant={a.variant ?? 'secondary'} disabled={!a.enabled} onClick={() => trigger(a.key, 'click')}>
            {a.label}
          </Button>
        ))}
      </div>
      {failure ? <Notice kind="error">{failure}</Notice> : null}
    </>
  );
}
