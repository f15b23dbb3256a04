import { lazy, Suspense, type ReactNode } from 'react';
import { DeviceGate } from './gates/DeviceGate';
import { StaffGate } from './gates/StaffGate';
import { lastCallId } from './screens/display/display-memory';

// Each screen is its own chunk: a kiosk on an old PC loads the kiosk, not the admin's forms.
const AdminScreen = lazy(() => import('./screens/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));
const CounterScreen = lazy(() => import('./screens/counter/CounterScreen').then((m) => ({ default: m.CounterScreen })));
const DisplayScreen = lazy(() => import('./screens/display/DisplayScreen').then((m) => ({ default: m.DisplayScreen })));
const KioskScreen = lazy(() => import('./screens/kiosk/KioskScreen').then((m) => ({ default: m.KioskScreen })));
const SupervisorScreen = lazy(() => import('./screens/supervisor/SupervisorScreen').then((m) => ({ default: m.SupervisorScreen })));
const TicketPage = lazy(() => import('./screens/citizen/TicketPage').then((m) => ({ default: m.TicketPage })));
const DossierStatusPage = lazy(() => import('./screens/citizen/DossierStatusPage').then((m) => ({ default: m.DossierStatusPage })));
const RatingScreen = lazy(() => import('./screens/rating/RatingScreen').then((m) => ({ default: m.RatingScreen })));

/**
 * One renderer, six screens and the citizens' two pages (behind the QR codes), chosen by the path
 * the hub served (the same in Electron and in a browser).
 */
export function App() {
  const path = location.pathname.replace(/\/$/, '');
  document.body.dataset.screen = path.startsWith('/q/') ? 'q' : path.slice(1) || 'home';
  return <Suspense fallback={null}>{screenFor(path)}</Suspense>;
}

function screenFor(path: string): ReactNode {
  switch (path) {
    case '/kiosk':
      return <DeviceGate kind="kiosk" lastCallId={null}>{() => <KioskScreen />}</DeviceGate>;
    case '/display':
      return <DeviceGate kind="display" lastCallId={lastCallId}>{() => <DisplayScreen />}</DeviceGate>;
    case '/rating':
      return <DeviceGate kind="rating" lastCallId={null}>{() => <RatingScreen />}</DeviceGate>;
    case '/counter':
      return <StaffGate title="Đăng nhập quầy" minRole="officer">{(staff, logout) => <CounterScreen staff={staff} logout={logout} />}</StaffGate>;
    case '/supervisor':
      // Officers too: the hub narrows the reports to their own figures.
      return <StaffGate title="Đăng nhập giám sát" minRole="officer">{(staff, logout) => <SupervisorScreen staff={staff} logout={logout} />}</StaffGate>;
    case '/tra-cuu':
      return <DossierStatusPage />;
    case '/admin':
      return <StaffGate title="Đăng nhập quản trị" minRole="admin">{(staff, logout) => <AdminScreen staff={staff} logout={logout} />}</StaffGate>;
    default:
      return path.startsWith('/q/') ? <TicketPage ticketId={decodeURIComponent(path.slice(3))} /> : <Home />;
  }
}

function Home() {
  const screens = [
    ['/counter', 'Quầy tiếp nhận', 'Cán bộ gọi số, tiếp nhận hồ sơ'],
    ['/kiosk', 'Kiosk lấy số', 'Màn hình cảm ứng cho công dân'],
    ['/display', 'Màn hình chờ', 'TV phòng chờ, đọc số bằng giọng nói'],
    ['/rating', 'Đánh giá hài lòng', 'Máy tính bảng tại quầy'],
    ['/supervisor', 'Giám sát', 'Tình hình hiện tại, báo cáo hàng chờ, hồ sơ, mức độ hài lòng'],
    ['/admin', 'Quản trị', 'Cấu hình đơn vị, dịch vụ, quầy, thiết bị'],
  ] as const;
  return (
    <main className="home">
      <h1>Một Cửa</h1>
      <ul>
        {screens.map(([href, title, hint]) => (
          <li key={href}>
            <a href={href}>
              <strong>{title}</strong>
              <span>{hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
