import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import type { OpInput } from '../../../contract/ops';
import { decodeEscPos, renderDecodedToPng, textItems } from '../../support/escpos-decoder';
import { FakePrinter } from '../../support/fake-printer';
import { startTestHub, type TestHub } from '../../support/hub';
import { intake } from '../dossier/intake-input';

const OUT = 'test-results/print';

/**
 * The thermal receipt slip is the citizen's only receipt where a commune has no A4 printer, so it
 * lists the papers received, as Mẫu 01 does.
 */
describe('the dossier receipt slip on a thermal printer', () => {
  let hub: TestHub;
  let admin: HubClient;
  let officer: HubClient;
  let printer: FakePrinter;
  let receiptPrinter: OpInput<'admin.savePrinter'>;

  beforeAll(async () => {
    hub = await startTestHub();
    admin = await hub.admin();
    const counter = (await hub.catalog()).counters[0]!;
    printer = await FakePrinter.start();
    receiptPrinter = { name: 'Máy in phiếu quầy 1', role: 'receipt', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: counter.id, active: true };
    receiptPrinter = { ...receiptPrinter, id: (await admin['admin.savePrinter'](receiptPrinter)).id };
    officer = await hub.staff('tiep-nhan');
    await officer['counter.open']({ counterId: counter.id });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await hub?.close();
    await printer?.stop();
  });

  it('lists the papers received, numbered, with their form and count (read back from the bytes)', async () => {
    const d = await officer['dossiers.receive'](intake());
    await expect.poll(async () => (await officer['print.job']({ jobId: d.slip!.id })).status, { timeout: 10_000 }).toBe('done');
    const [bytes] = await printer.waitForJobs(1, 10_000);
    const job = decodeEscPos(bytes!);
    writeFileSync(`${OUT}/receipt-slip-papers-epson-80mm.png`, renderDecodedToPng(job, 576));
    const words = textItems(job).map((l) => l.text.trim()).join(' ');
    expect(words).toContain('Thành phần hồ sơ nộp gồm:');
    expect(words).toContain('1. Tờ khai đăng ký khai sinh (Bản chính: 01)');
    expect(words).toContain('2. Giấy chứng sinh (Bản chính: 01)');
    expect(words).toContain('3. Giấy tờ tùy thân của người đi đăng ký (xuất trình) (Bản sao: 01)');
    // The papers come before the return appointment's lines end and the QR, as on Mẫu 01.
    expect(words.indexOf('1. Tờ khai')).toBeLessThan(words.indexOf('Ông/Bà vui lòng giữ phiếu này'));
  });

  it.each([
    ['80mm', 576],
    ['58mm', 384],
  ] as const)('prints them as raster lines that fit %s paper (PNG in test-results/print/)', async (paper, widthDots) => {
    await admin['admin.savePrinter']({ ...receiptPrinter, paper, textMode: 'raster' });
    printer.jobs.length = 0;
    const d = await officer['dossiers.receive'](intake({ documents: [{ index: 0, count: 1 }, { index: 1, count: 2 }, { index: 2, count: 1 }] }));
    await expect.poll(async () => (await officer['print.job']({ jobId: d.slip!.id })).status, { timeout: 10_000 }).toBe('done');
    const [bytes] = await printer.waitForJobs(1, 10_000);
    const job = decodeEscPos(bytes!);
    writeFileSync(`${OUT}/receipt-slip-papers-raster-${paper}.png`, renderDecodedToPng(job, widthDots));
    const rasters = job.items.filter((i) => i.kind === 'raster');
    expect(rasters.every((r) => r.width <= widthDots)).toBe(true);
  });
});
