import type { WeeklyHours } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useSite } from './admin-data';
import { HoursEditor, hoursPathLabel } from './HoursEditor';
import { Loading } from './Loading';
import { SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

/** Section "Giờ lấy số": when the kiosk hands out numbers (a service may have its own hours). */
export function HoursSection() {
  const site = useSite();
  if (!site.data) return <Loading error={site.error} />;
  return <HoursForm source={{ queueHours: site.data.queueHours }} />;
}

function HoursForm(props: { source: { queueHours: WeeklyHours } }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  return (
    <SaveForm
      label="Giờ lấy số"
      dirty={draft.dirty}
      describe={(path) => hoursPathLabel(path, 'queueHours')}
      save={async () => {
        const s = await client['site.update']({ queueHours: draft.value.queueHours });
        draft.saved({ queueHours: s.queueHours });
      }}
    >
      <p className="section-intro">
        Kiosk chỉ cấp số trong các khung giờ dưới đây (giờ Việt Nam). Ngày không có khung giờ nào thì không nhận số. Giờ kết thúc có thể là 24:00. Dịch vụ có
        giờ riêng được đặt trong mục Dịch vụ.
      </p>
      <HoursEditor label="Khung giờ nhận số trong tuần" value={draft.value.queueHours} onChange={(queueHours) => draft.update({ queueHours })} />
    </SaveForm>
  );
}
