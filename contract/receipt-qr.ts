/**
 * The QR on our dossier receipts. Two forms carry the same two values:
 *   compact `MC1|<dossierCode>|<lookupCode>` — small, for the counter's scanner;
 *   URL     `<base>/tra-cuu?hs=<dossierCode>&ma=<lookupCode>` — a citizen's phone opens the status page.
 * Both are ASCII on purpose: a keyboard-wedge scanner types ASCII faithfully (a Vietnamese IME only
 * rewrites letters into toned vowels, which these codes avoid) but may arrive with Caps Lock on, so
 * values are case-insensitive and returned upper case. In the contract because the hub prints and
 * reads it and the counter screen recognises a scan of it as it is typed.
 */

export interface ReceiptQr {
  readonly dossierCode: string;
  readonly lookupCode: string;
}

export type ReceiptQrForm = 'compact' | 'url';

export type ReceiptQrResult =
  | { ok: true; value: ReceiptQr & { form: ReceiptQrForm } }
  | { ok: false; code: 'RECEIPT_QR_UNKNOWN' | 'RECEIPT_QR_INVALID'; message: string };

const DOSSIER_CODE = /^[A-Z0-9][A-Z0-9._/-]{0,59}$/;
const LOOKUP_CODE = /^[A-Z0-9]{4,16}$/;
const COMPACT_PREFIX = 'MC1|';
const URL_PATH = '/tra-cuu';

export function formatReceiptQr(qr: ReceiptQr, baseUrl?: string): string {
  const dossierCode = qr.dossierCode.toUpperCase();
  const lookupCode = qr.lookupCode.toUpperCase();
  if (!DOSSIER_CODE.test(dossierCode) || !LOOKUP_CODE.test(lookupCode)) {
    throw new RangeError(`Receipt QR values out of format: ${JSON.stringify(qr)}`);
  }
  if (baseUrl === undefined) return `${COMPACT_PREFIX}${dossierCode}|${lookupCode}`;
  return `${baseUrl.replace(/\/+$/, '')}${URL_PATH}?hs=${encodeURIComponent(dossierCode)}&ma=${lookupCode}`;
}

export function parseReceiptQr(scanned: string): ReceiptQrResult {
  const text = scanned.trim();
  if (text.toUpperCase().startsWith(COMPACT_PREFIX)) {
    const parts = text.slice(COMPACT_PREFIX.length).split('|');
    if (parts.length !== 2) return invalid();
    return checked(parts[0], parts[1], 'compact');
  }
  const query = urlQuery(text);
  if (query === null) {
    return { ok: false, code: 'RECEIPT_QR_UNKNOWN', message: 'Mã QR này không phải mã trên giấy tiếp nhận hồ sơ.' };
  }
  const dossier = query.get('hs');
  const lookup = query.get('ma');
  if (dossier === undefined || lookup === undefined) return invalid();
  return checked(dossier, lookup, 'url');
}

function checked(dossierRaw: string, lookupRaw: string, form: ReceiptQrForm): ReceiptQrResult {
  const dossierCode = dossierRaw.toUpperCase();
  const lookupCode = lookupRaw.toUpperCase();
  if (!DOSSIER_CODE.test(dossierCode) || !LOOKUP_CODE.test(lookupCode)) return invalid();
  return { ok: true, value: { dossierCode, lookupCode, form } };
}

function invalid(): ReceiptQrResult {
  return { ok: false, code: 'RECEIPT_QR_INVALID', message: 'Mã QR trên giấy tiếp nhận bị hỏng hoặc sai định dạng. Hãy nhập mã hồ sơ bằng tay.' };
}

/** The query of an http(s) URL whose path ends in /tra-cuu, lower-cased keys; null otherwise. */
function urlQuery(text: string): Map<string, string> | null {
  const match = /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)\?([^#\s]*)$/i.exec(text);
  if (match === null || !match[1].toLowerCase().endsWith(URL_PATH)) return null;
  const query = new Map<string, string>();
  for (const pair of match[2].split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    try {
      query.set(pair.slice(0, eq).toLowerCase(), decodeURIComponent(pair.slice(eq + 1)));
    } catch {
      // A malformed escape leaves the value missing, which reports the QR as damaged.
    }
  }
  return query;
}
