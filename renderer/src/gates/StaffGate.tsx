import { useState, type FormEvent, type ReactNode } from 'react';
import { roleRank, type StaffRole } from '../../../contract/access';
import { HubError } from '../../../contract/errors';
import type { StaffAccount } from '../../../contract/people';
import { anonymousClient, clientWithToken, HubProvider } from '../hub/session';
import { TokenStore } from '../hub/tokens';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { CheckingHub } from './CheckingHub';
import { useCredential } from './use-credential';

const tokens = new TokenStore('motcua.staff');

/** Between the one-time password and the new one: the login is not kept until the change is done. */
type Change = { token: string; currentPassword: string };

/**
 * Staff screens (counter, admin) behind a login. The session token survives a reload and a hub in
 * trouble (restarting, a full disk); when the session expires or the account is locked, the
 * screen comes back here with the reason, once — no loop.
 */
export function StaffGate(props: { title: string; minRole: StaffRole; children: (staff: StaffAccount, logout: () => void) => ReactNode }) {
  const credential = useCredential(
    tokens,
    async () => tokens.get(),
    async (token) => {
      const me = await clientWithToken(token)['auth.me']({});
      return me.staff.mustChangePassword ? null : me.staff;
    },
  );
  const [change, setChange] = useState<Change | null>(null);
  const { state } = credential;

  const logout = () => {
    const token = tokens.get();
    credential.signOut('Bạn đã đăng xuất.');
    if (token) void clientWithToken(token)['auth.logout']({}).catch(() => undefined);
  };

  if (change) {
    return (
      <ChangePasswordForm
        token={change.token}
        currentPassword={change.currentPassword}
        onDone={() => {
          setChange(null);
          credential.showForm('Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.');
        }}
      />
    );
  }
  if (state.step === 'checking') return <CheckingHub problem={state.problem} />;
  if (state.step === 'out') {
    return (
      <LoginForm
        title={props.title}
        message={state.message}
        onDone={(token, staff, password) => {
          if (staff.mustChangePassword) setChange({ token, currentPassword: password });
          else if (roleRank(staff.role) < roleRank(props.minRole)) credential.showForm('Tài khoản này không có quyền sử dụng màn hình này.');
          else credential.signedIn(token, staff);
        }}
      />
    );
  }
  return (
    <HubProvider token={state.token} lastCallId={null} onLost={(e) => credential.signOut(e.message)}>
      {props.children(state.who, logout)}
    </HubProvider>
  );
}

function LoginForm(props: { title: string; message: string | null; onDone: (token: string, staff: StaffAccount, password: string) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await anonymousClient()['auth.login']({ username: username.trim().toLowerCase(), password });
      props.onDone(r.token, r.staff, password);
    } catch (err) {
      setError(err instanceof HubError ? err.message : 'Không đăng nhập được.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="login-card" onSubmit={submit} aria-label="Đăng nhập">
      <h1>{props.title}</h1>
      {props.message ? <Notice kind="info">{props.message}</Notice> : null}
      <label>
        Tên đăng nhập
        <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        Mật khẩu
        <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <button className="btn btn-primary" type="submit" disabled={busy}>
        Đăng nhập
      </button>
    </form>
  );
}

function ChangePasswordForm(props: { token: string; currentPassword: string; onDone: () => void }) {
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (next !== again) {
      setError('Hai lần nhập mật khẩu mới không khớp.');
      return;
    }
    try {
      await clientWithToken(props.token)['auth.changePassword']({ currentPassword: props.currentPassword, newPassword: next });
      props.onDone();
    } catch (err) {
      setError(err instanceof HubError ? err.message : 'Không đổi được mật khẩu.');
    }
  };
  return (
    <form className="login-card" onSubmit={submit} aria-label="Đổi mật khẩu">
      <h1>Đổi mật khẩu</h1>
      <Notice kind="info">Đây là lần đăng nhập đầu tiên bằng mật khẩu dùng một lần. Hãy đặt mật khẩu mới (ít nhất 8 ký tự).</Notice>
      <label>
        Mật khẩu mới
        <input type="password" autoFocus autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} required />
      </label>
      <label>
        Nhập lại mật khẩu mới
        <input type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} required />
      </label>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <Button variant="primary" type="submit">
        Đổi mật khẩu
      </Button>
    </form>
  );
}
