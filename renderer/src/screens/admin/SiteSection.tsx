import { useState } from 'react';
import { HubError } from '../../../../contract/errors';
import { languageCodes, languageName } from '../../../../contract/locales';
import type { Site } from '../../../../contract/queue';
import { issuesOf } from '../../hub/problem';
import { useHub } from '../../hub/session';
import { useSite } from './admin-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

/** Every language the citizen-facing screens speak (contract/locales), each in its own name. */
const languageOptions = languageCodes.map((value) => ({ value, label: languageName(value) }));

type Identity = Pick<Site, 'name' | 'superiorBody' | 'commune' | 'agencyCode' | 'address' | 'province' | 'language' | 'ticker'>;

const names = {
  name: 'Tên đơn vị in trên giấy tờ',
  superiorBody: 'Cơ quan chủ quản',
  commune: 'Xã / phường',
  agencyCode: 'Mã định danh cơ quan',
  address: 'Địa chỉ',
  province: 'Tỉnh / thành phố',
  language: 'Ngôn ngữ mặc định',
  ticker: 'Dòng chữ chạy',
};

/** Section "Đơn vị": who the site is — printed on tickets, shown on the kiosk and the TV. */
export function SiteSection() {
  const site = useSite();
  if (!site.data) return <Loading error={site.error} />;
  const { name, superiorBody, commune, agencyCode, address, province, language, ticker } = site.data;
  return <IdentityForm source={{ name, superiorBody, commune, agencyCode, address, province, language, ticker }} />;
}

function IdentityForm(props: { source: Identity }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  // The hub's word on each field of the last save (a sample value typed back, a malformed agency
  // code), shown under the field as well as in the list beside the Save button.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const edit = (patch: Partial<Identity>) => {
    draft.update(patch);
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !(k in patch))));
  };
  return (
    <SaveForm
      label="Thông tin đơn vị"
      dirty={draft.dirty}
      describe={fieldNames(names)}
      save={async () => {
        const s = await client['site.update'](v).catch((e: unknown) => {
          if (e instanceof HubError) setProblems(Object.fromEntries(issuesOf(e.details).map((i) => [i.path.split('.')[0], i.message])));
          throw e;
        });
        setProblems({});
        draft.saved({ name: s.name, superiorBody: s.superiorBody, commune: s.commune, agencyCode: s.agencyCode, address: s.address, province: s.province, language: s.language, ticker: s.ticker });
      }}
    >
      <div className="form-grid">
        <Field kind="text" label={names.name} value={v.name} maxLength={160} onChange={(name) => edit({ name })} error={problems.name} hint="Dòng in đậm ở đầu mọi giấy tờ; in trên phiếu số, hiện trên kiosk và màn hình chờ." />
        <Field kind="text" label={names.superiorBody} value={v.superiorBody} maxLength={160} onChange={(superiorBody) => edit({ superiorBody })} error={problems.superiorBody} hint="Dòng trên cùng của tiêu đề giấy tờ, ví dụ UBND xã Ia Dom; để trống nếu không có." />
        <Field kind="text" label={names.agencyCode} value={v.agencyCode} maxLength={40} onChange={(agencyCode) => edit({ agencyCode })} error={problems.agencyCode} hint="Mở đầu mọi mã hồ sơ (dạng 000.00.15.H21 hoặc H21.123.45). Khi đã đăng ký đồng bộ, mã mới được đăng ký với máy chủ tỉnh trước khi lưu." />
        <Field kind="text" label={names.province} value={v.province} maxLength={80} onChange={(province) => edit({ province })} error={problems.province} />
        <Field kind="text" label={names.commune} value={v.commune} maxLength={80} onChange={(commune) => edit({ commune })} error={problems.commune} hint="Địa danh ở dòng “…, ngày … tháng … năm …” trên giấy tờ." />
        <Field kind="text" className="span-2" label={names.address} value={v.address} maxLength={200} onChange={(address) => edit({ address })} error={problems.address} />
        <Field
          kind="select"
          label={names.language}
          value={v.language}
          options={languageOptions}
          onChange={(language) => edit({ language })} error={problems.language}
          hint="Ngôn ngữ kiosk hiển thị khi chưa có ai chọn; công dân vẫn đổi được."
        />
        <Field kind="textarea" className="span-2" label={names.ticker} value={v.ticker} maxLength={500} onChange={(ticker) => edit({ ticker })} error={problems.ticker} hint="Chạy ở cuối màn hình chờ (thông báo, giờ làm việc…)." />
      </div>
    </SaveForm>
  );
}
