import type { CallingRules } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useSite } from './admin-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

/** Section "Quy tắc gọi số": how "Gọi số tiếp theo" picks the next ticket at every counter. */
export function RulesSection() {
  const site = useSite();
  if (!site.data) return <Loading error={site.error} />;
  return <RulesForm source={site.data.callingRules} />;
}

function RulesForm(props: { source: CallingRules }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  return (
    <SaveForm
      label="Quy tắc gọi số"
      dirty={draft.dirty}
      describe={fieldNames({ 'callingRules.interleaveAfterPriority': 'Xen kẽ số thường', 'callingRules.maxWaitMinutes': 'Thời gian chờ tối đa' })}
      save={async () => {
        const s = await client['site.update']({ callingRules: v });
        draft.saved(s.callingRules);
      }}
    >
      <p className="section-intro">Số ưu tiên luôn được gọi trước số thường; các quy tắc dưới đây điều chỉnh thứ tự đó. Quầy hiện lý do gọi cho mỗi số.</p>
      <div className="rules">
        <Field
          kind="optionalNumber"
          label="Xen kẽ số thường"
          switchLabel="Bật"
          unit="số ưu tiên liên tiếp"
          min={1}
          max={20}
          onValue={3}
          value={v.interleaveAfterPriority}
          onChange={(interleaveAfterPriority) => draft.update({ interleaveAfterPriority })}
          hint={
            v.interleaveAfterPriority === null
              ? 'Đang tắt: số ưu tiên luôn được gọi trước, người lấy số thường chờ đến khi hết số ưu tiên.'
              : `Sau ${v.interleaveAfterPriority} số ưu tiên liên tiếp tại một quầy, gọi 1 số thường chờ lâu nhất để người lấy số thường không phải chờ mãi.`
          }
        />
        <Field
          kind="optionalNumber"
          label="Thời gian chờ tối đa"
          switchLabel="Bật"
          unit="phút"
          min={1}
          max={600}
          onValue={45}
          value={v.maxWaitMinutes}
          onChange={(maxWaitMinutes) => draft.update({ maxWaitMinutes })}
          hint={
            v.maxWaitMinutes === null
              ? 'Đang tắt: không có số nào được gọi trước chỉ vì đã chờ lâu.'
              : `Số nào đã chờ quá ${v.maxWaitMinutes} phút được gọi trước mọi số khác (mỗi dịch vụ có thể đặt mức riêng).`
          }
        />
        <Field
          kind="checkbox"
          label="Dùng trọng số kỹ năng của quầy"
          value={v.useSkillWeights}
          onChange={(useSkillWeights) => draft.update({ useSkillWeights })}
          hint={
            v.useSkillWeights
              ? 'Quầy gọi trước số của dịch vụ mà quầy có trọng số cao hơn, rồi mới xét thứ tự lấy số.'
              : 'Đang tắt: quầy gọi theo thứ tự lấy số, không phân biệt dịch vụ.'
          }
        />
      </div>
    </SaveForm>
  );
}
