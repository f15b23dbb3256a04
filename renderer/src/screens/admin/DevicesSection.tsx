import { useState } from 'react';
import type { Device } from '../../../../contract/people';
import type { Counter } from '../../../../contract/queue';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { ddmmyyyy, hhmm } from '../../ui/format';
import { useCatalog } from './admin-data';
import { Dialog } from './Dialog';
import { KioskPinForm } from './KioskPinForm';
import { Loading } from './Loading';
import { kindName, PairingPanel } from './PairingPanel';
import { SaveForm } from './SaveForm';

const when = (iso: string | null) => (iso ? `${hhmm(Date.parse(iso))} ${ddmmyyyy(Date.parse(iso))}` : '—');

/** Section "Thiết bị": pairs kiosks, TVs and rating tablets with one-time codes; revokes them. */
export function DevicesSection() {
  const catalog = useCatalog();
  if (!catalog.data) return <Loading error={catalog.error} />;
  return (
    <div className="devices">
      <PairingPanel counters={catalog.data.counters} />
      <DeviceList counters={catalog.data.counters} />
      <KioskPinForm />
    </div>
  );
}

function DeviceList(props: { counters: readonly Counter[] }) {
  const { client, changes } = useHub();
  const devices = useData(() => client['devices.list']({}), ['devices'], changes);
  const [revoking, setRevoking] = useState<Device | null>(null);
  const counterName = (id: string | null) => props.counters.find((c) => c.id === id)?.label ?? '—';
  // Working devices first; revoked ones stay listed for the record.
  const list = [...(devices.data ?? [])].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
  return (
    <section className="admin-card" aria-labelledby="devices-title">
      <h3 id="devices-title">Thiết bị đã ghép nối</h3>
      {!devices.data ? (
        <Loading error={devices.error} />
      ) : list.length === 0 ? (
        <p className="muted">Chưa có thiết bị nào được ghép nối.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Loại</th>
              <th scope="col">Tên</th>
              <th scope="col">Quầy</th>
              <th scope="col">Ghép nối lúc</th>
              <th scope="col">Hoạt động gần nhất</th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} className={d.revokedAt ? 'revoked' : ''}>
                <td>{kindName(d.kind)}</td>
                <td>{d.name}</td>
                <td>{counterName(d.counterId)}</td>
                <td>{when(d.pairedAt)}</td>
                <td>{when(d.lastSeenAt)}</td>
                <td>
                  {d.revokedAt ? (
                    `Đã thu hồi ${when(d.revokedAt)}`
                  ) : (
                    <Button variant="danger" onClick={() => setRevoking(d)} aria-label={`Thu hồi ${d.name}`}>
                      Thu hồi
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking ? (
        <Dialog title={`Thu hồi ${revoking.name}?`} onClose={() => setRevoking(null)}>
          <SaveForm
            label="Xác nhận thu hồi"
            dirty={false}
            danger
            submitLabel="Thu hồi"
            doneText={null}
            actions={
              <Button data-autofocus onClick={() => setRevoking(null)}>
                Hủy
              </Button>
            }
            save={async () => {
              await client['devices.revoke']({ deviceId: revoking.id });
              setRevoking(null);
            }}
          >
            <p>
              {kindName(revoking.kind)} <strong>{revoking.name}</strong> sẽ mất kết nối ngay và không dùng được nữa. Muốn dùng lại phải ghép nối bằng mã mới.
            </p>
          </SaveForm>
        </Dialog>
      ) : null}
    </section>
  );
}
