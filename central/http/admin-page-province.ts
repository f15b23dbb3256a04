import { PROVINCE_COLUMNS } from '../reports/province-columns';

/** The "Toàn tỉnh" panel of the back-office page (both roles): the period, the table, a site's overdue dossiers. */
export const provincePanel = `
  <section data-panel="province" hidden aria-labelledby="province-title">
    <h2 id="province-title">Toàn tỉnh: kết quả của các điểm một cửa</h2>
    <form id="province-form" aria-labelledby="province-title">
      <label>Từ ngày <input name="from" type="date" required></label>
      <label>Đến ngày <input name="to" type="date" required></label>
      <button class="primary">Xem</button>
      <a id="province-xlsx" class="button" href="#">Xuất Excel</a>
    </form>
    <p class="msg" role="status" id="province-msg"></p>
    <div class="scroll"><table id="province" class="measures" hidden><thead><tr></tr><tr></tr></thead><tbody></tbody></table></div>
    <div id="overdue" hidden>
      <h3 id="overdue-title">Hồ sơ đang quá hạn</h3>
      <p class="msg" role="status" id="overdue-msg"></p>
      <table id="overdue-list" aria-labelledby="overdue-title" hidden><thead><tr><th>Mã hồ sơ</th><th>Mã thủ tục</th><th>Thủ tục</th><th>Ngày tiếp nhận</th><th>Hạn trả</th><th>Số ngày quá hạn</th></tr></thead><tbody></tbody></table>
    </div>
  </section>`;

/**
 * The panel's script, run after the page's own (it uses its helpers: api, el, row, when, day,
 * say). Every figure and flag comes from the server; the page formats numbers and dates only.
 */
export const provinceScript = String.raw`
const PROVINCE_COLUMNS = ${JSON.stringify(PROVINCE_COLUMNS)};
const SHARE = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
function measure(s, c) {
  const v = c.key === 'issued' || c.key === 'served' || c.key === 'noShow' || c.key === 'meanWaitMinutes' ? s.tickets[c.key]
    : c.key === 'ratings' ? s.ratings.count : c.key === 'satisfiedShare' ? s.ratings.satisfiedShare : s.dossiers[c.key];
  return v === null ? '—' : c.kind === 'share' ? SHARE.format(v) : DECIMAL.format(v);
}
// Today in Vietnam, and the first of its month: the default period.
const vnToday = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
function provinceQuery() {
  const f = $('province-form');
  return 'from=' + encodeURIComponent(f.from.value) + '&to=' + encodeURIComponent(f.to.value);
}
async function loadProvince() {
  const f = $('province-form');
  if (!f.from.value) { f.to.value = vnToday(); f.from.value = vnToday().slice(0, 8) + '01'; }
  const msg = $('province-msg');
  $('province-xlsx').href = '/admin/api/province.xlsx?' + provinceQuery();
  say(msg, 'Đang tính…');
  let report;
  try { report = await api('GET', '/admin/api/province?' + provinceQuery()); }
  catch (e) { $('province').hidden = true; say(msg, e.message, 'error'); return; }
  const table = $('province');
  const groups = [];
  for (const c of PROVINCE_COLUMNS) if (groups.length === 0 || groups[groups.length - 1].name !== c.group) groups.push({ name: c.group, span: 1 }); else groups[groups.length - 1].span++;
  table.tHead.rows[0].replaceChildren(el('th', { rowspan: '2', class: 'site' }, 'Điểm một cửa'), ...groups.map((g) => el('th', { colspan: String(g.span), class: 'group' }, g.name)),
    el('th', { rowspan: '2' }, 'Lần gửi cuối'));
  table.tHead.rows[1].replaceChildren(...PROVINCE_COLUMNS.map((c) => el('th', { class: 'num' }, c.label)));
  table.tBodies[0].replaceChildren(...report.sites.map((s) => {
    const open = el('button', { class: 'link', 'aria-label': 'Hồ sơ quá hạn của ' + s.name }, s.name);
    open.addEventListener('click', () => loadOverdue(s));
    const site = el('td', {}, open, el('div', { class: 'muted small' }, s.siteId));
    if (s.offlineSince) site.append(el('div', { class: 'offline' }, 'mất kết nối từ ' + when(s.offlineSince)));
    const cells = PROVINCE_COLUMNS.map((c) => el('td', { class: c.key === 'overdue' && s.dossiers.overdue > 0 ? 'num alert' : 'num' }, measure(s, c)));
    return el('tr', s.offlineSince ? { class: 'is-offline' } : {}, site, ...cells, el('td', { class: 'small' }, s.lastPushAt ? when(s.lastPushAt) : 'chưa gửi'));
  }));
  table.hidden = false;
  const offline = report.sites.filter((s) => s.offlineSince).length;
  say(msg, report.sites.length + ' điểm, xếp điểm có tỉ lệ đúng hạn thấp nhất lên đầu (rồi nhiều hồ sơ quá hạn nhất). '
    + (offline ? offline + ' điểm mất kết nối (không liên lạc với máy chủ tỉnh quá ' + report.offlineAfterMinutes + ' phút).' : 'Mọi điểm đều đang kết nối.'));
}
async function loadOverdue(s) {
  const msg = $('overdue-msg');
  $('overdue').hidden = false;
  $('overdue-title').textContent = 'Hồ sơ đang quá hạn — ' + s.name;
  say(msg, 'Đang tải…');
  try {
    const r = await api('GET', '/admin/api/province/overdue?siteId=' + encodeURIComponent(s.siteId));
    $('overdue-list').tBodies[0].replaceChildren(...r.dossiers.map((d) => row(el('span', { class: 'nowrap' }, d.code || '(chưa có mã)'), d.procedureCode, d.procedureName,
      day(d.receivedAt), when(d.dueAt), el('span', { class: 'alert' }, d.daysLate))));
    $('overdue-list').hidden = r.dossiers.length === 0;
    say(msg, r.total === 0 ? 'Không có hồ sơ nào đang quá hạn.' : r.total > r.dossiers.length
      ? r.total + ' hồ sơ đang quá hạn; đây là ' + r.dossiers.length + ' hồ sơ quá hạn lâu nhất.' : r.total + ' hồ sơ đang quá hạn, quá hạn lâu nhất trước.');
    $('overdue').scrollIntoView({ block: 'nearest' });
  } catch (e) { say(msg, e.message, 'error'); }
}
$('province-form').addEventListener('submit', (ev) => { ev.preventDefault(); loadProvince(); });
`;
