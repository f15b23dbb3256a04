import { provincePanel, provinceScript } from './admin-page-province';
import { adminScript } from './admin-page-script';

/**
 * The back-office page: one self-contained HTML document (no external assets; the script runs
 * under a per-response nonce). It holds no data itself: after the login (an HttpOnly session
 * cookie) its script calls the /admin API and shows what the central computed — a dossier's one
 * status and the moves it allows come from the server (central/admin/dossier-status.ts). A clerk
 * sees the dossiers; a province-admin also the sites, accounts, publishing and the audit.
 */
export function adminPage(nonce: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Một Cửa — Máy chủ tỉnh</title>
<style nonce="${nonce}">
  [hidden] { display: none !important; }
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f4f6f8; }
  header { background: #a3191f; color: #fff; padding: 10px 20px; display: flex; gap: 16px; align-items: center; }
  header h1 { font-size: 18px; margin: 0; flex: 1; }
  header button { background: #fff; color: #a3191f; border: 0; }
  nav { display: flex; gap: 4px; padding: 8px 20px 0; }
  nav button { border: 1px solid #c5ccd3; border-bottom: 0; border-radius: 6px 6px 0 0; background: #e3e7eb; }
  nav button[aria-current="page"] { background: #fff; font-weight: 600; }
  main { padding: 0 20px 16px; display: grid; gap: 16px; }
  section { background: #fff; border-radius: 8px; padding: 12px 16px; box-shadow: 0 1px 2px #0002; }
  h2 { font-size: 17px; margin: 0 0 10px; }
  h3 { font-size: 15px; margin: 14px 0 6px; }
  table { border-collapse: collapse; width: 100%; font-size: 14px; }
  th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #e3e7eb; vertical-align: middle; }
  th { background: #f0f2f4; font-weight: 600; }
  form { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; }
  label { display: grid; gap: 2px; font-size: 13px; }
  input, select, textarea { font: inherit; padding: 5px 7px; border: 1px solid #8a96a3; border-radius: 4px; }
  textarea { width: 100%; min-height: 90px; font-family: ui-monospace, monospace; font-size: 13px; }
  button { font: inherit; padding: 6px 14px; cursor: pointer; border-radius: 4px; border: 1px solid #8a96a3; background: #fff; color: #1d2733; }
  button.primary { background: #a3191f; border-color: #a3191f; color: #fff; }
  .login { max-width: 380px; margin: 48px auto; }
  .login form { display: grid; }
  .msg { margin: 8px 0 0; }
  .msg:empty { display: none; }
  .error { color: #a3191f; }
  .ok { color: #1e6b35; }
  .secret { font-family: ui-monospace, monospace; background: #fff4d6; padding: 2px 6px; }
  .status { display: inline-block; white-space: nowrap; padding: 1px 8px; border-radius: 10px; background: #e3e7eb; font-weight: 600; }
  .status.final { background: #d9efe0; color: #14532d; }
  .split { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 4fr); gap: 16px; align-items: start; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
  dt { color: #4a5561; }
  dd { margin: 0; }
  .moves { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-top: 8px; }
  .note input { width: 100%; box-sizing: border-box; }
  .muted { color: #4a5561; }
  .nowrap { white-space: nowrap; }
  .small { font-size: 12px; }
  a.button { padding: 6px 14px; border-radius: 4px; border: 1px solid #8a96a3; background: #fff; color: #1d2733; text-decoration: none; }
  button.link { border: 0; padding: 0; background: none; color: #0b4f8a; text-decoration: underline; text-align: left; font-weight: 600; }
  .scroll { overflow-x: auto; }
  table.measures { font-size: 13px; }
  table.measures th { vertical-align: bottom; }
  table.measures th.num { text-align: right; min-width: 4.5em; }
  table.measures th.site { min-width: 11em; }
  table.measures th.group { text-align: center; border-left: 2px solid #fff; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .alert { color: #a3191f; font-weight: 600; }
  .offline { color: #a3191f; font-size: 12px; font-weight: 600; }
  tr.is-offline { background: #fdf0f0; }
  /* The period's errors go under their own field, in a second row that stays empty (no height) without one. */
  #province-form { display: grid; grid-template-columns: repeat(4, max-content); gap: 2px 10px; }
  #province-form input { width: 8em; font-size: 15px; padding: 6px 8px; }
  #province-form input[aria-invalid="true"] { border: 2px solid #a3191f; padding: 5px 7px; }
  .field-error { grid-row: 2; color: #a3191f; font-size: 13px; contain: inline-size; }
  #province-from-error { grid-column: 1; }
  #province-to-error { grid-column: 2; }
</style>
</head>
<body>
<header>
  <h1>Một Cửa — Máy chủ tỉnh</h1>
  <span id="who"></span>
  <button id="logout" hidden>Đăng xuất</button>
</header>

<section class="login" id="login" hidden aria-labelledby="login-title">
  <h2 id="login-title">Đăng nhập</h2>
  <form id="login-form" aria-labelledby="login-title">
    <label>Tên đăng nhập <input name="username" autocomplete="username" required></label>
    <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
    <button class="primary">Đăng nhập</button>
  </form>
  <p class="msg error" role="alert" id="login-msg"></p>
</section>

<nav id="tabs" hidden aria-label="Mục của máy chủ tỉnh">
  <button data-tab="dossiers" aria-current="page">Hồ sơ</button>
  <button data-tab="province">Toàn tỉnh</button>
  <button data-tab="sites" data-role="province-admin">Điểm một cửa</button>
  <button data-tab="accounts" data-role="province-admin">Tài khoản</button>
  <button data-tab="publish" data-role="province-admin">Ban hành</button>
  <button data-tab="audit" data-role="province-admin">Nhật ký thay đổi</button>
  <button data-tab="password">Đổi mật khẩu</button>
</nav>

<main id="app" hidden>
  <div class="split" data-panel="dossiers">
    <section aria-labelledby="find-title">
      <h2 id="find-title">Tra cứu hồ sơ</h2>
      <form id="find-form" aria-labelledby="find-title">
        <label>Mã hồ sơ hoặc họ tên người nộp <input name="q" size="40" required minlength="2" maxlength="100"></label>
        <button class="primary">Tìm</button>
      </form>
      <p class="msg" role="status" id="find-msg"></p>
      <table id="found" hidden><thead><tr><th>Mã hồ sơ</th><th>Người nộp</th><th>Điểm một cửa</th><th>Hạn trả</th><th>Trạng thái</th><th></th></tr></thead><tbody></tbody></table>
    </section>
    <section aria-labelledby="detail-title" id="detail" hidden>
      <h2 id="detail-title"></h2>
      <dl id="detail-fields"></dl>
      <h3>Chuyển trạng thái xử lý</h3>
      <div id="moves"></div>
      <p class="msg" role="alert" id="move-msg"></p>
      <h3>Quá trình xử lý</h3>
      <table><thead><tr><th>Thời điểm</th><th>Trạng thái</th><th>Ai thực hiện</th><th>Ghi chú</th></tr></thead><tbody id="history"></tbody></table>
    </section>
  </div>

${provincePanel}

  <section data-panel="sites" hidden aria-labelledby="sites-title">
    <h2 id="sites-title">Các điểm một cửa và tình trạng đồng bộ</h2>
    <table><thead><tr><th>Mã</th><th>Tên</th><th>Mã định danh</th><th>Luồng dữ liệu</th><th>Lần gửi cuối</th><th>Lệch giờ</th><th>Phiên bản</th><th>Bị từ chối</th><th>Chưa chiếu</th><th>Mã xác thực hết hạn</th></tr></thead>
    <tbody id="sites"></tbody></table>
    <h3 id="create-site-title">Thêm điểm một cửa</h3>
    <form data-call="createSite" aria-labelledby="create-site-title"><label>Mã điểm <input name="siteId" required pattern="[A-Za-z0-9][A-Za-z0-9._\\-]{0,79}"></label>
      <label>Tên <input name="name" required size="30"></label><label>Hạn mã xác thực (ngày) <input name="expiresInDays" type="number" value="365" min="1"></label>
      <button>Tạo</button></form>
    <h3 id="credential-title">Cấp lại mã xác thực</h3>
    <form data-call="credential" aria-labelledby="credential-title"><label>Mã điểm <input name="siteId" required></label><button>Cấp mã mới</button></form>
    <p class="msg" role="status"></p>
  </section>

  <section data-panel="accounts" hidden aria-labelledby="accounts-title">
    <h2 id="accounts-title">Tài khoản của máy chủ tỉnh</h2>
    <table><thead><tr><th>Tên đăng nhập</th><th>Họ tên</th><th>Vai trò</th><th>Đang dùng</th><th></th></tr></thead><tbody id="accounts"></tbody></table>
    <h3 id="new-account-title">Thêm tài khoản</h3>
    <form data-call="createAccount" aria-labelledby="new-account-title"><label>Tên đăng nhập <input name="username" required pattern="[a-z0-9._\\-]{3,32}"></label>
      <label>Họ tên <input name="fullName" required size="30"></label>
      <label>Vai trò <select name="role"><option value="clerk">Cán bộ xử lý hồ sơ</option><option value="province-admin">Quản trị tỉnh</option></select></label>
      <button>Tạo</button></form>
    <p class="msg" role="status"></p>
  </section>

  <section data-panel="publish" hidden aria-labelledby="publish-title">
    <h2 id="publish-title">Ban hành cho các điểm</h2>
    <h3 id="catalog-title">Thủ tục (JSON ProcedureVersion, không có id)</h3>
    <form data-call="catalog" aria-labelledby="catalog-title"><textarea name="json" required></textarea><button>Ban hành cho mọi điểm</button></form>
    <h3 id="calendar-title">Lịch làm việc năm (JSON CalendarYear)</h3>
    <form data-call="calendar" aria-labelledby="calendar-title"><textarea name="json" required></textarea><button>Ban hành</button></form>
    <h3 id="staff-title">Tài khoản cán bộ của một điểm</h3>
    <form data-call="staff" aria-labelledby="staff-title"><label>Mã điểm <input name="siteId" required></label><label>Tên đăng nhập <input name="username" required></label>
      <label>Họ tên <input name="fullName" required></label>
      <label>Vai trò <select name="role"><option value="officer">Cán bộ</option><option value="supervisor">Phụ trách</option><option value="admin">Quản trị</option></select></label>
      <label>Đang làm việc <select name="active"><option value="true">Có</option><option value="false">Không</option></select></label><button>Gửi</button></form>
    <h3 id="compact-title">Thu gọn luồng dữ liệu</h3>
    <form data-call="compact" aria-labelledby="compact-title"><label>Luồng <select name="feed"><option value="catalog">Thủ tục</option><option value="calendar">Lịch</option><option value="staff">Cán bộ</option><option value="dossier-status">Trạng thái hồ sơ</option></select></label>
      <label>Giữ từ phiên bản <input name="keepFrom" type="number" min="0" required></label><label>Mã điểm (luồng riêng) <input name="siteId"></label><button>Thu gọn</button></form>
    <h3 id="reproject-title">Chiếu lại sự kiện chưa hiểu</h3>
    <form data-call="reproject" aria-labelledby="reproject-title"><button>Chiếu lại</button></form>
    <p class="msg" role="status"></p>
  </section>

  <section data-panel="audit" hidden aria-labelledby="audit-title">
    <h2 id="audit-title">Nhật ký thay đổi (100 thay đổi mới nhất)</h2>
    <table><thead><tr><th>Thời điểm</th><th>Người thực hiện</th><th>Việc</th><th>Điểm</th><th>Đối tượng</th><th>Chi tiết</th></tr></thead><tbody id="audit"></tbody></table>
    <p class="msg" role="status"></p>
  </section>

  <section data-panel="password" hidden aria-labelledby="password-title">
    <h2 id="password-title">Đổi mật khẩu</h2>
    <form data-call="password" aria-labelledby="password-title"><label>Mật khẩu hiện tại <input name="current" type="password" autocomplete="current-password" required></label>
      <label>Mật khẩu mới (ít nhất 10 ký tự) <input name="next" type="password" autocomplete="new-password" required minlength="10"></label><button>Đổi mật khẩu</button></form>
    <p class="msg" role="status"></p>
  </section>
</main>
<script nonce="${nonce}">${adminScript}${provinceScript}</script>
</body>
</html>`;
}
