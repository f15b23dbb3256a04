/**
 * Where the QR codes printed for citizens lead (a ticket's `/q/<id>`, a receipt's `/tra-cuu`): a
 * phone's camera opens a link, and the counter's scanner reads the link as well as the compact
 * codes (contract/ticket-qr.ts, receipt-qr.ts). In order:
 * 1. the address the admin set (a name on the site's Wi-Fi, or the province's public page);
 * 2. the hub's own address on the LAN, which a phone on the site's Wi-Fi opens;
 * 3. none, for a hub that listens only on its own PC: no phone could open a link, so the compact
 *    codes, which the counter's scanner reads.
 */
export function citizenLinkBase(adminAddress: string | null, hubUrls: readonly string[]): string | null {
  if (adminAddress) return adminAddress.replace(/\/+$/, '');
  return hubUrls.find((u) => !isLoopback(u)) ?? null;
}

/**
 * Where a receipt's QR leads: the province's public status page when the province gave one (it
 * answers from anywhere, and while the site is offline, from the statuses the site synced), else
 * the same place as a ticket's.
 */
export function receiptLinkBase(provinceAddress: string | null, adminAddress: string | null, hubUrls: readonly string[]): string | null {
  return provinceAddress ? provinceAddress.replace(/\/+$/, '') : citizenLinkBase(adminAddress, hubUrls);
}

function isLoopback(url: string): boolean {
  const host = /^[a-z]+:\/\/(\[[^\]]*\]|[^/:]*)/i.exec(url)?.[1] ?? '';
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}
