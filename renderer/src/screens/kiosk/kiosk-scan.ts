import { parseAppointmentQr, type CheckInInput } from '../../../../contract/appointments';
import { parseReceiptQr } from '../../../../contract/receipt-qr';
import type { ReceiptKeys } from './KioskDossierCheck';

/**
 * What a scan at the kiosk is, by its shape only: a receipt's QR (check the dossier), a booking's
 * QR or a CCCD's (check in), or something else. The hub reads a CCCD and judges a check-in; the
 * kiosk only needs to know which page to open.
 */
export type KioskScan =
  | { kind: 'receipt'; keys: ReceiptKeys }
  | { kind: 'checkIn'; input: CheckInInput }
  | { kind: 'other'; receiptProblem: string };

/** A CCCD's QR starts with its 12-digit number and a `|` (main/core/cccd-qr.ts reads the rest). */
const CCCD_SHAPE = /^\d{12}\|/;

export function kioskScanOf(text: string): KioskScan {
  const receipt = parseReceiptQr(text);
  if (receipt.ok) return { kind: 'receipt', keys: { code: receipt.value.dossierCode, lookupCode: receipt.value.lookupCode } };
  if (parseAppointmentQr(text)) return { kind: 'checkIn', input: { by: 'code', text: text.trim() } };
  if (CCCD_SHAPE.test(text.trim())) return { kind: 'checkIn', input: { by: 'cccd', raw: text } };
  return { kind: 'other', receiptProblem: receipt.message };
}
