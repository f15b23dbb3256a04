import type { RatingSettings } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useSite } from './admin-data';
import { ChoiceListEditor, choicePathLabel } from './ChoiceListEditor';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

const names = { 'rating.question': 'Câu hỏi', 'rating.questionEn': 'Câu hỏi tiếng Anh' };

/** Section "Đánh giá": what the rating tablet at each counter asks after a citizen is served. */
export function RatingSection() {
  const site = useSite();
  if (!site.data) return <Loading error={site.error} />;
  return <RatingForm source={site.data.rating} />;
}

function RatingForm(props: { source: RatingSettings }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  return (
    <SaveForm
      label="Cài đặt đánh giá"
      dirty={draft.dirty}
      describe={(path) => choicePathLabel(path, 'rating.scale', 'Thang đánh giá') ?? choicePathLabel(path, 'rating.reasons', 'Lý do') ?? fieldNames(names)(path)}
      save={async () => {
        const s = await client['site.update']({ rating: v });
        draft.saved(s.rating);
      }}
    >
      <p className="section-intro">Máy đánh giá tại quầy hỏi câu này ngay sau khi cán bộ kết thúc phục vụ. Mỗi số thứ tự chỉ được đánh giá một lần.</p>
      <div className="form-grid">
        <Field kind="text" className="span-2" label={names['rating.question']} value={v.question} maxLength={200} onChange={(question) => draft.update({ question })} />
        <Field kind="text" className="span-2" label={names['rating.questionEn']} value={v.questionEn} maxLength={200} onChange={(questionEn) => draft.update({ questionEn })} />
      </div>
      <ChoiceListEditor
        legend="Thang đánh giá (mức tốt nhất trước)"
        itemName="Mức"
        hint="Từ 2 đến 5 mức. Mã gồm chữ thường không dấu, số và dấu gạch dưới, ví dụ rat_hai_long; đổi mã sẽ tách số liệu cũ và mới trong báo cáo."
        min={2}
        max={5}
        value={v.scale}
        onChange={(scale) => draft.update({ scale })}
      />
      <ChoiceListEditor
        legend="Lý do (công dân có thể chọn thêm)"
        itemName="Lý do"
        hint="Tối đa 10 lý do; công dân có thể đánh dấu thêm khi chọn mức đánh giá."
        min={0}
        max={10}
        value={v.reasons}
        onChange={(reasons) => draft.update({ reasons })}
      />
    </SaveForm>
  );
}
