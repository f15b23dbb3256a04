import { FIRST_DATE, LAST_DATE } from '../reports/period';
import { PROVINCE_COLUMNS } from '../reports/province-columns';

/** The "Toàn tỉnh" panel of the back-office page (both roles): the period, the table, a site's overdue dossiers. */
export const provincePanel = `
  <section data-panel="province" hidden aria-labelledby="province-title">
    <h2 id="province-title">Toàn tỉnh: kết quả của các điểm một cửa</h2>
    <form id="province-form" aria-labelledby="province-title" novalidate>
      <label>Từ ngày <input name="from" inputmode="numeric" placeholder="dd/mm/yyyy" maxlength="10" autocomplete="off" required aria-describedby="province-from-error"></label>
      <label>Đến ngày <input name="to" inputmode="numeric" placeholder="dd/mm/yyyy" maxlength="10" autocomplete="off" required aria-describedby="province-to-error"></label>
      <button class="primary">Xem</button>
      <a id="province-xlsx" class="button" href="#">Xuất Excel</a>
      <span class="field-error" id="province-from-error"></span>
      <span class="field-error" id="province-to-error"></span>
    </form>
    <p class="msg" role="status" id="province-msg"></p>
    <p class="msg" role="status" id="province-xlsx-msg"></p>
    <div class="scroll"><table id="province" class="measures" hidden><thead><tr></tr><tr></tr></thead><tbody></tbody></table></div>
    <div id="overdue" hidden>
      <h3 id="overdue-title">Hồ sơ đang quá hạn</h3>
      <p class="msg" role="status" id="overdue-msg"></p>
      <table id="overdue-list" aria-labelledby="overdue-title" hidden><thead><tr><th>Mã hồ sơ</th><th>Mã thủ tục</th><th>Thủ tục</th><th>Ngày tiếp nhận</th><th>Hạn trả</th><th>Số ngày quá hạn (ngày lịch)</th></tr></thead><tbody></tbody></table>
    </div>
  </section>`;

/**
 * The panel's script, run after the page's own (it uses its helpers: api, request, el, row, when,
 * day, say). Every figure and flag comes from the server; the page formats numbers and dates only.
 */
