import { useLayoutEffect, useRef } from 'react';
import { Button } from '../../ui/Button';

export type CounterTab = 'queue' | 'intake' | 'search' | 'register';

const tabs: readonly { id: CounterTab; label: string; key: string }[] = [
  { id: 'queue', label: 'Hàng chờ', key: 'Alt+1' },
  { id: 'intake', label: 'Tiếp nhận hồ sơ', key: 'Alt+2' },
  { id: 'search', label: 'Tra cứu hồ sơ', key: 'Alt+3' },
  { id: 'register', label: 'Sổ theo dõi', key: 'Alt+4' },
];

/** The counter's four work areas, one Alt+digit each, heard wherever the focus is. */
export function CounterNav(props: { tab: CounterTab; onTab: (tab: CounterTab) => void }) {
  const onTab = useRef(props.onTab);
  onTab.current = props.onTab;
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.shiftKey || e.metaKey) return;
      // e.code: the digit key itself, whatever layout or input method is active.
      const tab = tabs.find((t) => `Digit${t.key.slice(-1)}` === e.code);
      if (!tab) return;
      e.preventDefault();
      onTab.current(tab.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <nav className="counter-nav" aria-label="Chức năng của quầy">
      {tabs.map((t) => (
        <Button key={t.id} variant="ghost" shortcut={t.key} className={t.id === props.tab ? 'current' : ''} aria-current={t.id === props.tab ? 'page' : undefined} onClick={() => props.onTab(t.id)}>
          {t.label}
        </Button>
      ))}
    </nav>
  );
}
