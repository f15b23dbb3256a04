/**
 * The QR on a queue ticket: a link to the ticket's status page when the site has a public
 * address, else a compact reference a counter scanner can read. ASCII either way (printers'
 * QR commands and cheap scanners both mangle anything else). In the contract, like the receipt's
 * (receipt-qr.ts): the hub prints and reads it, and the counter screen recognises a scan of it as
 * it is typed (renderer/src/ui/wedge-burst.ts).
 */
export function ticketQrPayload(ticketId: string, lookupBaseUrl: string | null): string {
  return lookupBaseUrl ? `${lookupBaseUrl.replace(/\/+$/, '')}/q/${ticketId}` : `MCT1|${ticketId}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ticket id in a scanned ticket QR (either form), or null. */
export function parseTicketQr(scanned: string): string | null {
  const text = scanned.trim();
  const id = /^MCT1\|(.+)$/i.exec(text)?.[1] ?? /\/q\/([^/?#\s]+)$/.exec(text)?.[1] ?? null;
  return id !== null && UUID.test(id) ? id.toLowerCase() : null;
}
