import { useEffect, useState } from 'react';
import type { StaffAccount } from '../../../../contract/people';
import { useHub } from '../../hub/session';
import { Button } from '../../ui/Button';
import { ConnectionBanner, Notice } from '../../ui/Notice';
import { HealthBanners } from '../../ui/HealthBanners';
import { useSite } from './admin-data';
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
  const section = adminSections.find((s) => s.id === sectionId) ?? adminSections[0];
  const { Component } = section;
  return (
    <div className="admin">
      <header className="admin-header">
        <strong>Một Cửa — Quản trị</strong>
        <span className="admin-site">{site.data?.name}</span>
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
            <strong>Đang dùng dữ liệu mẫu — hãy nhập thông tin thật của đơn vị.</strong>{' '}
            {section.id === 'don-vi' ? 'Đặt tên thật cho đơn vị dưới đây để tắt thông báo này.' : <a href="#don-vi">Mở mục Đơn vị</a>}
          </Notice>
        ) : null}
        <h2 id="admin-section-title">{section.title}</h2>
        <p className="admin-intro">{section.intro}</p>
        <Component key={section.id} staff={props.staff} />
      </main>
    </div>
  );
}