export const provinceScript = String.raw`
const PROVINCE_COLUMNS = ${JSON.stringify(PROVINCE_COLUMNS)};
const SHARE = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
const DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
// A site's value in a column, as the column's kind shows it: which value, the server says (site.values).
const shown = (c, v) => v === null ? '—' : c.kind === 'share' ? SHARE.format(v) : DECIMAL.format(v);

// The period is typed dd/mm/yyyy as a Vietnamese clerk writes dates: an <input type="date"> shows
// the browser's own format (mm/dd/yyyy in an English Chromium). The API keeps yyyy-mm-dd.
const FIRST_DATE = '${FIRST_DATE}', LAST_DATE = '${LAST_DATE}';
const dmy = (iso) => iso.slice(8) + '/' + iso.slice(5, 7) + '/' + iso.slice(0, 4);
/** A typed date as yyyy-mm-dd ({ iso }), or why it is none ({ error }): d/m/yyyy, with / . or -, or eight digits. */
function readDate(text) {
  const t = text.trim();
  if (t === '') return { error: 'Cần nhập ngày.' };
  const m = /^(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})$/.exec(t) || /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return { error: 'Nhập ngày dạng dd/mm/yyyy, ví dụ 01/03/2026.' };
  const iso = m[3] + '-' + m[2].padStart(2, '0') + '-' + m[1].padStart(2, '0');
  // Date rolls 31/02 over into March: a real date reads back the same.
  const d = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: 'Không có ngày ' + dmy(iso) + ' trong lịch.' };
  if (iso < FIRST_DATE || iso > LAST_DATE) return { error: 'Chỉ xem được từ năm ' + FIRST_DATE.slice(0, 4) + ' đến năm ' + LAST_DATE.slice(0, 4) + '.' };
  return { iso };
}
/**
 * The period's query (from=…&to=…, ISO dates), each field rewritten as dd/mm/yyyy; or null, with
 * why next to each wrong field and the first of them focused (nothing is asked of the server then).
 */
function provinceQuery() {
  const f = $('province-form');
  const dates = {};
  for (const name of ['from', 'to']) {
    const input = f.elements[name];
    const r = readDate(input.value);
    $('province-' + name + '-error').textContent = r.error || '';
    if (r.error) input.setAttribute('aria-invalid', 'true');
    else { input.removeAttribute('aria-invalid'); input.value = dmy(r.iso); dates[name] = r.iso; }
  }
  if (!dates.from || !dates.to) { f.querySelector('[aria-invalid]').focus(); return null; }
  const query = 'from=' + dates.from + '&to=' + dates.to;
  $('province-xlsx').href = '/admin/api/province.xlsx?' + query;
  return query;
}
const FIX_DATES = 'Hãy sửa ngày được đánh dấu (dạng dd/mm/yyyy).';
// Today in Vietnam: the default period is the first of its month to today, set on the first visit.
const vnToday = () => new Date(Date.now() + 7 * 3600000).toISOString().slice(0, 10);
let periodChosen = false;
async function loadProvince() {
  const f = $('province-form');
  if (!periodChosen) { periodChosen = true; f.elements.to.value = dmy(vnToday()); f.elements.from.value = dmy(vnToday().slice(0, 8) + '01'); }
  const msg = $('province-msg');
  say($('province-xlsx-msg'), '');
  const query = provinceQuery();
  if (query === null) { $('province').hidden = true; say(msg, FIX_DATES, 'error'); return; }
  say(msg, 'Đang tính…');
  let report;
  try { report = await api('GET', '/admin/api/province?' + query); }
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
    const cells = PROVINCE_COLUMNS.map((c, i) => el('td', { class: c.key === 'overdue' && s.values[i] > 0 ? 'num alert' : 'num' }, shown(c, s.values[i])));
    return el('tr', s.offlineSince ? { class: 'is-offline' } : {}, site, ...cells, el('td', { class: 'small' }, s.lastPushAt ? when(s.lastPushAt) : 'chưa gửi'));
  }));
  table.hidden = false;
  const offline = report.sites.filter((s) => s.offlineSince).length;
  say(msg, report.sites.length + ' điểm, xếp điểm có tỉ lệ đúng hạn thấp nhất lên đầu (rồi nhiều hồ sơ quá hạn nhất). '
    + (offline ? offline + ' điểm mất kết nối (không liên lạc với máy chủ tỉnh quá ' + report.offlineAfterMinutes + ' phút).' : 'Mọi điểm đều đang kết nối.'));
}
/**
 * The export for the dates in the fields, fetched rather than followed: a refusal (the server busy,
 * the session ended) is said on the page instead of replacing it with the answer's JSON.
 */
async function exportProvince() {
  const msg = $('province-xlsx-msg');
  const query = provinceQuery();
  if (query === null) { say(msg, FIX_DATES, 'error'); return; }
  say(msg, 'Đang lập tệp Excel…');
  try {
    const r = await request('GET', '/admin/api/province.xlsx?' + query);
    const name = (/filename="([^"]+)"/.exec(r.headers.get('content-disposition') || '') || [])[1] || 'toan-tinh.xlsx';
    const url = URL.createObjectURL(await r.blob());
    const save = el('a', { href: url, download: name, hidden: '' });
    document.body.append(save);
    save.click();
    save.remove();
    // Revoked later, not at once: the download reads the blob after the click returns.
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(msg, 'Đã tải tệp ' + name + '.', 'ok');
  } catch (e) { say(msg, 'Chưa xuất được tệp Excel: ' + e.message, 'error'); }
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
$('province-xlsx').addEventListener('click', (ev) => { ev.preventDefault(); exportProvince(); });
`;
