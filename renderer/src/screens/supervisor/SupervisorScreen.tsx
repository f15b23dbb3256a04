import { useEffect, useState } from 'react';
import { roleRank } from '../../../../contract/access';
import type { StaffAccount } from '../../../../contract/people';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { HealthBanners } from '../../ui/HealthBanners';
import { ConnectionBanner } from '../../ui/Notice';
import { SyncBadge } from '../sync/SyncBadge';
import { NowView } from './NowView';
import { ReportView } from './ReportView';
import './supervisor.css';

type View = 'bay-gio' | 'bao-cao';

/**
 * The supervisor's screen (issue 12): what is happening now and how a period went. Supervisors and
 * admins see both and may filter by anyone; an officer who opens it sees the reports the hub
 * narrows to his own figures (the live view is the supervisor's: the hub refuses it to officers).
 */
export function SupervisorScreen(props: { staff: StaffAccount; logout: () => void }) {
  const { status } = useHub();
  const supervises = roleRank(props.staff.role) >= roleRank('supervisor');
  const views: readonly { id: View; title: string }[] = supervises
    ? [{ id: 'bay-gio', title: 'Bây giờ' }, { id: 'bao-cao', title: 'Báo cáo' }]
    : [{ id: 'bao-cao', title: 'Báo cáo' }];
  const fromHash = (): View => views.find((v) => v.id === location.hash.slice(1))?.id ?? views[0]!.id;
  const [view, setView] = useState<View>(fromHash);
  useEffect(() => {
    const follow = () => setView(fromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  });
  const current = views.find((v) => v.id === view) ?? views[0]!;
  return (
    <div className="supervisor">
      <header className="supervisor-header">
        <strong>Một Cửa — Giám sát</strong>
        <nav className="supervisor-nav" aria-label="Màn hình giám sát">
          {views.map((v) => (
            <a key={v.id} href={`#${v.id}`} aria-current={v.id === current.id ? 'page' : undefined}>
              {v.title}
            </a>
          ))}
        </nav>
        <SyncBadge />
        <span className="supervisor-who">{props.staff.fullName}</span>
        <Button variant="ghost" onClick={props.logout}>
          Đăng xuất
        </Button>
      </header>
      <main className="supervisor-main" aria-labelledby="supervisor-title">
        <ConnectionBanner status={status} />
        <HealthBanners />
        <h2 id="supervisor-title">{current.title}</h2>
        {current.id === 'bay-gio' ? <NowView /> : <ReportView canFilter={supervises} />}
      </main>
    </div>
  );
}
