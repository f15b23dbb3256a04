import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encode, preview, printerProfile, receiptSlipDocument, testPageDocument, ticketDocument } from '../../../main/node/print/index';
import type { PrinterProfile } from '../../../main/node/print/layout-types';
import { rasterImage } from '../../../main/node/print/escpos-commands';
import { renderTextRaster } from '../../../main/node/print/raster-text';
import { decodeEscPos, rasterDiffRatio, rasterImages, renderDecodedToPng, textItems, type DecodedJob } from '../../support/escpos-decoder';
import { readQrFromPng } from './png-qr';
import { sampleReceipt, sampleTicket } from './samples';

const OUT = 'test-results/print';
mkdirSync(OUT, { recursive: true });

const raster80 = printerProfile('80mm');
const raster58 = printerProfile('58mm');
const rasterT88 = printerProfile('80mm', { model: 'tm-t88' });
const text80 = printerProfile('80mm', { textMode: 'epson-tcvn3' });

const ticket = ticketDocument(sampleTicket);
const cuts = (job: DecodedJob) => job.items.filter((it) => it.kind === 'cut');
const qrs = (job: DecodedJob) => job.items.flatMap((it) => (it.kind === 'qr' ? [it] : []));

describe('ticket job framing', () => {
  it.each([raster80, raster58, rasterT88, text80])('starts with ESC @ and FS ., has one QR and exactly one cut (%o)', (profile) => {
    const bytes = encode(ticket, profile);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x2e]);
    const job = decodeEscPos(bytes);
    expect(job.resets).toEqual([0]);
    expect(job.leftDoubleByte).toBe(true);
    expect(cuts(job)).toEqual([{ kind: 'cut', partial: true }]);
    expect(job.items[job.items.length - 1].kind).toBe('cut');
    expect(qrs(job).map((q) => q.payload)).toEqual([sampleTicket.qrPayload]);
  });

  it('stores the QR with its byte length and prints it large enough for a phone', () => {
    const bytes = encode(ticket, raster80);
    const store = bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b]), bytes.indexOf(Buffer.from([0x31, 0x45])));
    const length = bytes[store + 3] | (bytes[store + 4] << 8);
    expect(length).toBe(Buffer.byteLength(sampleTicket.qrPayload!) + 3);
    const [qr] = qrs(decodeEscPos(bytes));
    expect(qr.moduleSize).toBe(6);
    expect(qr.errorLevel).toBe('M');
    expect(qr.align).toBe('center');
  });
});

describe('raster mode: what the citizen sees', () => {
  const profile = raster80;
  const job = decodeEscPos(encode(ticket, profile));

  it('prints the display code in the printer font, magnified by GS ! (width and height by name)', () => {
    const big = textItems(job).filter((t) => t.text === 'A015');
    expect(big).toHaveLength(1);
    expect(big[0]).toMatchObject({ width: 6, height: 6, bold: true, align: 'center' });
  });

  it('sends every Vietnamese line as a raster, never as printer text', () => {
    const printerText = textItems(job).map((t) => t.text);
    expect(printerText.every((t) => /^[\x20-\x7e]*$/.test(t))).toBe(true);
    expect(printerText.filter((t) => !/^-+$/.test(t))).toEqual(['A015']);
  });

  it('prints the service name and the queue line exactly as rendered (pixel diff)', () => {
    const images = rasterImages(job);
    const service = renderTextRaster(sampleTicket.serviceName, { size: 'large', bold: true, align: 'center' }, profile.widthDots);
    const waiting = renderTextRaster('Số người chờ trước: 7', { size: 'normal', bold: false, align: 'center' }, profile.widthDots);
    const wrong = renderTextRaster('Số người chờ trước: 8', { size: 'normal', bold: false, align: 'center' }, profile.widthDots);
    const best = (target: typeof service) => Math.min(...images.map((img) => rasterDiffRatio(img, target)));
    expect(best(service)).toBe(0);
    expect(best(waiting)).toBe(0);
    // The control: one digit off is visible to the comparison.
    const waitingImage = images.find((img) => rasterDiffRatio(img, waiting) === 0)!;
    expect(rasterDiffRatio(waitingImage, wrong)).toBeGreaterThan(0.02);
  });

  it('keeps rasters within the paper and aligned by their pixels (ESC a 0 before each)', () => {
    for (const img of rasterImages(job)) {
      expect(img.width).toBeLessThanOrEqual(profile.widthDots);
      expect(img.align).toBe('left');
    }
  });

  it('reads the QR back from the decoded job and from the preview', async () => {
    expect(await readQrFromPng(renderDecodedToPng(job, profile.widthDots))).toBe(sampleTicket.qrPayload);
    expect(await readQrFromPng(preview(ticket, profile))).toBe(sampleTicket.qrPayload);
    expect(await readQrFromPng(preview(ticket, raster58))).toBe(sampleTicket.qrPayload);
  });
});

