import type { BackupSettings } from '../../../../contract/backups';
import { useHub } from '../../hub/session';
import { Field } from './Field';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

/**
 * How often, where to, how many to keep, and whether the second location is encrypted. A
 * passphrase is typed only to turn encryption on or change it; the hub keeps a key derived from
 * it, never the passphrase, so it is never shown again.
 */
export function BackupSettingsForm(props: { settings: BackupSettings; onDone: () => void }) {
  const { client } = useHub();
  const s = props.settings;
  const draft = useDraft({ intervalHours: s.intervalHours, secondLocation: s.secondLocation ?? '', daily: s.keep.daily, weekly: s.keep.weekly, monthly: s.keep.monthly, encrypted: s.encrypted, passphrase: '' });
  const v = draft.value;
  const changingKey = v.encrypted && (!s.encrypted || v.passphrase !== '');
  return (
    <SaveForm
      label="Cài đặt sao lưu"
      dirty={draft.dirty}
      describe={fieldNames({ intervalHours: 'Sao lưu mỗi', secondLocation: 'Nơi sao lưu thứ hai', keep: 'Số bản giữ lại', encryption: 'Mật khẩu sao lưu' })}
      save={async () => {
        const saved = await client['backups.saveSettings']({
          intervalHours: v.intervalHours,
          secondLocation: v.secondLocation.trim() === '' ? null : v.secondLocation.trim(),
          keep: { daily: v.daily, weekly: v.weekly, monthly: v.monthly },
          encryption: !v.encrypted ? { mode: 'off' } : changingKey ? { mode: 'set', passphrase: v.passphrase } : { mode: 'keep' },
        });
        draft.saved({ intervalHours: saved.intervalHours, secondLocation: saved.secondLocation ?? '', daily: saved.keep.daily, weekly: saved.keep.weekly, monthly: saved.keep.monthly, encrypted: saved.encrypted, passphrase: '' });
        props.onDone();
      }}
    >
      <h3 className="detail-title">Cài đặt sao lưu</h3>
      <div className="form-grid">
        <Field kind="number" label="Sao lưu tự động mỗi (giờ)" value={v.intervalHours} min={1} max={168} onChange={(intervalHours) => draft.update({ intervalHours })} />
        <Field
          kind="text"
          className="span-2"
          label="Nơi sao lưu thứ hai"
          hint="Thư mục trên ổ đĩa khác hoặc ổ USB, ví dụ E:\ hoặc D:\SaoLuu. Để trống nếu chưa có (không nên: hỏng ổ đĩa là mất cả bản sao lưu)."
          value={v.secondLocation}
          maxLength={500}
          placeholder="E:\"
          onChange={(secondLocation) => draft.update({ secondLocation })}
        />
        <Field kind="number" label="Giữ bản theo ngày" value={v.daily} min={1} max={60} onChange={(daily) => draft.update({ daily })} />
        <Field kind="number" label="Giữ bản theo tuần" value={v.weekly} min={0} max={52} onChange={(weekly) => draft.update({ weekly })} />
        <Field kind="number" label="Giữ bản theo tháng" value={v.monthly} min={0} max={120} onChange={(monthly) => draft.update({ monthly })} />
        <Field
          kind="checkbox"
          className="span-2"
          label="Mã hóa bản sao lưu ở nơi thứ hai bằng mật khẩu"
          hint="Nên bật khi sao lưu vào ổ USB mang ra khỏi trụ sở. Quên mật khẩu thì không mở được các bản đã mã hóa."
          value={v.encrypted}
          onChange={(encrypted) => draft.update({ encrypted })}
        />
        {v.encrypted ? (
          <Field
            kind="password"
            label={s.encrypted ? 'Mật khẩu sao lưu mới (để trống nếu giữ nguyên)' : 'Mật khẩu sao lưu (ít nhất 10 ký tự)'}
            value={v.passphrase}
            maxLength={200}
            autoComplete="new-password"
            onChange={(passphrase) => draft.update({ passphrase })}
          />
        ) : null}
      </div>
    </SaveForm>
  );
}
