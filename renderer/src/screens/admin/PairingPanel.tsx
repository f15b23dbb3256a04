import { useEffect, useState } from 'react';
import type { DeviceKind } from '../../../../contract/access';
import type { OpOutput } from '../../../../contract/ops';
import type { Counter } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { hhmm } from '../../ui/format';
import { Field } from './Field';
import { fieldNames, SaveForm } from './SaveForm';
import { useDraft } from './use-draft';

const kinds = [
  { value: 'kiosk', label: 'Kiosk lấy số' },
  { value: 'display', label: 'Màn hình chờ (TV)' },
  { value: 'rating', label: 'Máy đánh giá tại quầy' },
] as const;
export const kindName = (k: DeviceKind) => kinds.find((x) => x.value === k)?.label ?? k;
const names = { kind: 'Loại thiết bị', name: 'Tên thiết bị', counterId: 'Quầy' };

const blankPairing: { kind: DeviceKind; name: string; counterId: string } = { kind: 'kiosk', name: '', counterId: '' };

type Code = OpOutput<'devices.createPairingCode'> & { kind: DeviceKind; name: string };

/** Creates a one-time 6-digit code for a new kiosk, TV or rating tablet and shows it large. */
export function PairingPanel(props: { counters: readonly Counter[] }) {
  const { client } = useHub();
  const draft = useDraft(blankPairing);
  const [code, setCode] = useState<Code | null>(null);
  const v = draft.value;
  return (
    <section className="admin-card" aria-labelledby="pair-title">
      <h3 id="pair-title">Ghép nối thiết bị mới</h3>
      <div className="pairing">
        <SaveForm
          label="Tạo mã ghép nối"
          dirty={draft.dirty}
          describe={fieldNames(names)}
          submitLabel="Tạo mã ghép nối"
          doneText={null}
          save={async () => {
            const created = await client['devices.createPairingCode']({ kind: v.kind, name: v.name, counterId: v.kind === 'rating' && v.counterId ? v.counterId : null });
            setCode({ ...created, kind: v.kind, name: v.name });
          }}
        >
          <div className="form-grid">
            <Field kind="select" label={names.kind} value={v.kind} options={kinds} onChange={(kind) => draft.update({ kind })} />
            <Field kind="text" label={names.name} value={v.name} maxLength={80} placeholder="Ví dụ: Kiosk sảnh chính" onChange={(name) => draft.update({ name })} />
            {v.kind === 'rating' ? (
              <Field
                kind="select"
                label={names.counterId}
                value={v.counterId}
                options={[{ value: '', label: '— Chọn quầy —' }, ...props.counters.map((c) => ({ value: c.id, label: c.label }))]}
                onChange={(counterId) => draft.update({ counterId })}
                hint="Máy đánh giá hỏi ý kiến công dân vừa được phục vụ tại quầy này."
              />
            ) : null}
          </div>
        </SaveForm>
        {code ? (
          <PairingCode key={code.code} code={code} />
        ) : (
          <p className="pairing-help">
            Chọn loại và đặt tên cho thiết bị, rồi tạo mã. Mở trang /kiosk, /display hoặc /rating trên thiết bị đó và nhập mã 6 chữ số. Máy tính đặt máy chủ không cần
            ghép nối.
          </p>
        )}
      </div>
    </section>
  );
}

/** The code, readable from across the room, until it expires (by the hub's clock). */
function PairingCode(props: { code: Code }) {
  const { clockOffset } = useHub();
  const { code } = props;
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setExpired(true), Date.parse(code.expiresAt) - (Date.now() + clockOffset));
    return () => clearTimeout(timer);
  }, [code.expiresAt, clockOffset]);
  if (expired) {
    return (
      <div className="pairing-code pairing-expired" role="status">
        <p>Mã ghép nối cho {code.name} đã hết hạn. Hãy tạo mã mới.</p>
      </div>
    );
  }
  return (
    <div className="pairing-code" role="status" aria-label="Mã ghép nối">
      <p>
        Mã ghép nối cho <strong>{code.name}</strong> ({kindName(code.kind)}):
      </p>
      <p className="pairing-digits" data-testid="pairing-code">
        {code.code}
      </p>
      <p>
        Dùng được một lần, hết hạn lúc <strong>{hhmm(Date.parse(code.expiresAt))}</strong>.
      </p>
      <p>
        Mở trang{' '}
        <strong>
          {location.origin}/{code.kind}
        </strong>{' '}
        trên thiết bị và nhập mã.
      </p>
    </div>
  );
}
