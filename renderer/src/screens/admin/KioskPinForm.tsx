import { useHub } from '../../hub/session';
import { Field } from './Field';
import { LocalProblem } from '../../hub/problem';
import { SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

const empty = { pin: '', again: '' };

/**
 * The PIN that closes a locked kiosk or TV window on the hub PC (with Ctrl+Shift+Q). Typed twice,
 * hidden, never shown again: the hub keeps only its hash.
 */
export function KioskPinForm() {
  const { client } = useHub();
  const draft = useDraft(empty);
  const v = draft.value;
  return (
    <section className="admin-card" aria-labelledby="pin-title">
      <h3 id="pin-title">Mã PIN mở khóa kiosk</h3>
      <SaveForm
        label="Mã PIN mở khóa kiosk"
        dirty={draft.dirty}
        describe={(path) => (path === 'pin' ? 'Mã PIN' : undefined)}
        doneText="Đã lưu mã PIN mới."
        save={async () => {
          if (v.pin !== v.again) throw new LocalProblem('Hai lần nhập mã PIN không khớp.');
          await client['admin.setKioskPin']({ pin: v.pin });
          draft.saved(empty);
        }}
      >
        <p className="section-intro">Cửa sổ kiosk, màn hình chờ trên máy chủ chỉ đóng được khi nhấn Ctrl+Shift+Q và nhập mã PIN này.</p>
        <div className="form-grid">
          <Field kind="password" label="Mã PIN mới (4–8 chữ số)" value={v.pin} maxLength={8} inputMode="numeric" autoComplete="new-password" onChange={(pin) => draft.update({ pin })} />
          <Field kind="password" label="Nhập lại mã PIN" value={v.again} maxLength={8} inputMode="numeric" autoComplete="new-password" onChange={(again) => draft.update({ again })} />
        </div>
      </SaveForm>
    </section>
  );
}
