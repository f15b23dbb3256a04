import { useState, type ReactNode } from 'react';
import type { DeviceKind } from '../../../contract/access';
import { HubError } from '../../../contract/errors';
import type { Device } from '../../../contract/people';
import { anonymousClient, clientWithToken, HubProvider } from '../hub/session';
import { TokenStore } from '../hub/tokens';
import { Keypad } from '../ui/Keypad';
import { Notice } from '../ui/Notice';
import { CheckingHub } from './CheckingHub';
import { UnlockDialog } from './UnlockDialog';
import { useCredential } from './use-credential';

const kindNames: Record<DeviceKind, string> = { kiosk: 'Kiosk lấy số', display: 'Màn hình chờ', rating: 'Máy đánh giá' };

/**
 * Citizen-facing screens (kiosk, display, rating) run as paired devices with a long-lived token:
 * on the hub PC the Electron shell provides one, elsewhere an admin's 6-digit pairing code is
 * entered once on the on-screen keypad. A revoked device comes back here with the reason; a hub in
 * trouble (restarting, a full disk) never unpairs it.
 */
export function DeviceGate(props: { kind: DeviceKind; lastCallId: (() => number) | null; children: (device: Device) => ReactNode }) {
  const [tokens] = useState(() => new TokenStore(`motcua.device.${props.kind}`));
  const credential = useCredential(
    tokens,
    async () => (await window.motcuaShell?.deviceToken().catch(() => null)) ?? tokens.get(),
    (token) => clientWithToken(token)['devices.me']({}),
  );
  const { state } = credential;

  // The unlock screen is there whatever the screen shows (even pairing, or a hub that is down).
  const screen =
    state.step === 'checking' ? (
      <CheckingHub problem={state.problem} />
    ) : state.step === 'out' ? (
      <PairForm kind={props.kind} message={state.message} onPaired={credential.signedIn} />
    ) : (
      <HubProvider token={state.token} lastCallId={props.lastCallId} onLost={(e) => credential.signOut(e.message)}>
        {props.children(state.who)}
      </HubProvider>
    );
  return (
    <>
      {screen}
      <UnlockDialog />
    </>
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
