import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { roleRank, type StaffRole } from '../../../contract/access';
import { HubError } from '../../../contract/errors';
import type { StaffAccount } from '../../../contract/people';
import { anonymousClient, clientWithToken, HubProvider } from '../hub/session';
import { TokenStore } from '../hub/tokens';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';

const tokens = new TokenStore('motcua.staff');

type State =
  | { step: 'checking' }
  | { step: 'login'; message: string | null }
  | { step: 'change'; token: string; staff: StaffAccount; currentPassword: string }
  | { step: 'in'; token: string; staff: StaffAccount };

/**
 * Staff screens (counter, admin) behind a login. The session token survives a reload; when it
 * expires or the account is locked, the screen comes back here with the reason, once — no loop.
 */
export function StaffGate(props: { title: string; minRole: StaffRole; children: (staff: StaffAccount, logout: () => void) => ReactNode }) {
  const [state, setState] = useState<State>({ step: 'checking' });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const token = tokens.get();
      if (!token) {
        setState({ step: 'login', message: null });
        return;
      }
      clientWithToken(token)['auth.me']({})
        .then((me) => setState(me.staff.mustChangePassword ? { step: 'login', message: null } : { step: 'in', token, staff: me.staff }))
        .catch((e: unknown) => {
          if (e instanceof HubError && e.code === 'HUB_UNREACHABLE') {
            // The hub is restarting: keep the session and try again shortly.
            setState({ step: 'checking' });
            timer = setTimeout(check, 3000);
            return;
          }
          tokens.clear();
          setState({ step: 'login', message: e instanceof HubError ? e.message : null });
        });
    };
    check();
    return () => clearTimeout(timer);
  }, []);

  const lost = (e: HubError) => {
    tokens.clear();
    setState({ step: 'login', message: e.message });
  };
  const logout = () => {
    const token = tokens.get();
    tokens.clear();
    if (token) void clientWithToken(token)['auth.logout']({}).catch(() => undefined);
    setState({ step: 'login', message: 'Bạn đã đăng xuất.' });
  };

  if (state.step === 'checking') return <div className="center-page" role="status">Đang kết nối với máy chủ Một Cửa…</div>;
  if (state.step === 'login') {
    return (
      <LoginForm
        title={props.title}
        message={state.message}
        onDone={(token, staff, password) => {
          if (staff.mustChangePassword) setState({ step: 'change', token, staff, currentPassword: password });
          else if (roleRank(staff.role) < roleRank(props.minRole)) setState({ step: 'login', message: 'Tài khoản này không có quyền sử dụng màn hình này.' });
          else {
            tokens.set(token);
            setState({ step: 'in', token, staff });
          }
        }}
      />
    );
  }
  if (state.step === 'change') {
    return (
      <ChangePasswordForm
        token={state.token}
        currentPassword={state.currentPassword}
        onDone={() => setState({ step: 'login', message: 'Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.' })}
      />
    );
  }
  return (
    <HubProvider token={state.token} lastCallId={null} onLost={lost}>
      {props.children(state.staff, logout)}
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
