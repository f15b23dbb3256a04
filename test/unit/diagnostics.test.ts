import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { updateHeadline } from '../../contract/about-texts';
import { attentionPoints, bytesText, type ReportFacts } from '../../main/core/diagnostics/attention';
import { bundleFileName } from '../../main/core/diagnostics/bundle-name';
import { scrubLogLine, settingsForDiagnostics, withoutSecrets, withoutUserinfo } from '../../main/core/diagnostics/redaction';
import { creditedPackages, installedVersion } from '../../main/node/diagnostics/credits';
import { readLogTail } from '../../main/node/diagnostics/log-tail';
import { readUpdateFile } from '../../main/node/diagnostics/update-file';

describe('what may leave in a diagnostics bundle', () => {
  it('shows known settings without their secrets, and unknown ones by name only', () => {
    const views = settingsForDiagnostics([
      { key: 'sync', value: { centralUrl: 'https://u:p4ss@tinh.vn/', siteId: 'xa-1', credential: 'cred-123' } },
      { key: 'kioskPinHash', value: 'scrypt$abc' },
      { key: 'site', value: { name: 'UBND xã A', address: 'Thôn 1', printing: { apiToken: 'tok-9' } } },
      { key: 'moiThem', value: { anything: 'x-1' } },
    ]);
    expect(views).toEqual([
      { key: 'kioskPinHash', shown: false, reason: 'Bí mật: chỉ ghi nhận là đã đặt mã PIN kiosk.' },
      { key: 'moiThem', shown: false, reason: 'Chưa được khai báo là an toàn để xuất.' },
      // The office's own name and address are not a citizen's: they stay; a token in it does not.
      { key: 'site', shown: true, value: { name: 'UBND xã A', address: 'Thôn 1', printing: { apiToken: '[ẩn]' } } },
      { key: 'sync', shown: true, value: { centralUrl: 'https://[ẩn]@tinh.vn/', siteId: 'xa-1', credential: '[ẩn]' } },
    ]);
  });

  it('hides fields named like secrets at any depth', () => {
    expect(withoutSecrets({ a: { b: { c: { passwordHash: 'h', tokenHash: 't', kioskPin: '1234', ok: 'x' } } }, list: [{ credential: 'c' }] })).toEqual({
      a: { b: { c: { passwordHash: '[ẩn]', tokenHash: '[ẩn]', kioskPin: '[ẩn]', ok: 'x' } } },
      list: [{ credential: '[ẩn]' }],
    });
    expect(withoutUserinfo('xem http://a:b@h:1/x và ftp://c@d')).toBe('xem http://[ẩn]@h:1/x và ftp://[ẩn]@d');
  });

  it('scrubs log lines: personal fields at any depth, ID and phone numbers and e-mails in any text', () => {
    const line = JSON.stringify({ level: 50, time: 1764700000000, req: 'a1B2c3D4', msg: 'gửi tới 0912 345 678, CCCD 064190012345, CMND 123456789, thư a.b@x.vn', err: { details: { x: { applicant: { fullName: 'Lê Văn A' } } } }, id: '019a0000-0000-7000-8000-123456789012' });
    const out = JSON.parse(scrubLogLine(line)) as Record<string, unknown>;
    expect(out).toEqual({ level: 50, time: 1764700000000, req: 'a1B2c3D4', msg: 'gửi tới [ẩn], CCCD [ẩn], CMND [ẩn], thư [ẩn]', err: { details: { x: { applicant: '[ẩn]' } } }, id: '019a0000-0000-7000-8000-123456789012' });
    expect(scrubLogLine('not json +84912345678 end')).toBe('not json [ẩn] end');
  });
});

