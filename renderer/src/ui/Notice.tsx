import type { ReactNode } from 'react';
import type { StreamStatus } from '../hub/event-stream';

/** A message box; `role=alert` so screen readers read errors at once. */
export function Notice(props: { kind: 'error' | 'info' | 'warning' | 'success'; children: ReactNode; className?: string }) {
  return (
    <div className={`notice notice-${props.kind} ${props.className ?? ''}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** Shown while the screen cannot reach the hub; the stream keeps retrying by itself. */
export function ConnectionBanner(props: { status: StreamStatus; children?: ReactNode }) {
  if (props.status !== 'offline') return null;
  return (
    <Notice kind="warning" className="connection-banner">
      {props.children ?? 'Mất kết nối với máy chủ Một Cửa. Đang thử kết nối lại…'}
    </Notice>
  );
}
