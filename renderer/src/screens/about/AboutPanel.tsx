import type { ReactNode } from 'react';
import type { AboutInfo } from '../../../../contract/about';
import { NOT_ELECTRON, updateHeadline } from '../../../../contract/about-texts';
import { useHub } from '../../hub/session';
import { useData } from '../../hub/use-data';
import { ddmmyyyy, hhmm } from '../../ui/format';
import { Loading } from '../admin/Loading';
import { DiagnosticsExport } from './DiagnosticsExport';
import './about.css';

const at = (iso: string) => `${hhmm(Date.parse(iso))} ${ddmmyyyy(Date.parse(iso))}`;

/**
 * "Giới thiệu": what this installation is, where its hub runs, what it runs on, how its automatic
 * update stands, and the libraries it is built on. Admins also get the diagnostics bundle here.
 * Every fact comes from the hub (`system.about`): this page only lays them out.
 */
export function AboutPanel(props: { canExport: boolean }) {
  const { client, changes } = useHub();
  const about = useData(() => client['system.about']({}), ['site', 'health'], changes);
  if (!about.data) return <Loading error={about.error} />;
  const a = about.data;
  return (
    <div className="about">
      <div className="about-groups">
        <FactGroup id="about-app" title="Phần mềm">
          <Fact label="Ứng dụng">{a.appName}</Fact>
          <Fact label="Phiên bản">{a.version}</Fact>
          <Fact label="Bản dựng">{a.build.date ? `${at(a.build.date)}${a.build.commit ? ` · commit ${a.build.commit}` : ''}` : 'Chạy từ mã nguồn (không có thông tin bản dựng)'}</Fact>
          <Fact label="Cập nhật tự động" tone={updateTone(a.update)}>
            {updateHeadline(a.update)}
            {a.update.kind === 'read' && a.update.status.checkedAt ? <span className="about-sub">Kiểm tra lúc {at(a.update.status.checkedAt)}</span> : null}
          </Fact>
        </FactGroup>
        <FactGroup id="about-site" title="Đơn vị">
          <Fact label="Tên đơn vị">{a.site.name}</Fact>
          <Fact label="Mã đơn vị">{a.site.agencyCode || 'Chưa đặt'}</Fact>
          <Fact label="Tỉnh, thành phố">{a.site.province || 'Chưa đặt'}</Fact>
        </FactGroup>
        <FactGroup id="about-hub" title="Máy chủ (hub)">
          <Fact label="Địa chỉ mạng LAN">
            {a.hubUrls.length > 0 ? a.hubUrls.map((u) => <span key={u} className="about-address">{u}</span>) : 'Chưa mở cổng mạng'}
          </Fact>
          <Fact label="Thư mục dữ liệu">{a.dataDir ? <span className="about-address">{a.dataDir}</span> : 'Không có (chạy thử trong bộ nhớ)'}</Fact>
        </FactGroup>
        <FactGroup id="about-runtime" title="Môi trường chạy">
          <Fact label="Node.js">{a.runtime.node}</Fact>
          <Fact label="Electron">{a.runtime.electron ?? NOT_ELECTRON}</Fact>
          <Fact label="SQLite">{`${a.runtime.sqlite} (better-sqlite3 ${a.runtime.betterSqlite3 ?? 'không rõ'})`}</Fact>
          <Fact label="Hệ điều hành">{a.runtime.os}</Fact>
        </FactGroup>
      </div>
      {props.canExport ? <DiagnosticsExport /> : null}
      <Credits about={a} />
    </div>
  );
}

function updateTone(u: AboutInfo['update']): 'bad' | undefined {
  return u.kind === 'unreadable' || (u.kind === 'read' && u.status.state === 'error') ? 'bad' : undefined;
}

function FactGroup(props: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="about-group" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <dl className="about-facts">{props.children}</dl>
    </section>
  );
}

function Fact(props: { label: string; tone?: 'bad' | undefined; children: ReactNode }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd className={props.tone ?? ''}>{props.children}</dd>
    </div>
  );
}

/** The main libraries and their licences, short: the full texts ship with the installer. */
function Credits(props: { about: AboutInfo }) {
  return (
    <section aria-labelledby="about-credits">
      <h3 id="about-credits">Thư viện sử dụng</h3>
      <table className="admin-table about-credits" aria-label="Thư viện sử dụng và giấy phép">
        <thead>
          <tr>
            <th scope="col">Thư viện</th>
            <th scope="col">Phiên bản</th>
            <th scope="col">Giấy phép</th>
            <th scope="col">Dùng để</th>
          </tr>
        </thead>
        <tbody>
          {props.about.credits.map((c) => (
            <tr key={c.name}>
              <td>{c.name}</td>
              <td>{c.version ?? 'không rõ'}</td>
              <td>{c.licence}</td>
              <td>{c.use}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