describe('the bundle in words', () => {
  it('names the file for the site and the minute, in Vietnam time, in ASCII', () => {
    const at = Date.parse('2026-11-26T07:05:00Z');
    expect(bundleFileName('000.00.00.H21', at)).toBe('motcua-chan-doan-000-00-00-H21-20261126-1405.zip');
    expect(bundleFileName('Xã Đông', at)).toBe('motcua-chan-doan-XA-DONG-20261126-1405.zip');
    expect(bundleFileName('', at)).toBe('motcua-chan-doan-don-vi-20261126-1405.zip');
  });

  it('writes sizes with a decimal comma', () => {
    expect([bytesText(512), bytesText(1536), bytesText(850 * 1024 ** 2), bytesText(12.34 * 1024 ** 3)]).toEqual(['512 B', '1,5 KB', '850 MB', '12,3 GB']);
  });

  it('says the update status in one sentence', () => {
    const base = { channelUrl: 'https://x/', currentVersion: '0.1.0', availableVersion: null, checkedAt: null, error: null };
    expect(updateHeadline({ kind: 'absent' })).toBe('Không có (máy chủ chạy không có giao diện Electron)');
    expect(updateHeadline({ kind: 'read', status: { ...base, state: 'ready', availableVersion: '0.2.0' } })).toBe('Phiên bản 0.2.0 đã tải xong, sẽ được cài khi khởi động lại ứng dụng');
    expect(updateHeadline({ kind: 'read', status: { ...base, state: 'disabled', channelUrl: null } })).toBe('Đang tắt (chưa đặt nguồn cập nhật)');
    expect(updateHeadline({ kind: 'read', status: { ...base, state: 'error', error: { code: 'E1', message: 'Hết thời gian' } } })).toBe('Lỗi (mã E1): Hết thời gian');
  });

  it('points at a full or nearly full disk, a broken printer, a long-offline sync and log errors', () => {
    const now = Date.parse('2026-11-26T07:05:00Z');
    const facts = {
      storage: { dataDir: '/d', freeBytes: 300 * 1024 ** 2, totalBytes: 100 * 1024 ** 3, error: null, health: { level: 'ok', since: null, title: null, message: null } },
      printers: [
        { printer: { name: 'Phiếu số', active: true }, state: 'paper_out', message: null },
        { printer: { name: 'Cũ', active: false }, state: 'unreachable', message: null },
        { printer: { name: 'USB', active: true }, state: 'one_way', message: null },
      ],
      openPrintJobs: [{ status: 'held', outcomeUnknown: true }, { status: 'queued', outcomeUnknown: false }],
      sync: { level: 'offline_long', offlineSince: new Date(now - 3 * 3_600_000).toISOString(), pendingEvents: 42, lastError: null, rejections: [], clockSkewWarning: false, clockSkewSeconds: null, conflict: null },
      about: { update: { kind: 'absent' } },
      logs: { excerpts: [{ errorLines: 2 }, { errorLines: 1 }] },
    } as unknown as ReportFacts;
    expect(attentionPoints(facts, now)).toEqual([
      'Ổ đĩa dữ liệu chỉ còn 300 MB trống.',
      'Máy in "Phiếu số": Hết giấy.',
      '1 lệnh in đang bị giữ lại, trong đó 1 lệnh chờ cán bộ xác nhận đã ra giấy hay in lại.',
      'Đồng bộ với tỉnh: mất kết nối đã 3 giờ, 42 sự kiện chờ gửi.',
      '3 dòng lỗi trong nhật ký gần đây (xem thư mục nhat-ky trong gói này).',
    ]);
  });
});

describe('files the bundle reads', () => {
  it('takes the end of the newest logs within the budget, dropping the cut line, scrubbed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-logs-'));
    try {
      const line = (i: number, level = 30) => JSON.stringify({ level, i, msg: `dòng ${i} 0912345678` });
      writeFileSync(join(dir, 'hub.2026-11-25.1.log'), `${line(1)}\n`);
      writeFileSync(join(dir, 'hub.2026-11-26.1.log'), `${[2, 3, 4].map((i) => line(i, i === 4 ? 50 : 30)).join('\n')}\n`);
      writeFileSync(join(dir, 'other.txt'), 'not a log');
      const whole = readLogTail(dir);
      expect(whole.files.map((f) => f.name).sort()).toEqual(['hub.2026-11-25.1.log', 'hub.2026-11-26.1.log']);
      expect(whole.excerpts.map((e) => [e.file, e.linesIncluded, e.errorLines, e.cutAtStart])).toContainEqual(['hub.2026-11-26.1.log', 3, 1, false]);
      expect(whole.excerpts.every((e) => !e.text.includes('0912345678'))).toBe(true);
      // A budget a little over the last two lines: the newest file only, its first line cut away.
      const size = readFileSync(join(dir, 'hub.2026-11-26.1.log')).length;
      const cut = readLogTail(dir, { hubBytes: size - 10, supervisorBytes: 0 });
      expect(cut.excerpts.map((e) => [e.file, e.linesIncluded, e.cutAtStart])).toEqual([['hub.2026-11-26.1.log', 2, true]]);
      expect(readLogTail(join(dir, 'missing')).excerpts).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the updater file: absent, unreadable with why, or its status without a password in the channel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-update-'));
    try {
      expect(readUpdateFile(dir)).toEqual({ kind: 'absent' });
      expect(readUpdateFile(null)).toEqual({ kind: 'absent' });
      writeFileSync(join(dir, 'update-status.json'), '{"state":');
      expect(readUpdateFile(dir)).toEqual({ kind: 'unreadable', message: 'tệp update-status.json không phải JSON hợp lệ' });
      writeFileSync(join(dir, 'update-status.json'), JSON.stringify({ state: 'later' }));
      expect(readUpdateFile(dir)).toMatchObject({ kind: 'unreadable', message: 'tệp update-status.json không đúng định dạng (state)' });
      writeFileSync(join(dir, 'update-status.json'), JSON.stringify({ state: 'idle', channelUrl: 'https://a:b@c/', currentVersion: '1', availableVersion: null, checkedAt: null, error: null }));
      expect(readUpdateFile(dir)).toMatchObject({ kind: 'read', status: { state: 'idle', channelUrl: 'https://[ẩn]@c/' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('credits each library under the licence its package declares', () => {
    for (const p of creditedPackages) {
      expect(installedVersion(p.name), p.name).not.toBeNull();
      const declared = (JSON.parse(readFileSync(join('node_modules', p.name, 'package.json'), 'utf8')) as { license: string }).license;
      expect(p.licence, p.name).toBe(declared);
    }
  });
});