describe('Epson TCVN-3 text mode', () => {
  const job = decodeEscPos(encode(ticket, text80));
  const lines = textItems(job);

  it('prints Vietnamese as text through code pages 30/31 only, without rasters', () => {
    expect(rasterImages(job)).toHaveLength(0);
    const pages = new Set(lines.flatMap((l) => l.codepages));
    expect([...pages].every((p) => [0, 30, 31].includes(p))).toBe(true);
    expect(pages.has(30)).toBe(true);
    const text = lines.map((l) => l.text);
    expect(text).toContain('Trung tâm Phục vụ hành chính công huyện Đồng Hỷ');
    expect(text).toContain('SỐ THỨ TỰ CỦA BẠN');
    expect(text).toContain('Ưu tiên: Người cao tuổi');
    expect(text).toContain('Số người chờ trước: 7');
    // The en dash has no TCVN-3 cell; it prints as a hyphen, not "?".
    expect(text).toContain('Thời gian chờ khoảng 15-20 phút');
    expect(text.join(' ')).toContain('Chứng thực bản sao, chữ ký');
  });

  it('prints the service name double size, wrapped to half the columns', () => {
    const service = lines.filter((l) => l.width === 2 && l.height === 2);
    expect(service.map((l) => l.text).join(' ')).toBe('Chứng thực bản sao, chữ ký');
    expect(service.every((l) => [...l.text].length <= 24)).toBe(true);
  });

  it('prints capitals with marks, including Đ, from the capitals page', () => {
    const doc = [{ kind: 'line' as const, text: 'ĐỖ THỊ ỨNG – Đồng Ỹ' }];
    const decoded = textItems(decodeEscPos(encode(doc, text80)));
    expect(decoded.map((l) => l.text)).toEqual(['ĐỖ THỊ ỨNG - Đồng Ỹ']);
    expect(decoded[0].codepages).toContain(31);
  });

  it('prints the test page without "?": characters TCVN-3 lacks become the nearest it has', () => {
    const page = textItems(decodeEscPos(encode(testPageDocument({ siteName: 'UBND xã Ia Grai', printerName: 'Máy in “quầy 1” – tầng 1…', at: Date.parse('2026-11-25T09:05:00+07:00') }), text80)));
    const text = page.map((l) => l.text);
    expect(text.join('\n')).not.toContain('?');
    expect(text).toContain('Ấ Ầ Ẩ Ẫ Ậ - Ứ Ừ Ử Ữ Ự - Ỳ Ỷ Ỹ Ỵ');
    expect(text).toContain('Máy in "quầy 1" - tầng 1...');
    // Typography a clerk may paste in: quotes, dashes, bullets, the đồng sign, odd spaces.
    const pasted = textItems(decodeEscPos(encode([{ kind: 'line', text: '‘A’ • B — 5.000₫ ½ №1\u2009x', align: 'left' }], text80)));
    expect(pasted.map((l) => l.text)).toEqual(["'A' * B - 5.000đ 1/2 No1 x"]);
  });

  it('wraps to the 42 columns of a TM-T88', () => {
    const t88 = printerProfile('80mm', { model: 'tm-t88', textMode: 'epson-tcvn3' });
    const decoded = textItems(decodeEscPos(encode(receiptSlipDocument(sampleReceipt), t88)));
    expect(decoded.every((l) => [...l.text].length * l.width <= 42)).toBe(true);
    expect(decoded.map((l) => l.text)).toContain('Người nộp: Nguyễn Thị Hường');
  });
});

describe('receipt slip', () => {
  it('prints the dossier, applicant and a QR that reads back as the compact receipt code', async () => {
    const slip = receiptSlipDocument(sampleReceipt);
    const job = decodeEscPos(encode(slip, raster80));
    expect(qrs(job).map((q) => q.payload)).toEqual(['MC1|000.00.12.H01-261125-0001|K7P9QT']);
    expect(cuts(job)).toHaveLength(1);
    const applicant = renderTextRaster('Người nộp: Nguyễn Thị Hường', { size: 'normal', bold: false, align: 'left' }, raster80.widthDots);
    expect(Math.min(...rasterImages(job).map((img) => rasterDiffRatio(img, applicant)))).toBe(0);
    expect(await readQrFromPng(preview(slip, raster80))).toBe('MC1|000.00.12.H01-261125-0001|K7P9QT');
  });

  it('ends with its own footer — keep it to collect the result, look it up with the codes — not the queue ticket’s', () => {
    const lines = textItems(decodeEscPos(encode(receiptSlipDocument(sampleReceipt), text80))).map((l) => l.text);
    const tail = lines.slice(lines.lastIndexOf('-'.repeat(48)) + 1).join(' ');
    expect(tail).toBe('Ông/Bà vui lòng giữ phiếu này để nhận kết quả. Tra cứu hồ sơ bằng mã hồ sơ, mã tra cứu ở trên.');
    expect(lines.join(' ')).not.toContain('được gọi');
  });
});

