/**
 * The back-office page: one self-contained HTML document (no external assets; the script runs
 * under a per-response nonce). It holds no data itself: it asks for the admin token, keeps it in
 * sessionStorage and calls the /admin API with it.
 */
export function adminPage(nonce: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Một Cửa — Máy chủ tỉnh</title>
<style nonce="${nonce}">
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f4f6f8; }
  header { background: #a3191f; color: #fff; padding: 12px 20px; display: flex; gap: 16px; align-items: center; }
  header h1 { font-size: 18px; margin: 0; flex: 1; }
  main { padding: 16px 20px; display: grid; gap: 16px; max-width: 1200px; }
  section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  form + h2, p + h2 { margin-top: 16px; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e3e7eb; vertical-align: top; }
  form { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
  label { display: grid; gap: 2px; font-size: 13px; }
  input, select, textarea { font: inherit; padding: 4px 6px; }
  textarea { width: 100%; min-height: 90px; font-family: ui-monospace, monospace; font-size: 13px; }
  button { font: inherit; padding: 5px 12px; cursor: pointer; }
  .out { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: 13px; background: #f0f2f4; padding: 6px; margin-top: 8px; }
  .out:empty { display: none; }
  .warn { color: #a3191f; }
  .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
</style>
</head>
<body>
<header>
  <h1>Một Cửa — Máy chủ tỉnh</h1>
  <label>Mã quản trị <input id="token" type="password" size="30" autocomplete="off"></label>
  <button id="save-token">Dùng mã này</button>
</header>
<main>
  <section>
    <h2>Các điểm một cửa và tình trạng đồng bộ <button id="refresh">Tải lại</button></h2>
    <table><thead><tr><th>Mã</th><th>Tên</th><th>Luồng (incarnation, số đầu–cuối)</th><th>Lần gửi cuối</th><th>Lệch giờ</th><th>Phiên bản</th><th>Bị từ chối</th><th>Chưa chiếu</th><th>Mã xác thực hết hạn</th></tr></thead>
    <tbody id="sites"><tr><td colspan="9">Nhập mã quản trị để xem.</td></tr></tbody></table>
    <div class="out" id="sites-out"></div>
  </section>
  <div class="grid2">
    <section>
      <h2>Thêm điểm một cửa</h2>
      <form data-call="createSite"><label>Mã điểm <input name="siteId" required pattern="[A-Za-z0-9][A-Za-z0-9._-]{0,79}"></label>
        <label>Tên <input name="name" required></label><label>Hạn (ngày) <input name="expiresInDays" type="number" value="365" min="1"></label>
        <button>Tạo</button></form>
      <p class="warn">Mã xác thực chỉ hiện một lần: chép ngay cho quản trị viên tại điểm.</p>
      <h2>Cấp lại mã xác thực</h2>
      <form data-call="credential"><label>Mã điểm <input name="siteId" required></label><button>Cấp mã mới</button></form>
      <div class="out"></div>
    </section>
    <section>
      <h2>Đổi trạng thái xử lý hồ sơ</h2>
      <form data-call="status"><label>Mã điểm <input name="siteId" required></label><label>Mã hồ sơ (id) <input name="dossierId" required size="38"></label>
        <label>Trạng thái <select name="status"><option value="forwarded">Đã chuyển xử lý</option><option value="processing">Đang xử lý</option><option value="result_ready">Đã có kết quả</option></select></label>
        <label>Ghi chú <input name="note"></label><button>Lưu</button></form>
      <h2>Hồ sơ của một điểm</h2>
      <form data-call="dossiers"><label>Mã điểm <input name="siteId" required></label><label>Số dòng <input name="limit" type="number" value="50" min="1" max="1000"></label><button>Xem</button></form>
      <div class="out"></div>
    </section>
    <section>
      <h2>Ban hành thủ tục (JSON ProcedureVersion, không có id)</h2>
      <form data-call="catalog"><textarea name="json" required></textarea><button>Ban hành cho mọi điểm</button></form>
      <h2>Lịch làm việc năm (JSON CalendarYear)</h2>
      <form data-call="calendar"><textarea name="json" required></textarea><button>Ban hành</button></form>
      <div class="out"></div>
    </section>
    <section>
      <h2>Tài khoản cán bộ của một điểm</h2>
      <form data-call="staff"><label>Mã điểm <input name="siteId" required></label><label>Tên đăng nhập <input name="username" required></label>
        <label>Họ tên <input name="fullName" required></label>
        <label>Vai trò <select name="role"><option value="officer">Cán bộ</option><option value="supervisor">Phụ trách</option><option value="admin">Quản trị</option></select></label>
        <label>Đang làm việc <select name="active"><option value="true">Có</option><option value="false">Không</option></select></label><button>Gửi</button></form>
      <h2>Thu gọn luồng dữ liệu</h2>
      <form data-call="compact"><label>Luồng <select name="feed"><option>catalog</option><option>calendar</option><option>staff</option><option>dossier-status</option></select></label>
        <label>Giữ từ phiên bản <input name="keepFrom" type="number" min="0" required></label><label>Mã điểm (luồng riêng) <input name="siteId"></label><button>Thu gọn</button></form>
      <h2>Chiếu lại sự kiện chưa hiểu</h2>
      <form data-call="reproject"><button>Chiếu lại</button></form>
      <div class="out"></div>
    </section>
  </div>
</main>
<script nonce="${nonce}">
const $ = (id) => document.getElementById(id);
$('token').value = sessionStorage.getItem('motcua-admin') || '';
async function api(method, path, body) {
  const r = await fetch(path, { method, headers: { authorization: 'Bearer ' + $('token').value, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await r.json().catch(() => ({ code: 'HTTP_' + r.status, message: 'Lỗi ' + r.status }));
  if (!r.ok) throw new Error((json.message || '') + ' (' + (json.code || r.status) + ')');
  return json;
}
const text = (s) => document.createTextNode(s == null ? '' : String(s));
function cell(tr, v) { const td = document.createElement('td'); td.appendChild(text(v)); tr.appendChild(td); }
const when = (iso) => iso ? new Date(iso).toLocaleString('vi-VN') : '—';
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
  const out = $('sites-out');
  out.textContent = '';
  try {
    const { sites } = await api('GET', '/admin/sites');
    const body = $('sites');
    body.replaceChildren();
    for (const s of sites) {
      const tr = document.createElement('tr');
      const last = s.streams[0];
      cell(tr, s.siteId); cell(tr, s.name);
      cell(tr, s.streams.map(streamText).join('; ') || 'chưa gửi');
      cell(tr, when(last && last.lastPushAt));
      cell(tr, last && last.siteTime ? skew(Date.parse(last.lastPushAt) - Date.parse(last.siteTime)) : '—');
      cell(tr, last ? last.appVersion : '—');
      cell(tr, s.rejections); cell(tr, s.unprojected); cell(tr, when(s.credentialExpiresAt));
      body.appendChild(tr);
    }
    if (sites.length === 0) body.innerHTML = '<tr><td colspan="9">Chưa có điểm nào.</td></tr>';
  } catch (e) { out.textContent = e.message; }
}
const calls = {
  createSite: (f) => api('POST', '/admin/sites', { siteId: f.siteId, name: f.name, expiresInDays: Number(f.expiresInDays) }),
  credential: (f) => api('POST', '/admin/sites/' + encodeURIComponent(f.siteId) + '/credential', {}),
  status: (f) => api('POST', '/admin/sites/' + encodeURIComponent(f.siteId) + '/dossiers/' + encodeURIComponent(f.dossierId) + '/status', { status: f.status, note: f.note }),
  dossiers: (f) => api('GET', '/admin/sites/' + encodeURIComponent(f.siteId) + '/dossiers?limit=' + Number(f.limit)),
  catalog: (f) => api('POST', '/admin/catalog', { procedure: JSON.parse(f.json) }),
  calendar: (f) => api('POST', '/admin/calendar', { calendar: JSON.parse(f.json) }),
  staff: (f) => api('POST', '/admin/sites/' + encodeURIComponent(f.siteId) + '/staff', { staff: { username: f.username, fullName: f.fullName, role: f.role, active: f.active === 'true' } }),
  compact: (f) => api('POST', '/admin/feeds/' + f.feed + '/compact', f.siteId ? { keepFrom: Number(f.keepFrom), siteId: f.siteId } : { keepFrom: Number(f.keepFrom) }),
  reproject: () => api('POST', '/admin/reproject', {}),
};
for (const form of document.querySelectorAll('form[data-call]')) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = form.closest('section').querySelector('.out');
    out.textContent = 'Đang gửi…';
    try {
      const result = await calls[form.dataset.call](Object.fromEntries(new FormData(form)));
      out.textContent = JSON.stringify(result, null, 2);
      loadSites();
    } catch (e) { out.textContent = e.message; }
  });
}
$('save-token').addEventListener('click', () => { sessionStorage.setItem('motcua-admin', $('token').value); loadSites(); });
$('refresh').addEventListener('click', loadSites);
if ($('token').value) loadSites();
</script>
</body>
</html>`;
}
