import type { KeyboardEvent } from 'react';

/** The labels of the booking fields, by the input's path: how the hub's complaints are named. */
export const bookingFieldNames: Record<string, string> = {
  serviceId: 'Dịch vụ',
  slotStart: 'Giờ hẹn',
  idNumber: 'Số định danh',
  fullName: 'Họ và tên',
  phone: 'Số điện thoại',
  code: 'Mã lịch hẹn',
};

/** The booking code read out over the phone one character at a time: "Q 3 B 7 K D". */
export const spelledCode = (code: string): string => [...code].join(' ');

/** "2026-12-10" → "10/12/2026". */
export const dayText = (date: string): string => date.split('-').reverse().join('/');

/**
 * The desk's F-keys stay with the dialog while it is open: F1 must not call the next number behind
 * a clerk who is booking a caller. Escape and Tab still reach the dialog's own handler.
 */
export function keepFunctionKeys(e: KeyboardEvent): void {
  if (/^F\d{1,2}$/.test(e.key)) {
    e.preventDefault();
    e.stopPropagation();
  }
}
