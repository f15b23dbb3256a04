import type { DossierSettings } from '../../../../contract/dossier';
import { dossierCodeOf } from '../../../../contract/dossier-texts';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Notice } from '../../ui/Notice';
import { todayVn } from '../dossier/vn-date';
import { useSite } from './admin-data';
import { Field } from './Field';
import { Loading } from './Loading';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

const names = {
  'code.pattern': 'Mẫu mã hồ sơ',
  'code.deskPart': 'Phần mã bàn',
  'code.sequenceWidth': 'Số chữ số thứ tự',
  calendarProvince: 'Lịch nghỉ của tỉnh',
  scanRetentionDays: 'Thời hạn lưu bản quét',
  registerBook: 'Quyển số sổ theo dõi',
  signerTitleLines: 'Chức danh người ký',
  signerName: 'Người ký',
};

/** Today's first dossier code under a pattern, to see the pattern before saving (the hub makes the real ones the same way). */
const exampleCode = (code: DossierSettings['code'], agencyCode: string) => dossierCodeOf(code, agencyCode.trim() || '(mã cơ quan)', todayVn(), 1);

/** One entry per line in a text box; empty lines are dropped on saving. */
const lines = (text: string) => text.split('\n');
const cleaned = (l: readonly string[]) => l.map((x) => x.trim()).filter(Boolean);

/** Section "Hồ sơ": the dossier code, what the forms print at the top and under the signature, scans kept. */
export function DossierSettingsSection() {
  const { client, changes } = useHub();
  const settings = useData(() => client['dossierSettings.get']({}), ['site'], changes);
  const site = useSite();
  if (!settings.data || !site.data) return <Loading error={settings.error ?? site.error} />;
  return (
    <>
      <ScanDeletionProblem />
      <SettingsForm source={settings.data} agencyCode={site.data.agencyCode} />
    </>
  );
}

/** Scans past their retention the hub could not delete: personal data still on disk, for the admin to see to. */
function ScanDeletionProblem() {
  const { client, changes } = useHub();
  const run = useData(() => client['dossierSettings.scanDeletion']({}), ['site'], changes);
  if (!run.data || run.data.failed === 0) return null;
  return (
    <Notice kind="warning">
      {run.data.failed} bản quét đã quá thời hạn lưu nhưng chưa xóa được (lỗi {run.data.errorCode}). Máy chủ tự thử lại sau 12 giờ; nếu vẫn lỗi,
      kiểm tra quyền ghi của thư mục dữ liệu trên máy chủ.
    </Notice>
  );
}

function SettingsForm(props: { source: DossierSettings; agencyCode: string }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const v = draft.value;
  const setCode = (patch: Partial<DossierSettings['code']>) => draft.update({ code: { ...v.code, ...patch } });
  return (
    <SaveForm
      label="Cài đặt hồ sơ"
      dirty={draft.dirty}
      describe={fieldNames(names)}
      save={async () => draft.saved(await client['admin.saveDossierSettings']({ ...v, signerTitleLines: cleaned(v.signerTitleLines) }))}
    >
      <h3 className="detail-title">Mã hồ sơ</h3>
      <div className="form-grid">
        <Field
          kind="text"
          className="span-2"
          label={names['code.pattern']}
          value={v.code.pattern}
          maxLength={80}
          onChange={(pattern) => setCode({ pattern })}
          hint={
            <>
              {'{agency}'} mã cơ quan ({props.agencyCode || 'chưa khai báo — mục Đơn vị'}), {'{yymmdd}'} ngày tiếp nhận, {'{desk}'} phần mã bàn, {'{seq}'} số thứ tự trong ngày. Ví dụ hồ sơ đầu tiên hôm nay:{' '}
              <strong data-testid="code-example">{exampleCode(v.code, props.agencyCode)}</strong>
            </>
          }
        />
        <Field kind="text" label={names['code.deskPart']} value={v.code.deskPart} maxLength={4} onChange={(deskPart) => setCode({ deskPart: deskPart.toUpperCase() })} hint="Khi nhiều nơi cấp mã chung một mã cơ quan: mỗi nơi một ký hiệu riêng (1, 2…), để không trùng số." />
        <Field kind="number" label={names['code.sequenceWidth']} value={v.code.sequenceWidth} min={4} max={8} onChange={(sequenceWidth) => setCode({ sequenceWidth })} hint="Ít nhất 4; số lớn hơn vẫn được cấp đủ chữ số." />
      </div>
      <h3 className="detail-title">Người ký văn bản</h3>
      <p className="admin-intro">Tên đơn vị, cơ quan chủ quản và địa danh in trên giấy tờ lấy từ mục <a href="#don-vi">Đơn vị</a>.</p>
      <div className="form-grid">
        <Field kind="textarea" label={names.signerTitleLines} value={v.signerTitleLines.join('\n')} onChange={(t) => draft.update({ signerTitleLines: lines(t) })} hint="Mỗi dòng một dòng chức danh: TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH." />
        <Field kind="text" label={names.signerName} value={v.signerName} maxLength={120} onChange={(signerName) => draft.update({ signerName })} />
        <Field kind="text" label={names.registerBook} value={v.registerBook} maxLength={20} onChange={(registerBook) => draft.update({ registerBook })} hint="In trên giấy tiếp nhận: “Vào Sổ theo dõi hồ sơ, Quyển số …”." />
      </div>
      <h3 className="detail-title">Lịch và bản quét</h3>
      <div className="form-grid">
        <Field
          kind="text"
          label={names.calendarProvince}
          value={v.calendarProvince ?? ''}
          maxLength={80}
          onChange={(p) => draft.update({ calendarProvince: p.trim() === '' ? null : p })}
          hint="Để trống: lịch nghỉ chung cả nước dành cho cán bộ, công chức."
        />
        <Field
          kind="optionalNumber"
          label={names.scanRetentionDays}
          switchLabel="Tự xóa sau"
          unit="ngày kể từ khi trả kết quả"
          min={30}
          max={36500}
          onValue={3650}
          value={v.scanRetentionDays}
          onChange={(scanRetentionDays) => draft.update({ scanRetentionDays })}
          hint="Tắt: bản quét được giữ lại."
        />
      </div>
    </SaveForm>
  );
}
