import { spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { askPassphrase } from '../../../main/node/backup/passphrase-prompt';

const PROMPT = 'Mật khẩu sao lưu: ';
const prompt = fileURLToPath(new URL('../../../main/node/backup/passphrase-prompt.ts', import.meta.url));

/**
 * Runs askPassphrase in a node process on a real pseudo-terminal (Python's pty module), types
 * `keys` once the question shows and returns everything the terminal displayed.
 */
function atTerminal(keys: string): { screen: string; status: number | null } {
  const child = `import { askPassphrase } from ${JSON.stringify(prompt)};
    const p = await askPassphrase(${JSON.stringify(PROMPT)});
    process.stdout.write('HEX=' + Buffer.from(p).toString('hex') + '\\n');`;
  // Blocking reads: the keys go in once the question is on the screen, then all output to the end.
  const driver = `
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
seen = b''
def more():
    global seen
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        chunk = b''
    seen += chunk
    return chunk
while ${JSON.stringify(PROMPT)}.encode() not in seen:
    if not more():
        break
os.write(fd, sys.stdin.buffer.read())
while more():
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(seen)
sys.exit(os.waitstatus_to_exitcode(status))
`;
  const r = spawnSync('python3', ['-c', driver, process.execPath, '--import', 'tsx', '--input-type=module', '-e', child], { input: keys, encoding: 'utf8' });
  return { screen: r.stdout + r.stderr, status: r.status };
}

const hex = (s: string) => Buffer.from(s).toString('hex');

describe('asking for the backup passphrase (npm run restore)', () => {
  it('at a terminal, does not show what is typed; Backspace erases', () => {
    const { screen, status } = atTerminal('bí mậx\u007ft của ổ\r');
    expect(status).toBe(0);
    expect(screen).toContain(PROMPT);
    expect(screen).toContain(`HEX=${hex('bí mật của ổ')}`);
    for (const part of ['bí', 'mậ', 'của', 'ổ']) expect(screen).not.toContain(part);
  });

  it('at a terminal, Ctrl+C gives up with a Vietnamese message', () => {
    const { screen, status } = atTerminal('abc\u0003');
    expect(status).not.toBe(0);
    expect(screen).toContain('Đã hủy: chưa nhập mật khẩu sao lưu.');
    expect(screen).not.toContain('abc');
  });

  it('piped in (scripts, tests): the first line', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    input.end('mật khẩu qua ống\nthừa\n');
    expect(await askPassphrase(PROMPT, input, output)).toBe('mật khẩu qua ống');
  });
});
