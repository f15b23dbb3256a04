/**
 * The frame of the central's booking pages (`/dat-lich`, `/hen/…`): server-rendered HTML that
 * works on a phone without a script, in the look of `/tra-cuu`, with a print style for the
 * confirmation. Every value written into a page goes through `esc`.
 */

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const SHORT_WEEKDAYS = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const ddmm = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}`;

/** A refusal shown on the page, with its stable code for programs (and tests) in `data-code`. */
export interface PageError {
  readonly code: string;
  readonly message: string;
}
export const errorLine = (e: PageError | null): string => (e ? `<p class="error" role="alert" data-code="${esc(e.code)}">${esc(e.message)}</p>` : '');

/** "Thứ Sáu, 11/12/2026". */
export const dayLabel = (date: string): string => `${WEEKDAYS[weekdayOf(date)]}, ${ddmm(date)}/${date.slice(0, 4)}`;
/** "T6 11/12" (the day buttons). */
export const shortDayLabel = (date: string): string => `${SHORT_WEEKDAYS[weekdayOf(date)]} ${ddmm(date)}`;

const STYLE = `
  * { box-sizing: border-box; }
  body { font: 17px/1.5 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f4f6f8; }
  header { background: #a3191f; color: #fff; padding: 12px 16px; }
  header h1 { font-size: 20px; margin: 0; }
  header p { margin: 2px 0 0; font-size: 15px; opacity: .9; }
  main { padding: 14px; max-width: 560px; margin: 0 auto; display: grid; gap: 14px; }
  section { background: #fff; border-radius: 10px; padding: 14px 16px; box-shadow: 0 1px 3px #0002; }
  h2 { font-size: 19px; margin: 0 0 10px; }
  a { color: #0b5cad; }
  .steps { margin: 0; color: #56606b; font-size: 15px; }
  .choices { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
  .choices a { display: block; padding: 12px 14px; border: 1px solid #c5ccd3; border-radius: 8px; text-decoration: none; color: inherit; font-weight: 600; }
  .days { display: grid; grid-template-columns: repeat(4, 1fr); gap: 6px; margin-bottom: 12px; }
  .days a { padding: 6px 2px; border: 1px solid #c5ccd3; border-radius: 8px; text-decoration: none; color: inherit; text-align: center; font-size: 14px; white-space: nowrap; }
  .days a[aria-current] { background: #a3191f; border-color: #a3191f; color: #fff; font-weight: 600; }
  .days small { display: block; font-size: 12px; font-weight: 400; }
  fieldset { border: 0; margin: 0; padding: 0; }
  legend { font-weight: 600; margin-bottom: 8px; }
  .slots { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; }
  .slot { position: relative; display: block; border: 1px solid #8a96a3; border-radius: 8px; padding: 8px 4px; text-align: center; cursor: pointer; }
  .slot input { position: absolute; opacity: 0; }
  .slot b { display: block; font-size: 18px; }
  .slot small { font-size: 13px; color: #56606b; }
  .slot:has(input:checked) { background: #a3191f; border-color: #a3191f; color: #fff; }
  .slot:has(input:checked) small { color: #fff; }
  .slot:has(input:focus-visible) { outline: 3px solid #0b5cad; outline-offset: 2px; }
  .slot.full { border-style: dashed; color: #8a96a3; cursor: default; }
  form { display: grid; gap: 12px; }
  label { display: grid; gap: 4px; font-weight: 600; }
  input[type=text], input[type=tel], select { font: inherit; padding: 10px 12px; border: 1px solid #8a96a3; border-radius: 6px; width: 100%; }
  button, .button { font: inherit; font-weight: 600; padding: 12px; border-radius: 6px; border: 0; background: #a3191f; color: #fff; cursor: pointer; text-align: center; text-decoration: none; }
  .secondary { background: #fff; color: #a3191f; border: 1px solid #a3191f; }
  .hint { font-weight: 400; font-size: 14px; color: #56606b; }
  .error { color: #a3191f; font-weight: 600; margin: 0; }
  .notice { color: #1a6b2f; font-weight: 600; margin: 0; }
  .muted { color: #56606b; font-size: 15px; margin: 0; }
  .code { font: 700 44px/1.1 ui-monospace, monospace; letter-spacing: 6px; text-align: center; margin: 4px 0 10px; }
  .when { font-size: 19px; font-weight: 600; text-align: center; margin: 0 0 12px; }
  .when span { display: block; }
  .when .time { font-size: 34px; font-weight: 700; line-height: 1.2; }
  .checkin { margin-top: 12px; }
  .cancelled .code, .cancelled .when { text-decoration: line-through; color: #8a96a3; }
  .qr { display: block; width: 200px; height: 200px; margin: 0 auto 10px; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 6px 14px; margin: 0; }
  dt { color: #56606b; }
  dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
  .actions { display: grid; gap: 8px; margin-top: 14px; }
  @media print {
    body { background: #fff; font-size: 14pt; }
    header { background: none; color: #000; border-bottom: 2px solid #000; }
    section { box-shadow: none; padding: 0; }
    .no-print { display: none !important; }
    .qr { width: 45mm; height: 45mm; }
  }
`;

/** A whole page under the response's nonce (central/http/io.ts `sendPage`). */
export function citizenPage(nonce: string, title: string, subtitle: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} — Một Cửa</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1>${subtitle ? `<p>${esc(subtitle)}</p>` : ''}</header>
<main>
${body}
</main>${script ? `\n<script nonce="${nonce}">${script}</script>` : ''}
</body>
</html>`;
}
