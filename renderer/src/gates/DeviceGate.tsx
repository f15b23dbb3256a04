import { useEffect, useState, type ReactNode } from 'react';
import type { DeviceKind } from '../../../contract/access';
import { HubError } from '../../../contract/errors';
import type { Device } from '../../../contract/people';
import { anonymousClient, clientWithToken, HubProvider } from '../hub/session';
import { TokenStore } from '../hub/tokens';
import { Keypad } from '../ui/Keypad';
import { Notice } from '../ui/Notice';

const kindNames: Record<DeviceKind, string> = { kiosk: 'Kiosk lấy số', display: 'Màn hình chờ', rating: 'Máy đánh giá' };

type State = { step: 'checking' } | { step: 'pair'; message: string | null } | { step: 'in'; token: string; device: Device };

/**
 * Citizen-facing screens (kiosk, display, rating) run as paired devices with a long-lived token:
 * on the hub PC the Electron shell provides one, elsewhere an admin's 6-digit pairing code is
 * entered once on the on-screen keypad. A revoked device comes back here with the reason.
 */
export function DeviceGate(props: { kind: DeviceKind; lastCallId: (() => number) | null; children: (device: Device) => ReactNode }) {
  const tokens = new TokenStore(`motcua.device.${props.kind}`);
  const [state, setState] = useState<State>({ step: 'checking' });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = async () => {
      const token = (await window.motcuaShell?.deviceToken().catch(() => null)) ?? tokens.get();
      if (!token) {
        setState({ step: 'pair', message: null });
        return;
      }
      try {
        const device = await clientWithToken(token)['devices.me']({});
        setState({ step: 'in', token, device });
      } catch (e) {
        if (e instanceof HubError && e.code === 'HUB_UNREACHABLE') {
          setState({ step: 'checking' });
          timer = setTimeout(() => void check(), 3000);
          return;
        }
        tokens.clear();
        setState({ step: 'pair', message: e instanceof HubError ? e.message : null });
      }
    };
    void check();
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.step === 'checking') return <div className="center-page" role="status">Đang kết nối với máy chủ Một Cửa…</div>;
  if (state.step === 'pair') {
    return (
      <PairForm
        kind={props.kind}
        message={state.message}
        onPaired={(token, device) => {
          tokens.set(token);
          setState({ step: 'in', token, device });
        }}
      />
    );
  }
  return (
    <HubProvider
      token={state.token}
      lastCallId={props.lastCallId}
      onLost={(e) => {
        tokens.clear();
        setState({ step: 'pair', message: e.message });
      }}
    >
      {props.children(state.device)}
    </HubProvider>
  );
}

function PairForm(props: { kind: DeviceKind; message: string | null; onPaired: (token: string, device: Device) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      const r = await anonymousClient()['devices.pair']({ code });
      if (r.device.kind !== props.kind) {
        setError(`Mã này dùng cho "${kindNames[r.device.kind]}", không phải "${kindNames[props.kind]}". Hãy mở đúng trang hoặc xin mã khác.`);
        setCode('');
        return;
      }
      props.onPaired(r.token, r.device);
    } catch (e) {
      setError(e instanceof HubError ? e.message : 'Không ghép nối được.');
      setCode('');
    }
  };
  return (
    <main className="pair-page" aria-label="Ghép nối thiết bị">
      <h1>Ghép nối {kindNames[props.kind]}</h1>
      <p>Nhập mã ghép nối 6 chữ số do quản trị viên tạo tại trang Quản trị → Thiết bị.</p>
      {props.message ? <Notice kind="warning">{props.message}</Notice> : null}
      {error ? <Notice kind="error">{error}</Notice> : null}
      <Keypad value={code} onChange={setCode} maxLength={6} label="Mã ghép nối" onSubmit={() => void submit()} submitLabel="Ghép nối" />
    </main>
  );
}
