import type { ReportSettings } from '../../../../contract/reports';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

/** Section "Báo cáo": the target wait the queue report measures against, and where the reports are. */
export function ReportSettingsSection() {
  const { client, changes } = useHub();
  const settings = useData(() => client['reports.settings']({}), ['site'], changes);
  if (!settings.data) return <Loading error={settings.error} />;
  return <ReportSettingsForm source={settings.data} />;
}

function ReportSettingsForm(props: { source: ReportSettings }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  return (
    <SaveForm
      label="Cài đặt báo cáo"
      dirty={draft.dirty}
      describe={fieldNames({ targetWaitMinutes: 'Thời gian chờ mục tiêu (phút)' })}
      save={async () => draft.saved(await client['admin.saveReportSettings'](v))}
    >
      <p className="section-intro">
        Báo cáo và tình hình hiện tại xem ở màn hình <a href="/supervisor">Giám sát</a> (tài khoản giám sát và quản trị; cán bộ chỉ xem số liệu của mình).
      </p>
      <Field
        kind="number"
        label="Thời gian chờ mục tiêu (phút)"
        className="field-minutes"
        min={1}
        max={240}
        value={v.targetWaitMinutes}
        onChange={(targetWaitMinutes) => draft.update({ targetWaitMinutes })}
        hint={`Báo cáo hàng chờ tính tỷ lệ công dân được phục vụ trong vòng ${v.targetWaitMinutes} phút kể từ khi lấy số.`}
      />
    </SaveForm>
  );
}
