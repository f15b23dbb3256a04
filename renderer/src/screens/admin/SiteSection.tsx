import type { Site } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useSite } from './admin-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

type Identity = Pick<Site, 'name' | 'agencyCode' | 'address' | 'province' | 'language' | 'ticker'>;

const names = {
  name: 'Tên đơn vị',
  agencyCode: 'Mã cơ quan',
  address: 'Địa chỉ',
  province: 'Tỉnh / thành phố',
  language: 'Ngôn ngữ mặc định',
  ticker: 'Dòng chữ chạy',
};

/** Section "Đơn vị": who the site is — printed on tickets, shown on the kiosk and the TV. */
export function SiteSection() {
  const site = useSite();
  if (!site.data) return <Loading error={site.error} />;
  const { name, agencyCode, address, province, language, ticker } = site.data;
  return <IdentityForm source={{ name, agencyCode, address, province, language, ticker }} />;
}

function IdentityForm(props: { source: Identity }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  return (
    <SaveForm
      label="Thông tin đơn vị"
      dirty={draft.dirty}
      describe={fieldNames(names)}
      save={async () => {
        const s = await client['site.update'](v);
        draft.saved({ name: s.name, agencyCode: s.agencyCode, address: s.address, province: s.province, language: s.language, ticker: s.ticker });
      }}
    >
      <div className="form-grid">
        <Field kind="text" className="span-2" label={names.name} value={v.name} maxLength={160} onChange={(name) => draft.update({ name })} hint="In trên phiếu số thứ tự, hiện trên kiosk và màn hình chờ." />
        <Field kind="text" label={names.agencyCode} value={v.agencyCode} maxLength={40} onChange={(agencyCode) => draft.update({ agencyCode })} hint="Mã định danh của cơ quan (dùng khi đồng bộ với hệ thống của tỉnh)." />
        <Field kind="text" label={names.province} value={v.province} maxLength={80} onChange={(province) => draft.update({ province })} />
        <Field kind="text" className="span-2" label={names.address} value={v.address} maxLength={200} onChange={(address) => draft.update({ address })} />
        <Field
          kind="select"
          label={names.language}
          value={v.language}
          options={[
            { value: 'vi', label: 'Tiếng Việt' },
            { value: 'en', label: 'English' },
          ]}
          onChange={(language) => draft.update({ language })}
          hint="Ngôn ngữ kiosk hiển thị khi chưa có ai chọn; công dân vẫn đổi được."
        />
        <Field kind="textarea" className="span-2" label={names.ticker} value={v.ticker} maxLength={500} onChange={(ticker) => draft.update({ ticker })} hint="Chạy ở cuối màn hình chờ (thông báo, giờ làm việc…)." />
      </div>
    </SaveForm>
  );
}
