import { useEffect, useState } from 'react';
import type { StaffAccount } from '../../../../contract/people';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { ConnectionBanner, Notice } from '../../ui/Notice';
import { HealthBanners } from '../../ui/HealthBanners';
import { useSite } from './admin-data';
import { SetupWizard } from './SetupWizard';
import { adminSections } from './sections';
import './admin.css';

function sectionFromHash(): string {
  const id = location.hash.slice(1);
  return adminSections.some((s) => s.id === id) ? id : adminSections[0].id;
}

/**
 * The admin screen: a menu of sections on the left, one section at a time on the right. Every
 * change is saved to the hub at once and reaches kiosks, counters and TVs without a restart.
 */
export function AdminScreen(props: { staff: StaffAccount; logout: () => void }) {
  const { status } = useHub();
  const site = useSite();
  const [sectionId, setSectionId] = useState(sectionFromHash);
  useEffect(() => {
    const follow = () => setSectionId(sectionFromHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const [replacingSample, setReplacingSample] = useState(false);
  const section = adminSections.find((s) => s.id === sectionId) ?? adminSections[0];
  const { Component } = section;
  const setupNeeded = site.error?.code === 'SETUP_NEEDED';
  if (setupNeeded || replacingSample) {
    // First start, or the sample data replaced by the real unit: the wizard is the whole screen.
    return (
      <div className="admin admin-setup">
        <header className="admin-header">
          <strong>Một Cửa — Quản trị</strong>
          <span className="admin-site">{setupNeeded ? 'Chưa thiết lập đơn vị' : site.data?.name}</span>
          <span className="admin-who">{props.staff.fullName}</span>
          <Button variant="ghost" onClick={props.logout}>
            Đăng xuất
          </Button>
        </header>
        <main className="admin-main">
          <ConnectionBanner status={status} />
          <SetupWizard
            mode={setupNeeded ? 'first' : 'replace'}
            onDone={() => {
              setReplacingSample(false);
              void site.reload();
            }}
            {...(setupNeeded ? {} : { onCancel: () => setReplacingSample(false) })}
          />
        </main>
      </div>
    );
  }
  return (
    <div className="admin">
      <header className="admin-header">
        <strong>Một Cửa — Quản trị</strong>
        <span className="admin-site">{site.data?.name}</span>
        <a className="header-link" href="/supervisor">
          Giám sát, báo cáo
        </a>
        <span className="admin-who">{props.staff.fullName}</span>
        <Button variant="ghost" onClick={props.logout}>
          Đăng xuất
        </Button>
      </header>
      <nav className="admin-nav" aria-label="Mục quản trị">
        <ul>
          {adminSections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} aria-current={s.id === section.id ? 'page' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="admin-main" aria-labelledby="admin-section-title">
        <ConnectionBanner status={status} />
        <HealthBanners />
        {site.data?.sampleData ? (
          <Notice kind="warning" className="sample-banner">
            <strong>Đang dùng DỮ LIỆU MẪU: giấy tờ in ra đều mang dòng “DỮ LIỆU MẪU” và chưa tiếp nhận được hồ sơ thật.</strong>{' '}
            <Button variant="primary" onClick={() => setReplacingSample(true)}>
              Nhập thông tin thật của đơn vị
            </Button>
          </Notice>
        ) : null}
        <h2 id="admin-section-title">{section.title}</h2>
        <p className="admin-intro">{section.intro}</p>
        <Component key={section.id} staff={props.staff} />
      </main>
    </div>
  );
}
