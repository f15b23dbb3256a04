import type { HubError } from '../../../../contract/errors';
import { Notice } from '../../ui/Notice';

/** What a section shows until its data has arrived (or why it cannot). */
export function Loading(props: { error: HubError | null }) {
  return props.error ? <Notice kind="error">{props.error.message}</Notice> : <p role="status">Đang tải…</p>;
}
