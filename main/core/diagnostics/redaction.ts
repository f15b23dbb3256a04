import type { SettingView } from '../../../contract/diagnostics';
import { REDACTED, sensitiveKeys } from '../../../contract/sensitive-keys';

/**
 * What of the hub's own data may leave in a diagnostics bundle. The bundle goes to a technician
 * outside the site — by e-mail, on a USB stick, through a chat app — so nothing in it may unlock
 * anything (passwords, tokens, the sync credential, the kiosk PIN) or name a citizen.
 */

/** Field names that hold secrets, at any depth: `passwordHash`, `tokenHash`, `kioskPinHash`, `credential`… */
const SECRET_NAME = /password|passwd|passphrase|secret|token|credential|cookie|authorization|hash$|pin$/i;

/** A user and password written into an address (`https://user:pass@host/`). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s"]+@/gi;

export function withoutUserinfo(text: string): string {
  return text.replace(URL_USERINFO, `$1${REDACTED}@`);
}

/**
 * How each known setting is shown. A setting not listed here is shown by name only: whoever adds
 * a setting decides here whether it may leave, instead of it leaving by default.
 */
const settingShapes: Readonly<Record<string, (value: unknown) => SettingView>> = {
  site: shown('site'),
  dossiers: shown('dossiers'),
  scanners: shown('scanners'),
  scanDeletion: shown('scanDeletion'),
  incarnation: shown('incarnation'),
  // Whether the second location is encrypted, not how: the key and its check value would let anyone
  // with the bundle open the stick, or try passphrases against it offline.
  backup: (v) => {
    const b = isRecord(v) ? v : {};
    return { key: 'backup', shown: true, value: { intervalHours: b.intervalHours ?? null, secondLocation: b.secondLocation ?? null, keep: b.keep ?? null, encrypted: Boolean(b.encryption) } };
  },
  restoredFrom: shown('restoredFrom'),
  syncLastSuccessAt: shown('syncLastSuccessAt'),
  // The province's address and the site's id help; the credential would let anyone push as this site.
  sync: (v) => {
    const c = isRecord(v) ? v : {};
    return { key: 'sync', shown: true, value: { centralUrl: typeof c.centralUrl === 'string' ? withoutUserinfo(c.centralUrl) : null, siteId: c.siteId ?? null, credential: c.credential ? REDACTED : null } };
  },
  kioskPinHash: () => ({ key: 'kioskPinHash', shown: false, reason: 'Bí mật: chỉ ghi nhận là đã đặt mã PIN kiosk.' }),
};

function shown(key: string): (value: unknown) => SettingView {
  return (value) => ({ key, shown: true, value: withoutSecrets(value) });
}

/** The site's settings for the bundle, in key order. */
export function settingsForDiagnostics(rows: readonly { key: string; value: unknown }[]): SettingView[] {
  return [...rows]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map(({ key, value }) => settingShapes[key]?.(value) ?? { key, shown: false, reason: 'Chưa được khai báo là an toàn để xuất.' });
}

/** A copy with every field named like a secret replaced, and passwords in addresses removed, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  return mapDeep(value, (key) => SECRET_NAME.test(key), withoutUserinfo);
}

const personalKeys = new Set<string>(sensitiveKeys);

/**
 * Citizens' numbers that could slip into a log line as free text (an error message quoting its
 * input): CCCD (12 digits), CMND (9), phones (0… or +84…, 10–11 digits, spaces or dots allowed),
 * and e-mail addresses. Not preceded or followed by a letter, digit or hyphen, so ids and hashes
 * (UUIDs, request ids) are left alone.
 */
const PERSONAL_NUMBER = /(?<![\w-])(?:\d{12}|\d{9}|(?:\+84|0)\d(?:[ .]?\d){8,9})(?![\w-])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

function maskText(text: string): string {
  return withoutUserinfo(text).replace(EMAIL, REDACTED).replace(PERSONAL_NUMBER, REDACTED);
}

/**
 * One log line as it may leave in the bundle. The logger already hid these fields up to three
 * levels deep; this pass hides them at any depth, masks numbers and addresses that look personal
 * in every text, and treats a line that is not JSON (a crash written by hand) as text.
 */
export function scrubLogLine(line: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return maskText(line);
  }
  return JSON.stringify(mapDeep(parsed, (key) => personalKeys.has(key) || SECRET_NAME.test(key), maskText));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mapDeep(value: unknown, hide: (key: string) => boolean, text: (s: string) => string): unknown {
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, hide, text));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(k) && v !== null && v !== undefined ? REDACTED : mapDeep(v, hide, text)]));
}
