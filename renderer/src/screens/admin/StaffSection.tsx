import { useState } from 'react';
import type { OpInput } from '../../../../contract/ops';
import type { StaffAccount } from '../../../../contract/people';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { Loading } from './Loading';
import { MasterDetail, useSelection } from './MasterDetail';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

type Draft = OpInput<'admin.saveStaff'>;

const names = { username: 'Tên đăng nhập', fullName: 'Họ và tên', role: 'Vai trò', initialPassword: 'Mật khẩu dùng một lần', newPassword: 'Mật khẩu mới dùng một lần' };
const roles = [
  { value: 'officer', label: 'Cán bộ tiếp nhận' },
  { value: 'supervisor', label: 'Giám sát' },
  { value: 'admin', label: 'Quản trị viên' },
] as const;
const roleName = (r: StaffAccount['role']) => roles.find((x) => x.value === r)?.label ?? r;
const blank: Draft = { username: '', fullName: '', role: 'officer', active: true, canCallSpecific: false, initialPassword: '' };
const toDraft = ({ id, username, fullName, role, active, canCallSpecific }: StaffAccount): Draft => ({ id, username, fullName, role, active, canCallSpecific });

/** Section "Cán bộ": who may log in, with which role; new and reset passwords are one-time. */
export function StaffSection(props: { staff: StaffAccount }) {
  const { client, changes } = useHub();
  const list = useData(() => client['admin.listStaff']({}), ['staff'], changes);
  const selection = useSelection();
  if (!list.data) return <Loading error={list.error} />;
  const current = selection.current(list.data);
  return (
    <MasterDetail
      label="Danh sách tài khoản"
      items={list.data}
      editing={current?.id ?? null}
      onPick={selection.pick}
      newLabel="Thêm tài khoản"
      title={(s) => `${s.fullName}${s.id === props.staff.id ? ' (bạn)' : ''}`}
      detail={(s) => `${s.username} · ${roleName(s.role)}${s.mustChangePassword ? ' · chưa đổi mật khẩu lần đầu' : ''}`}
      inactive={(s) => !s.active}
    >
      <StaffForm key={selection.sel.key} source={current ? toDraft(current) : blank} onSaved={(s) => selection.adopt(s.id)} />
    </MasterDetail>
  );
}

function StaffForm(props: { source: Draft; onSaved: (s: StaffAccount) => void }) {
  const { client } = useHub();
  const draft = useDraft(props.source);
  const [resetting, setResetting] = useState(false);
  const v = draft.value;
  const set = draft.update;
  const isNew = v.id === undefined;
  return (
    <>
      <SaveForm
        label={isNew ? 'Tài khoản mới' : 'Sửa tài khoản'}
        dirty={draft.dirty}
        describe={fieldNames(names)}
        actions={isNew ? null : <Button onClick={() => setResetting(true)}>Đặt lại mật khẩu…</Button>}
        save={async () => {
          const saved = await client['admin.saveStaff'](v);
          draft.saved(toDraft(saved));
          props.onSaved(saved);
        }}
      >
        <h3 className="detail-title">{isNew ? 'Tài khoản mới' : `Sửa: ${props.source.fullName || v.fullName}`}</h3>
        <div className="form-grid">
          <Field kind="text" label={names.fullName} value={v.fullName} maxLength={100} onChange={(fullName) => set({ fullName })} />
          <Field kind="text" label={names.username} value={v.username} maxLength={32} onChange={(username) => set({ username: username.toLowerCase() })} hint="3–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch." />
          <Field kind="select" label={names.role} value={v.role} options={roles} onChange={(role) => set({ role })} hint="Quản trị viên cấu hình hệ thống; giám sát xem báo cáo; cán bộ làm việc tại quầy." />
          {isNew ? (
            <Field kind="text" label={names.initialPassword} value={v.initialPassword ?? ''} onChange={(initialPassword) => set({ initialPassword })} hint="Ít nhất 8 ký tự. Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu tiên." />
          ) : null}
          <Field kind="checkbox" label="Đang hoạt động" value={v.active} onChange={(active) => set({ active })} hint="Tắt: tài khoản không đăng nhập được, phiên đang mở bị đóng ngay." />
          <Field kind="checkbox" label="Được gọi số chỉ định" value={v.canCallSpecific} onChange={(canCallSpecific) => set({ canCallSpecific })} hint="Cho phép gọi một số ngoài thứ tự; mỗi lần gọi đều được ghi nhật ký." />
        </div>
      </SaveForm>
      {resetting && v.id ? <ResetPasswordDialog staffId={v.id} name={v.fullName} onClose={() => setResetting(false)} /> : null}
    </>
  );
}

function ResetPasswordDialog(props: { staffId: string; name: string; onClose: () => void }) {
  const { client } = useHub();
  const draft = useDraft({ newPassword: '' });
  const [done, setDone] = useState(false);
  return (
    <Dialog title={`Đặt lại mật khẩu cho ${props.name}`} onClose={props.onClose}>
      <SaveForm
        label="Đặt lại mật khẩu"
        dirty={draft.dirty}
        describe={fieldNames(names)}
        submitLabel="Đặt lại mật khẩu"
        doneText={`Đã đặt lại. ${props.name} phải đổi mật khẩu này ở lần đăng nhập tới; các phiên đang mở đã bị đóng.`}
        actions={<Button onClick={props.onClose}>{done ? 'Đóng' : 'Hủy'}</Button>}
        save={async () => {
          await client['admin.resetPassword']({ staffId: props.staffId, newPassword: draft.value.newPassword });
          draft.saved(draft.value);
          setDone(true);
        }}
      >
        <Field kind="text" label={names.newPassword} value={draft.value.newPassword} onChange={(newPassword) => draft.update({ newPassword })} hint="Ít nhất 8 ký tự. Hãy báo mật khẩu này cho người dùng." />
      </SaveForm>
    </Dialog>
  );
}
