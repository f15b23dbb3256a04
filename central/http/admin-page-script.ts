import { dossierStatusLabels } from '../../contract/dossier-texts';

/**
 * The back-office page's script (plain browser JavaScript, no build): it calls the /admin API with
 * the session cookie and writes every value as text (never as HTML). Which moves a dossier allows
 * and its one status come from the server; the page only shows them.
 */
export const adminScript = String.raw`
const $ = (id) => document.getElementById(id);
const TZ = 'Asia/Ho_Chi_Minh';
const ROLE_LABELS = { 'province-admin': 'Quản trị tỉnh', clerk: 'Cán bộ xử lý hồ sơ' };
const ACTION_LABELS = {
  'dossier.move': 'Chuyển trạng thái hồ sơ', 'account.create': 'Tạo tài khoản', 'account.update': 'Sửa tài khoản', 'account.password': 'Đổi mật khẩu',
  'site.create': 'Tạo điểm một cửa', 'site.credential': 'Cấp lại mã xác thực', 'catalog.publish': 'Ban hành thủ tục', 'calendar.publish': 'Ban hành lịch',
  'staff.publish': 'Gửi tài khoản cán bộ', reproject: 'Chiếu lại sự kiện',
};
const STATUS_LABELS = ${JSON.stringify(dossierStatusLabels)};
const DETAIL_LABELS = {
  role: 'Vai trò', fullName: 'Họ tên', active: 'Đang dùng', passwordReset: 'Cấp mật khẩu mới', name: 'Tên', status: 'Trạng thái', note: 'Ghi chú',
  version: 'Phiên bản luồng', keepFrom: 'Giữ từ phiên bản', projected: 'Đã chiếu', rejected: 'Bị từ chối', remaining: 'Còn lại',
};
let me = null;

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}
/** A call to the /admin API: its answer when it succeeded, else an ApiError with the server's message (a 401 shows the login). */
async function request(method, path, body) {
  const r = await fetch(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.ok) return r;
  const json = await r.json().catch(() => ({ code: 'HTTP_' + r.status, message: 'Máy chủ tỉnh trả lời lỗi ' + r.status + '.' }));
  if (r.status === 401 && path !== '/admin/login' && path !== '/admin/me/password') showLogin(json.message);
  throw new ApiError(r.status, json.code, json.message || 'Lỗi ' + r.status);
}
/** The same, for an answer in JSON. */
async function api(method, path, body) {
  const r = await request(method, path, body);
  return r.json().catch(() => { throw new ApiError(r.status, 'BAD_ANSWER', 'Máy chủ tỉnh trả lời không đọc được.'); });
}

/** An element with text children (strings are text nodes, never HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
  return e;
}
const row = (...cells) => el('tr', {}, ...cells.map((c) => el('td', {}, c)));
const DAY = { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' };
const when = (iso) => iso ? new Date(iso).toLocaleString('vi-VN', { ...DAY, hour: '2-digit', minute: '2-digit' }) : '—';
const day = (iso) => iso ? new Date(iso).toLocaleDateString('vi-VN', DAY) : '—';
function say(p, text, kind) { p.className = 'msg ' + (kind || ''); p.replaceChildren(...[].concat(text)); }
const secret = (s) => el('span', { class: 'secret' }, s);
const FINAL = ['returned', 'withdrawn', 'refused'];
const badge = (status, label) => el('span', { class: FINAL.includes(status) ? 'status final' : 'status' }, label);

// ── Login ────────────────────────────────────────────────────────────────────────────────────
function showLogin(message) {
  me = null;
  $('app').hidden = true; $('tabs').hidden = true; $('logout').hidden = true; $('who').textContent = '';
  $('login').hidden = false;
  say($('login-msg'), message || '', 'error');
}
function showApp(actor) {
  me = actor;
  $('login').hidden = true; $('app').hidden = false; $('tabs').hidden = false; $('logout').hidden = false;
  const admin = actor.kind === 'token' || actor.role === 'province-admin';
  $('who').textContent = actor.kind === 'token' ? 'Mã quản trị' : actor.fullName + ' — ' + ROLE_LABELS[actor.role];
  for (const b of document.querySelectorAll('nav button')) b.hidden = (b.dataset.role && !admin) || (b.dataset.tab === 'password' && actor.kind !== 'account');
  if (actor.kind === 'account' && actor.mustChangePassword) {
    // A one-time password opens nothing else (the server refuses it): the change comes first.
    for (const b of document.querySelectorAll('nav button')) b.hidden = b.dataset.tab !== 'password';
    show('password');
    say(document.querySelector('[data-panel="password"] .msg'), 'Mật khẩu bạn vừa dùng là mật khẩu một lần do quản trị tỉnh cấp: hãy đặt mật khẩu của riêng bạn để bắt đầu làm việc.');
    document.querySelector('[data-panel="password"] input[name="current"]').focus();
    return;
  }
  show('dossiers');
  $('find-form').q.focus();
}
$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = ev.target;
  say($('login-msg'), 'Đang đăng nhập…');
  try {
    const { account } = await api('POST', '/admin/login', { username: f.username.value, password: f.password.value });
    f.password.value = '';
    showApp({ kind: 'account', username: account.username, fullName: account.fullName, role: account.role, mustChangePassword: account.mustChangePassword });
  } catch (e) { say($('login-msg'), e.message, 'error'); }
});
$('logout').addEventListener('click', async () => {
  await api('POST', '/admin/logout', {}).catch(() => undefined);
  showLogin('Đã đăng xuất.');
});

// ── Tabs ─────────────────────────────────────────────────────────────────────────────────────
// loadProvince: central/http/admin-page-province.ts, appended to this script.
const loaders = { province: loadProvince, sites: loadSites, accounts: loadAccounts, audit: loadAudit };
function show(tab) {
  for (const b of document.querySelectorAll('nav button')) {
    if (b.dataset.tab === tab) b.setAttribute('aria-current', 'page');
    else b.removeAttribute('aria-current');
  }
  for (const p of document.querySelectorAll('[data-panel]')) p.hidden = p.dataset.panel !== tab;
  if (loaders[tab]) loaders[tab]().catch((e) => say(document.querySelector('[data-panel="' + tab + '"] .msg') || $('find-msg'), e.message, 'error'));
}
for (const b of document.querySelectorAll('nav button')) b.addEventListener('click', () => show(b.dataset.tab));

// ── Dossiers ─────────────────────────────────────────────────────────────────────────────────
let lastQuery = null;
$('find-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  lastQuery = ev.target.q.value;
  search(true);
});
/** Runs the last search again (after a move, so the list shows the new status too). */
async function search(openSingle) {
  const msg = $('find-msg');
  say(msg, 'Đang tìm…');
  try {
    const { dossiers } = await api('GET', '/admin/dossiers?q=' + encodeURIComponent(lastQuery));
    const body = $('found').tBodies[0];
    body.replaceChildren(...dossiers.map((d) => {
      const open = el('button', { 'aria-label': 'Xem hồ sơ ' + (d.code || '') }, 'Xem');
      open.addEventListener('click', () => openDossier(d.siteId, d.dossierId));
      return row(el('span', { class: 'nowrap' }, d.code || '—'), d.applicantName, d.siteName, day(d.dueAt), badge(d.status, d.statusLabel), open);
    }));
    $('found').hidden = dossiers.length === 0;
    say(msg, dossiers.length === 0 ? 'Không tìm thấy hồ sơ nào.' : 'Tìm thấy ' + dossiers.length + ' hồ sơ.');
    if (openSingle && dossiers.length === 1) openDossier(dossiers[0].siteId, dossiers[0].dossierId);
  } catch (e) { say(msg, e.message, 'error'); }
}

async function openDossier(siteId, dossierId) {
  const msg = $('move-msg');
  say(msg, '');
  let d;
  try {
    d = (await api('GET', '/admin/sites/' + encodeURIComponent(siteId) + '/dossiers/' + encodeURIComponent(dossierId))).dossier;
  } catch (e) { say($('find-msg'), e.message, 'error'); return; }
  $('detail').hidden = false;
  $('detail-title').textContent = 'Hồ sơ ' + (d.code || '(chưa có mã)');
  const field = (k, v) => [el('dt', {}, k), el('dd', {}, v)];
  $('detail-fields').replaceChildren(
    ...field('Trạng thái', badge(d.status, d.statusLabel)), ...field('Người nộp', d.applicantName), ...field('Thủ tục', d.procedureName),
    ...field('Điểm một cửa', d.siteName), ...field('Ngày tiếp nhận', when(d.receivedAt)), ...field('Hạn trả kết quả', when(d.dueAt)),
    ...(d.returnedAt ? field('Đã trả lúc', when(d.returnedAt)) : []),
  );
  const moves = $('moves');
  if (d.moves.length === 0) {
    moves.replaceChildren(el('p', { class: 'muted' }, 'Hồ sơ đã ở bước cuối tại điểm một cửa (' + d.statusLabel.toLowerCase() + '): bộ phận xử lý không chuyển trạng thái được nữa.'));
  } else {
    const note = el('input', { name: 'note', maxlength: '500', size: '32' });
    const buttons = d.moves.map((m) => {
      const b = el('button', { class: 'primary' }, 'Chuyển sang “' + m.label + '”');
      b.addEventListener('click', async () => {
        say(msg, 'Đang lưu…');
        try {
          await api('POST', '/admin/sites/' + encodeURIComponent(d.siteId) + '/dossiers/' + encodeURIComponent(d.dossierId) + '/status', { status: m.status, note: note.value });
          await Promise.all([openDossier(d.siteId, d.dossierId), search(false)]);
          say(msg, 'Đã chuyển sang “' + m.label + '”. Điểm một cửa sẽ nhận ở lần đồng bộ tới.', 'ok');
        } catch (e) { say(msg, e.message, 'error'); }
      });
      return b;
    });
    moves.replaceChildren(el('label', { class: 'note' }, 'Ghi chú (không bắt buộc)', note), el('div', { class: 'moves' }, ...buttons));
  }
  $('history').replaceChildren(...d.history.map((h) => row(when(h.at), h.statusLabel, h.source === 'site' ? 'Điểm một cửa' : 'Máy chủ tỉnh: ' + h.by, h.note)));
}

// ── Province-admin: sites, accounts, audit, publishing ─────────────────────────────────────
// Central time minus site time at the last push: positive when the site's clock is behind.
function skew(ms) {
  const s = Math.round(ms / 1000), a = Math.abs(s), sign = s < 0 ? '−' : '+';
  if (a < 120) return sign + a + ' giây';
  if (a < 7200) return sign + Math.round(a / 60) + ' phút';
  if (a < 172800) return sign + Math.round(a / 3600) + ' giờ';
  return sign + Math.round(a / 86400) + ' ngày';
}
// The current stream, and what each stream it replaced held past the point the new one restarted from.
function streamText(t) {
  const head = t.incarnation.slice(0, 8) + '… số ' + t.baseSeq + '–' + t.lastSeq;
  if (t.current) return head + ' (hiện hành)';
  return head + ' (đã thay thế' + (t.leftBehind ? ', bỏ lại ' + t.leftBehind.count + ' sự kiện từ số ' + t.leftBehind.fromSeq : '') + ')';
}
async function loadSites() {
  const { sites } = await api('GET', '/admin/sites');
  $('sites').replaceChildren(...sites.map((s) => {
    const last = s.streams[0];
    return row(s.siteId, s.name, s.agencyCode || 'chưa đăng ký', s.streams.map(streamText).join('; ') || 'chưa gửi', when(last && last.lastPushAt),
      last && last.siteTime ? skew(Date.parse(last.lastPushAt) - Date.parse(last.siteTime)) : '—', last ? last.appVersion : '—',
      s.rejections, s.unprojected, day(s.credentialExpiresAt));
  }));
  if (sites.length === 0) $('sites').replaceChildren(row('Chưa có điểm nào.'));
}
async function loadAccounts() {
  const { accounts } = await api('GET', '/admin/accounts');
  const out = document.querySelector('[data-panel="accounts"] .msg');
  $('accounts').replaceChildren(...accounts.map((a) => {
    const toggle = el('button', {}, a.active ? 'Khóa' : 'Mở lại');
    toggle.addEventListener('click', () => act(out, () => api('POST', '/admin/accounts/' + a.username, { active: !a.active }), () => (a.active ? 'Đã khóa ' : 'Đã mở lại ') + a.username + '.', loadAccounts));
    const reset = el('button', {}, 'Cấp mật khẩu mới');
    reset.addEventListener('click', () => act(out, () => api('POST', '/admin/accounts/' + a.username, { resetPassword: true }), (r) => ['Mật khẩu mới của ' + a.username + ' (chỉ hiện lần này): ', secret(r.password)], loadAccounts));
    return row(a.username, a.fullName, ROLE_LABELS[a.role], a.active ? 'Có' : 'Đã khóa', el('span', { class: 'moves' }, toggle, reset));
  }));
}
async function loadAudit() {
  const { entries } = await api('GET', '/admin/audit?limit=100');
  const value = (k, v) => k === 'role' ? ROLE_LABELS[v] : k === 'status' ? STATUS_LABELS[v] : v === true ? 'có' : v === false ? 'không' : typeof v === 'object' ? JSON.stringify(v) : v;
  // In the order of DETAIL_LABELS (the database keeps a detail's keys in its own order).
  const rank = (k) => { const i = Object.keys(DETAIL_LABELS).indexOf(k); return i < 0 ? 99 : i; };
  const detail = (d) => Object.entries(d).filter(([k, v]) => k !== 'code' && v !== '').sort(([a], [b]) => rank(a) - rank(b))
    .map(([k, v]) => (DETAIL_LABELS[k] || k) + ': ' + value(k, v)).join('; ');
  $('audit').replaceChildren(...entries.map((e) => row(when(e.at), e.actor === 'token' ? 'Mã quản trị' : e.actor, ACTION_LABELS[e.action] || e.action, e.siteId || '',
    e.detail.code || e.subject || '', detail(e.detail))));
}

/** Runs a call, then says what it did (Vietnamese text, secrets highlighted) or why it failed. */
async function act(out, call, done, then) {
  say(out, 'Đang gửi…');
  try {
    const r = await call();
    say(out, done(r), 'ok');
    if (then) then();
  } catch (e) { say(out, e.message, 'error'); }
}
const credentialText = (r) => ['Mã xác thực của điểm ' + r.siteId + ' (chỉ hiện lần này, chép ngay cho quản trị viên tại điểm; hết hạn ' + day(r.expiresAt) + '): ', secret(r.credential)];
const calls = {
  createSite: (f) => [api('POST', '/admin/sites', { siteId: f.siteId, name: f.name, expiresInDays: Number(f.expiresInDays) }), credentialText, loadSites],
  credential: (f) => [api('POST', '/admin/sites/' + encodeURIComponent(f.siteId) + '/credential', {}), credentialText, loadSites],
  createAccount: (f) => [api('POST', '/admin/accounts', { username: f.username, fullName: f.fullName, role: f.role }),
    (r) => ['Đã tạo tài khoản ' + r.account.username + '. Mật khẩu (chỉ hiện lần này, người dùng đổi sau khi đăng nhập): ', secret(r.password)], loadAccounts],
  catalog: (f) => [api('POST', '/admin/catalog', { procedure: JSON.parse(f.json) }), (r) => 'Đã ban hành thủ tục (phiên bản luồng ' + r.version + ').'],
  calendar: (f) => [api('POST', '/admin/calendar', { calendar: JSON.parse(f.json) }), (r) => 'Đã ban hành lịch (phiên bản luồng ' + r.version + ').'],
  staff: (f) => [api('POST', '/admin/sites/' + encodeURIComponent(f.siteId) + '/staff', { staff: { username: f.username, fullName: f.fullName, role: f.role, active: f.active === 'true' } }),
    (r) => 'Đã gửi tài khoản cán bộ cho điểm ' + f.siteId + ' (phiên bản luồng ' + r.version + ').'],
  compact: (f) => [api('POST', '/admin/feeds/' + f.feed + '/compact', f.siteId ? { keepFrom: Number(f.keepFrom), siteId: f.siteId } : { keepFrom: Number(f.keepFrom) }),
    () => 'Đã thu gọn luồng dữ liệu.'],
  reproject: () => [api('POST', '/admin/reproject', {}), (r) => 'Đã chiếu lại: ' + r.projected + ' sự kiện được chiếu, ' + r.rejected + ' bị từ chối.'],
  password: (f) => [api('POST', '/admin/me/password', { current: f.current, next: f.next }), () => 'Đã đổi mật khẩu.', () => showLogin('Đã đổi mật khẩu: hãy đăng nhập lại bằng mật khẩu mới.')],
};
for (const form of document.querySelectorAll('form[data-call]')) {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const out = form.closest('section').querySelector('.msg');
    let call;
    try { call = calls[form.dataset.call](Object.fromEntries(new FormData(form))); }
    catch (e) { say(out, 'Nội dung JSON không đọc được: ' + e.message, 'error'); return; }
    act(out, () => call[0], call[1], () => { form.reset(); if (call[2]) call[2](); });
  });
}

// Already logged in (the cookie lives for the working day), or the login form without a reproach.
api('GET', '/admin/me').then(({ actor }) => showApp(actor), (e) => showLogin(e.status === 401 ? '' : e.message));
`;
