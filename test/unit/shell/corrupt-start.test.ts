import { describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import type { CorruptionDetails } from '../../../main/node/backup/corrupt-refusal';
import { corruptStart } from '../../../main/node/shell/corrupt-start';

const refusal = (backup: CorruptionDetails['backup']) =>
  new HubError('DB_CORRUPT', 'Tệp … bị hỏng. … npm run restore -- x', { file: '/d/motcua.sqlite', problem: 'Tệp /d/motcua.sqlite bị hỏng.', backup } satisfies CorruptionDetails);
const set = { id: '20261203-0800-a1b2', takenAt: '2026-12-03T01:00:00.000Z', path: '/d/backups/sets/20261203-0800-a1b2', from: null, encrypted: false, command: 'npm run restore -- 20261203-0800-a1b2' };

describe('what the installed app says about a damaged database', () => {
  it('offers the newest good backup at a click, worded without a command line', () => {
    const said = corruptStart(refusal(set))!;
    expect(said.offer).toEqual({ id: set.id, from: null });
    expect(said.message).toContain('lúc 08:00 03/12/2026');
    expect(said.message).not.toContain('npm');
  });

  it('offers nothing it cannot restore without a passphrase, and says who can', () => {
    const said = corruptStart(refusal({ ...set, from: 'E:\\', encrypted: true }))!;
    expect(said.offer).toBeNull();
    expect(said.message).toMatch(/được mã hóa: cần mật khẩu sao lưu/);
  });

  it('with no backup says what the hub says; other start failures are not its business', () => {
    expect(corruptStart(refusal(null))).toMatchObject({ offer: null, message: 'Tệp … bị hỏng. … npm run restore -- x' });
    expect(corruptStart(new HubError('VALIDATION_FAILED'))).toBeNull();
    expect(corruptStart(new Error('x'))).toBeNull();
  });
});
