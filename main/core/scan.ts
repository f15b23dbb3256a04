import { HubError } from '../../contract/errors';
import { parseCccdQr, type CccdCard } from './cccd-qr';
import { parseReceiptQr } from '../../contract/receipt-qr';
import { parseTicketQr } from '../../contract/ticket-qr';

export type Scan =
  | { readonly kind: 'cccd'; readonly citizen: CccdCard }
  | { readonly kind: 'receipt'; readonly dossierCode: string; readonly lookupCode: string }
  | { readonly kind: 'ticket'; readonly ticketId: string };

/**
 * What a scanned QR is: one of our tickets, one of our receipts, or a citizen ID card. A scan that
 * is none of them, or a card that does not read cleanly, is refused whole with the reason — the
 * officer never gets a half-filled form.
 */
export function classifyScan(text: string, now: number): Scan {
  const ticketId = parseTicketQr(text);
  if (ticketId) return { kind: 'ticket', ticketId };
  const receipt = parseReceiptQr(text);
  if (receipt.ok) return { kind: 'receipt', dossierCode: receipt.value.dossierCode, lookupCode: receipt.value.lookupCode };
  if (receipt.code === 'RECEIPT_QR_INVALID') throw new HubError('SCAN_UNREADABLE', receipt.message);
  const card = parseCccdQr(text, now);
  if (card.ok) return { kind: 'cccd', citizen: card.value };
  throw new HubError('SCAN_UNREADABLE', card.message, { reason: card.code });
}