describe('size and speed', () => {
  const profiles: Array<[string, PrinterProfile]> = [
    ['raster 80 mm', raster80],
    ['raster 58 mm', raster58],
    ['raster TM-T88 512', rasterT88],
    ['epson-tcvn3 80 mm', text80],
  ];

  it('reports bytes per ticket and render+encode time per mode', () => {
    encode(ticket, raster80); // font registration and first canvas are one-off costs
    const rows = profiles.map(([name, profile]) => {
      const started = performance.now();
      const runs = 5;
      let bytes = 0;
      for (let i = 0; i < runs; i++) bytes = encode(ticket, profile).length;
      return { name, bytes, ms: Math.round(((performance.now() - started) / runs) * 10) / 10, secondsAt9600: Math.round((bytes * 10) / 9600) };
    });
    console.table(rows);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName['raster 80 mm'].bytes).toBeLessThan(30_000);
    expect(byName['epson-tcvn3 80 mm'].bytes).toBeLessThan(2_000);
    expect(rows.every((r) => r.ms < 500)).toBe(true);
  });

  it('never leaves a real-time command in raster data: a status answer nobody asked for would pass for the confirmation', () => {
    const data = Uint8Array.from([0x10, 0x04, 0x01, 0x10, 0x14, 0x08, 0x10, 0x05, 0x10, 0x10, 0x04, 0xff]);
    const bytes = rasterImage({ width: 8 * data.length, height: 1, rowBytes: data.length, data });
    const pixels = bytes.subarray(8);
    expect([...pixels]).toEqual([0x00, 0x04, 0x01, 0x00, 0x14, 0x08, 0x00, 0x05, 0x10, 0x00, 0x04, 0xff]);
    // Across a whole ticket: no DLE EOT / ENQ / DC4 anywhere.
    const job = encode(ticket, raster80);
    const realTime = [...job.keys()].filter((i) => job[i] === 0x10 && [0x04, 0x05, 0x14].includes(job[i + 1]));
    expect(realTime).toEqual([]);
  });

  it('splits tall rasters into bands of at most 255 rows', () => {
    const tall = [{ kind: 'line' as const, text: Array.from({ length: 12 }, (_, i) => `Dòng thứ ${i + 1} của lời dặn`).join('\n') }];
    const job = decodeEscPos(encode(tall, raster80));
    const bands = job.items.flatMap((it) => (it.kind === 'raster' ? [it] : []));
    expect(bands.length).toBeGreaterThan(1);
    expect(bands.every((b) => b.height <= 255)).toBe(true);
    const whole = renderTextRaster(tall[0].text, { size: 'normal', bold: false, align: 'center' }, raster80.widthDots);
    const [image] = rasterImages(job);
    expect(image.height).toBe(whole.height);
    expect(rasterDiffRatio(image, whole)).toBe(0);
  });
});

describe('previews for people to look at', () => {
  it('writes ticket and receipt previews (test-results/print/)', () => {
    const files: Array<[string, Buffer]> = [
      ['ticket-80mm-raster.png', preview(ticket, raster80)],
      ['ticket-58mm-raster.png', preview(ticket, raster58)],
      ['ticket-80mm-epson-tcvn3.png', preview(ticket, text80)],
      ['receipt-80mm-raster.png', preview(receiptSlipDocument(sampleReceipt), raster80)],
      ['receipt-58mm-raster.png', preview(receiptSlipDocument(sampleReceipt), raster58)],
      ['ticket-80mm-decoded.png', renderDecodedToPng(decodeEscPos(encode(ticket, raster80)), raster80.widthDots)],
      ['receipt-80mm-decoded.png', renderDecodedToPng(decodeEscPos(encode(receiptSlipDocument(sampleReceipt), raster80)), raster80.widthDots)],
    ];
    for (const [name, png] of files) {
      writeFileSync(`${OUT}/${name}`, png);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    }
  });
});
