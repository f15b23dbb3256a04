import { useState } from 'react';
import { HubError } from '../../../../contract/errors';
import type { StaffAccount } from '../../../../contract/people';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { Button } from '../../ui/Button';
import { ChoiceDialog } from '../../ui/ChoiceDialog';
import { ConnectionBanner, Notice } from '../../ui/Notice';
import { HealthBanners } from '../../ui/HealthBanners';
import { AboutPanel } from '../about/AboutPanel';
import { Dialog } from '../admin/Dialog';
import { SyncBadge } from '../sync/SyncBadge';
import { CounterWorkspace } from './CounterWorkspace';

/**
 * The counter officer's screen: choose and open a counter, then its workspace (the queue desk,
 * intake, dossier search, the register). State lives in the hub:
 * a reload or a hub restart shows the same counter, the same current ticket, the same lists.
 */
export function CounterScreen(props: { staff: StaffAccount; logout: () => void }) {
  const { client, changes, status } = useHub();
  const state = useData(() => client['counter.state']({}), ['queue', 'counters', 'catalog'], changes);
  const [error, setError] = useState<string | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);

  const header = (
    <>
      <header className="counter-header">
        <strong>Một Cửa — Quầy tiếp nhận</strong>
        <SyncBadge />
        <span className="counter-who">{props.staff.fullName}</span>
        <a className="header-link" href="/supervisor">
          Báo cáo
        </a>
        <Button variant="ghost" onClick={() => setAboutOpen(true)}>
          Giới thiệu
        </Button>
        <Button variant="ghost" onClick={props.logout}>
          Đăng xuất
        </Button>
      </header>
      <ConnectionBanner status={status} />
      <HealthBanners />
      {aboutOpen ? (
        <Dialog title="Giới thiệu" className="about-dialog" onClose={() => setAboutOpen(false)}>
          <AboutPanel canExport={props.staff.role === 'admin'} />
          <div className="about-dialog-actions">
            <Button onClick={() => setAboutOpen(false)}>Đóng</Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );

  if (!state.data) {
    return (
      <div className="counter">
        {header}
        {state.error ? <Notice kind="error">{state.error.message}</Notice> : <p role="status">Đang tải…</p>}
      </div>
    );
  }
  if (!state.data.session || !state.data.counter) {
    return (
      <div className="counter">
        {header}
        {error ? <Notice kind="error">{error}</Notice> : null}
        <CounterChooser
          onOpen={async (counterId) => {
            try {
              await client['counter.open']({ counterId });
              setError(null);
              await state.reload();
            } catch (e) {
              setError(e instanceof HubError ? e.message : 'Không mở được quầy.');
            }
          }}
        />
      </div>
    );
  }
  return (
    <div className="counter">
      {header}
      <CounterWorkspace state={state.data} reload={state.reload} />
    </div>
  );
}

function CounterChooser(props: { onOpen: (counterId: string) => void }) {
  const { client, changes } = useHub();
  const overview = useData(() => client['counters.overview']({}), ['counters', 'catalog'], changes);
  const catalog = useData(() => client['catalog.get']({}), ['catalog'], changes);
  const serviceName = (id: string) => catalog.data?.services.find((s) => s.id === id)?.name ?? '';
  if (!overview.data) return <p role="status">Đang tải danh sách quầy…</p>;
  return (
    <ChoiceDialog
      title="Chọn quầy làm việc"
      choices={overview.data
        .filter((o) => o.counter.active)
        .map((o) => ({
          value: o.counter.id,
          label: `${o.counter.label} (số ${o.counter.number})`,
          detail: `${o.counter.skills.map((k) => serviceName(k.serviceId)).join(', ')}${o.session ? ` — đang được ${o.session.staffName} sử dụng` : ' — trống'}`,
          disabled: o.session !== null,
        }))}
      onPick={props.onOpen}
      onCancel={() => undefined}
    />
  );
}
