/**
 * What a printer address may be, and what it means. The admin types it; the hub checks it when it
 * is saved (the Printer schema) and again before every job (an address edited in the database by
 * hand), because printing writes to whatever the address names: a plain path would let a typo, or
 * anyone with the admin's password, overwrite the hub's own database or any file the hub can write.
 * Only printers pass: network printers, COM ports, USB/parallel printer devices, shared printers.
 */

export type SerialFlowControl = 'none' | 'rtscts' | 'xonxoff';

export type PrinterAddress =
  /** A network printer on a raw port (9100). */
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  /** A COM port (real or USB-CDC), two-way. */
  | { readonly kind: 'serial'; readonly path: string; readonly baudRate: number; readonly flowControl: SerialFlowControl }
  /** A printer device written like a file, one-way: USB or parallel printer, a tty, a Windows shared printer. */
  | { readonly kind: 'device'; readonly path: string }
  /** An A4 printer of the operating system, printed through the screens' print dialog. */
  | { readonly kind: 'os'; readonly name: string };

export type ParsedPrinterAddress = { readonly ok: true; readonly address: PrinterAddress } | { readonly ok: false; readonly message: string };

export const PRINTER_ADDRESS_FORMS =
  'máy in mạng tcp://192.168.1.50:9100, cổng COM serial:COM3?baud=115200 hoặc serial:/dev/ttyUSB0, máy in USB /dev/usb/lp0, cổng COM3 hoặc LPT1, máy in chia sẻ \\\\TÊN-MÁY\\TÊN-MÁY-IN, máy in A4 os:Tên máy in';

const refused = (why: string): ParsedPrinterAddress => ({ ok: false, message: `Địa chỉ máy in ${why}. Chỉ dùng: ${PRINTER_ADDRESS_FORMS}.` });

/**
 * Linux printer and serial device nodes (USB printer class, parallel port, serial/USB-serial,
 * the stable /dev/serial links, pseudo-terminals of a bridged printer) and Windows device names.
 * Each name is one path segment of letters, digits and `._:+-`, never starting with a dot, so no
 * `..` can climb out of /dev.
 */
const NAME = '[A-Za-z0-9_:+-][A-Za-z0-9._:+-]*';
const unixDevice = new RegExp(`^/dev/(usb/lp\\d+|lp\\d+|tty${NAME}|pts/\\d+|serial/by-(id|path)/${NAME}|cu\\.${NAME})$`);
const windowsPort = /^(\\\\\.\\)?(COM\d{1,3}|LPT\d)$/i;
/** `\\host\share`: exactly two parts; the host starts with a letter or digit (not `\\.\` or `\\?\`, device and long-path prefixes). */
const windowsShare = /^\\\\[A-Za-z0-9][A-Za-z0-9.-]*\\[^\\/:*?"<>|\s][^\\/:*?"<>|]*$/;

/** Parse an address as the admin types it; `message` says in Vietnamese what is wrong and what is allowed. */
export function parsePrinterAddress(input: string): ParsedPrinterAddress {
  const text = input.trim();
  const tcp = /^tcp:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*)(?::(\d{1,5}))?\/?$/i.exec(text);
  if (tcp) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (port < 1 || port > 65_535) return refused(`có cổng mạng không hợp lệ (${tcp[2]})`);
    return { ok: true, address: { kind: 'tcp', host: tcp[1].replace(/^\[|\]$/g, ''), port } };
  }
  const serial = /^serial:([^?]+)(?:\?(.*))?$/i.exec(text);
  if (serial) {
    const path = serial[1];
    if (!unixDevice.test(path) && !windowsPort.test(path)) return refused(`có cổng COM không hợp lệ (${path})`);
    const params = new Map((serial[2] ?? '').split('&').filter(Boolean).map((p) => p.split('=') as [string, string | undefined]));
    const baud = params.get('baud') ?? '9600';
    const flow = params.get('flow') ?? 'none';
    if (!/^\d{3,7}$/.test(baud) || Number(baud) <= 0) return refused(`có tốc độ cổng COM không hợp lệ (${baud})`);
    if (flow !== 'none' && flow !== 'rtscts' && flow !== 'xonxoff') return refused(`có kiểu điều khiển luồng không hợp lệ (${flow}; dùng none, rtscts hoặc xonxoff)`);
    return { ok: true, address: { kind: 'serial', path, baudRate: Number(baud), flowControl: flow } };
  }
  const os = /^os:(.+)$/i.exec(text);
  if (os) return { ok: true, address: { kind: 'os', name: os[1].trim() } };
  if (unixDevice.test(text) || windowsPort.test(text) || windowsShare.test(text)) return { ok: true, address: { kind: 'device', path: text } };
  return refused('không phải là máy in (không được in ra một tệp hay thư mục)');
}
