import { Field } from '../admin/Field';
import { ListEditor } from './ListEditor';

export interface SupplementItem {
  readonly what: string;
  readonly reason: string;
}

/**
 * Everything the applicant still has to bring, listed once with the reason for each (the desk
 * may not send people away repeatedly): the Phiếu yêu cầu bổ sung prints this list.
 */
export function SupplementItems(props: { value: readonly SupplementItem[]; onChange: (v: SupplementItem[]) => void }) {
  return (
    <ListEditor<SupplementItem>
      legend="Giấy tờ cần bổ sung, hoàn thiện"
      itemName="Mục"
      value={props.value}
      onChange={props.onChange}
      blank={() => ({ what: '', reason: '' })}
      min={1}
      max={40}
      columns={['Giấy tờ / nội dung cần bổ sung', 'Lý do']}
      grid="minmax(0, 1fr) minmax(0, 1fr)"
      row={(item, change, label) => (
        <>
          <Field kind="text" label={label('Giấy tờ cần bổ sung')} value={item.what} maxLength={300} onChange={(what) => change({ what })} />
          <Field kind="text" label={label('Lý do')} value={item.reason} maxLength={300} onChange={(reason) => change({ reason })} />
        </>
      )}
    />
  );
}
