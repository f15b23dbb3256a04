import { sayer, type MessageKey } from '../../contract/locales';

/** The receipt and its dossier are Vietnamese: so is the page (its words from contract/locales). */
const say = sayer('vi');
/** A text for HTML: our own words, escaped all the same so a translation can never break the page. */
const t = (key: MessageKey): string => say(key).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
/** A text as a script's string literal (`<` escaped, so no text can close the script). */
const js = (key: MessageKey): string => JSON.stringify(say(key)).replace(/</g, '\\u003c');

/**
 * The page a receipt's QR opens on the province's public address (`/tra-cuu?hs=…&ma=…`), mostly on
 * a phone: the dossier's status in the words a citizen acts on (contract/citizen-dossier.ts, as the
 * hub's own page on the LAN says them), its due date, and a masked name — nothing more. Without
 * the two codes in the address it asks for them. One self-contained document under a nonce.
 */
export function publicStatusPage(nonce: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t('dossier.title')} — Một Cửa</title>
<style nonce="${nonce}">
  [hidden] { display: none !important; }
  body { font: 18px/1.5 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f4f6f8; }
  header { background: #a3191f; color: #fff; padding: 14px 18px; }
  header h1 { font-size: 20px; margin: 0; }
  main { padding: 16px; max-width: 560px; margin: 0 auto; display: grid; gap: 16px; }
  section { background: #fff; border-radius: 10px; padding: 16px 18px; box-shadow: 0 1px 3px #0002; }
  form { display: grid; gap: 12px; }
  label { display: grid; gap: 4px; font-weight: 600; }
  input { font: inherit; padding: 10px 12px; border: 1px solid #8a96a3; border-radius: 6px; text-transform: uppercase; }
  button { font: inherit; font-weight: 600; padding: 12px; border-radius: 6px; border: 0; background: #a3191f; color: #fff; cursor: pointer; }
  .headline { font-size: 26px; margin: 0 0 6px; }
  .ready .headline { color: #1a6b2f; }
  .detail { margin: 0 0 12px; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 14px; margin: 0; }
  dt { color: #56606b; }
  dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
  .msg { margin: 0; }
  .error { color: #a3191f; font-weight: 600; }
  .muted { color: #56606b; font-size: 15px; }
</style>
</head>
<body>
<header><h1>${t('dossier.statusTitle')}</h1></header>
<main>
  <section id="result" hidden aria-live="polite">
    <h2 class="headline" id="headline"></h2>
    <p class="detail" id="detail"></p>
    <dl>
      <dt>${t('dossier.site')}</dt><dd id="site"></dd>
      <dt>${t('dossier.code')}</dt><dd id="code"></dd>
      <dt>${t('dossier.procedure')}</dt><dd id="procedure"></dd>
      <dt>${t('dossier.applicant')}</dt><dd id="applicant"></dd>
      <dt>${t('dossier.received')}</dt><dd id="received"></dd>
      <dt>${t('dossier.due')}</dt><dd id="due"></dd>
      <dt id="returned-label" hidden>${t('dossier.returned')}</dt><dd id="returned" hidden></dd>
    </dl>
  </section>
  <section>
    <form id="ask">
      <label>${t('dossier.code')} <input name="hs" required autocomplete="off" spellcheck="false" placeholder="${t('dossier.codeExample')}"></label>
      <label>${t('dossier.lookupCode')} <input name="ma" required autocomplete="off" spellcheck="false" minlength="4" maxlength="16" placeholder="${t('dossier.lookupCodeHint')}"></label>
      <button>${t('dossier.lookUp')}</button>
      <p class="msg" id="msg" role="status"></p>
      <p class="msg error" id="error" role="alert" hidden></p>
    </form>
    <p class="muted">${t('dossier.privacy')}</p>
  </section>
</main>
<script nonce="${nonce}">
const $ = (id) => document.getElementById(id);
const WHEN = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
function show(d) {
  $('headline').textContent = d.headline;
  $('detail').textContent = d.detail || '';
  $('detail').hidden = !d.detail;
  $('site').textContent = d.siteName;
  $('code').textContent = d.code;
  $('procedure').textContent = d.procedureName;
  $('applicant').textContent = d.applicantMasked;
  $('received').textContent = DAY.format(new Date(d.receivedAt));
  $('due').textContent = d.dueAt ? WHEN.format(new Date(d.dueAt)) : ${js('dossier.noDue')};
  $('returned').textContent = d.returnedAt ? WHEN.format(new Date(d.returnedAt)) : '';
  $('returned').hidden = $('returned-label').hidden = !d.returnedAt;
  $('result').className = d.status === 'result_ready' ? 'ready' : '';
  $('result').hidden = false;
}
async function ask(hs, ma) {
  const msg = $('msg');
  const error = $('error');
  error.hidden = true;
  msg.textContent = ${js('dossier.looking')};
  try {
    const r = await fetch('/api/tra-cuu?hs=' + encodeURIComponent(hs) + '&ma=' + encodeURIComponent(ma));
    const body = await r.json();
    msg.textContent = '';
    if (!r.ok) { $('result').hidden = true; error.textContent = body.message; error.hidden = false; return; }
    show(body);
  } catch (e) {
    msg.textContent = '';
    error.textContent = ${js('dossier.unreachable')};
    error.hidden = false;
  }
}
const form = $('ask');
const query = new URLSearchParams(location.search);
if (query.get('hs') && query.get('ma')) {
  form.hs.value = query.get('hs');
  form.ma.value = query.get('ma');
  ask(form.hs.value, form.ma.value);
}
form.addEventListener('submit', (ev) => { ev.preventDefault(); ask(form.hs.value.trim(), form.ma.value.trim()); });
</script>
</body>
</html>`;
}
