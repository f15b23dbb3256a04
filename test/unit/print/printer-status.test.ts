import { describe, expect, it } from 'vitest';
import { PrinterError } from '../../../main/node/print/printer-error';
import { parseStatus, statusProblem } from '../../../main/node/print/printer-status';
import { openPrinterTransport } from '../../../main/node/print/transport';
import { parsePrinterAddress } from '../../../contract/printer-address';
import { FileTransport } from '../../../main/node/print/file-transport';
import { SerialTransport } from '../../../main/node/print/serial-transport';
import { TcpTransport } from '../../../main/node/print/tcp-transport';

const ready = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 } as const;

describe('DLE EOT status bits (printing.md)', () => {
  it('reads a ready printer', () => {
    expect(parseStatus(ready)).toEqual({ online: true, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false });
    expect(statusProblem(parseStatus(ready))).toBeNull();
  });

  it('reads paper out from n=4 = 0x7E and from n=2 bit 5', () => {
    expect(parseStatus({ ...ready, 4: 0x7e })).toMatchObject({ paperOut: true, paperNearEnd: true });
    expect(parseStatus({ ...ready, 1: 0x1a, 2: 0x32 })).toMatchObject({ paperOut: true, online: false });
    expect(statusProblem(parseStatus({ ...ready, 1: 0x1a, 2: 0x32, 4: 0x7e }))?.code).toBe('PRINTER_PAPER_OUT');
  });

  it('reports an open cover before the offline state it causes', () => {
    const problem = statusProblem(parseStatus({ ...ready, 1: 0x1a, 2: 0x16 }));
    expect(problem).toBeInstanceOf(PrinterError);
    expect(problem?.code).toBe('PRINTER_COVER_OPEN');
    expect(problem?.message).toMatch(/Nắp máy in/);
  });

  it('reads near end as a warning, cutter error and plain offline as problems', () => {
    expect(statusProblem(parseStatus({ ...ready, 4: 0x1e }))).toBeNull();
    expect(parseStatus({ ...ready, 4: 0x1e }).paperNearEnd).toBe(true);
    expect(statusProblem(parseStatus({ ...ready, 3: 0x1a }))?.code).toBe('PRINTER_CUTTER_ERROR');
    expect(statusProblem(parseStatus({ ...ready, 1: 0x1a }))?.code).toBe('PRINTER_OFFLINE');
  });

  it('refuses bytes without the fixed 0x12 pattern (a wrong port or baud rate)', () => {
    expect(() => parseStatus({ ...ready, 2: 0x00 })).toThrow(expect.objectContaining({ code: 'PRINTER_BAD_STATUS' }));
    expect(() => parseStatus({ ...ready, 3: 0xff })).toThrow(PrinterError);
  });
});

describe('printer addresses', () => {
  it('parses tcp, serial and paths', () => {
    expect(openPrinterTransport('tcp://192.168.1.50:9100')).toBeInstanceOf(TcpTransport);
    expect(openPrinterTransport('tcp://printer.local').description).toBe('tcp://printer.local:9100');
    const serial = openPrinterTransport('serial:/dev/ttyUSB0?baud=115200&flow=rtscts');
    expect(serial).toBeInstanceOf(SerialTransport);
    expect(serial.description).toBe('serial:/dev/ttyUSB0@115200');
    expect(openPrinterTransport('serial:COM3').description).toBe('serial:COM3@9600');
    expect(openPrinterTransport('/dev/usb/lp0')).toBeInstanceOf(FileTransport);
    expect(openPrinterTransport('\\\\KETOAN\\XP80').description).toBe('file:\\\\KETOAN\\XP80');
    expect(openPrinterTransport('LPT1')).toBeInstanceOf(FileTransport);
    expect(openPrinterTransport('serial:/dev/serial/by-id/usb-Prolific_2303-if00-port0').description).toBe('serial:/dev/serial/by-id/usb-Prolific_2303-if00-port0@9600');
  });

  it('refuses anything that is not a printer, with the reason in Vietnamese', () => {
    const refused = (address: string) => {
      const parsed = parsePrinterAddress(address);
      return parsed.ok ? null : parsed.message;
    };
    expect(refused('serial:COM3?flow=dtr')).toMatch(/điều khiển luồng/);
    expect(refused('serial:COM3?baud=fast')).toMatch(/tốc độ/);
    expect(refused('serial:/home/motcua/data/motcua.sqlite')).toMatch(/cổng COM không hợp lệ/);
    expect(refused('tcp://192.168.1.50:99999')).toMatch(/cổng mạng/);
    for (const path of ['/home/motcua/data/motcua.sqlite', '/etc/passwd', '/dev/usb/../../etc/passwd', '/dev/tty/../sda', '/dev/sda', 'C:\\MotCua\\motcua.sqlite', '\\\\.\\PhysicalDrive0', '\\\\?\\C:\\x', '\\\\PC\\share\\file.txt', 'file:/dev/usb/lp0', 'lp0', '']) {
      expect(refused(path), path).toMatch(/^Địa chỉ máy in .*Chỉ dùng: máy in mạng tcp:/);
    }
    expect(() => openPrinterTransport('/etc/passwd')).toThrow(expect.objectContaining({ code: 'PRINTER_ADDRESS_REFUSED' }));
    expect(() => openPrinterTransport('os:Canon')).toThrow(expect.objectContaining({ code: 'PRINTER_NOT_SUPPORTED' }));
  });
});
