import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { HubError } from '../../../../contract/errors';
import { issuesOf, LocalProblem, type Issue } from '../../hub/problem';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/Notice';

/** Names a field the hub complained about by its path (e.g. "queueHours.1.0.from"), or leaves it. */
export type DescribePath = (path: string) => string | undefined;

type Outcome = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string; issues: Issue[] };

/**
 * A form that saves in exactly one call to the hub, so nothing is ever saved half-way. Shows the
 * hub's Vietnamese message next to the Save button — each invalid field under its own label —
 * and "Đã lưu" once the hub has accepted it (until the next edit).
 */
export function SaveForm(props: {
  label: string;
  dirty: boolean;
  save: () => Promise<unknown>;
  describe?: DescribePath;
  submitLabel?: string;
  /** The submit button warns (revoking a device cannot be undone). */
  danger?: boolean;
  doneText?: string | null;
  /** More buttons next to Save (e.g. "Đặt lại mật khẩu"). */
  actions?: ReactNode;
  children: ReactNode;
}) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // A second Enter before the first answer must not create a second service or account.
  const busy = useRef(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy.current) return;
    busy.current = true;
    setOutcome({ kind: 'saving' });
    try {
      await props.save();
      setOutcome({ kind: 'saved' });
    } catch (err) {
      if (err instanceof HubError) {
        const issues = issuesOf(err.details);
        setOutcome({ kind: 'error', message: issues.length > 0 ? 'Chưa lưu: dữ liệu chưa hợp lệ.' : err.message, issues });
      } else setOutcome({ kind: 'error', message: err instanceof LocalProblem ? err.message : 'Chưa lưu được. Vui lòng thử lại.', issues: [] });
    } finally {
      busy.current = false;
    }
  };
  const doneText = props.doneText === undefined ? 'Đã lưu.' : props.doneText;
  return (
    <form className="admin-form" aria-label={props.label} noValidate onSubmit={(e) => void submit(e)}>
      {props.children}
      <div className="admin-form-actions">
        <div className="admin-form-buttons">
          <Button variant={props.danger ? 'danger' : 'primary'} type="submit" disabled={outcome.kind === 'saving'}>
            {props.submitLabel ?? 'Lưu'}
          </Button>
          {props.actions}
        </div>
        {outcome.kind === 'error' ? (
          <Notice kind="error">
            {outcome.message}
            {outcome.issues.length > 0 ? (
              <ul>
                {outcome.issues.map((i, n) => {
                  const name = props.describe?.(i.path) ?? i.path;
                  return <li key={n}>{name ? `${name}: ${i.message}` : i.message}</li>;
                })}
              </ul>
            ) : null}
          </Notice>
        ) : null}
        {outcome.kind === 'saved' && !props.dirty && doneText ? <Notice kind="success">{doneText}</Notice> : null}
      </div>
    </form>
  );
}

/** A describe function from a table of field paths (the whole path, else its first part). */
export function fieldNames(names: Record<string, string>): DescribePath {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(names, k);
  return (path) => {
    const first = path.split('.')[0] ?? '';
    return has(path) ? names[path] : has(first) ? names[first] : undefined;
  };
}
