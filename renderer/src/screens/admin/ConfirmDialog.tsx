import type { ReactNode } from 'react';
import { Button } from '../../ui/Button';
import { Dialog } from './Dialog';
import { SaveForm } from './SaveForm';

/**
 * A question before a step that cannot be taken back (a new sync stream, a restore): the danger
 * button does it, "Hủy" has the focus so Enter does nothing harmful, the hub's refusal shows in place.
 */
export function ConfirmDialog(props: { title: string; label: string; confirmLabel: string; onClose: () => void; confirm: () => Promise<void>; children: ReactNode }) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <SaveForm
        label={props.label}
        dirty={false}
        danger
        submitLabel={props.confirmLabel}
        doneText={null}
        actions={
          <Button data-autofocus onClick={props.onClose}>
            Hủy
          </Button>
        }
        save={props.confirm}
      >
        {props.children}
      </SaveForm>
    </Dialog>
  );
}
