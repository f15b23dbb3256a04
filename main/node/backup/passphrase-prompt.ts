import { createInterface } from 'node:readline/promises';

/** The keyboard side of a terminal: `setRawMode` exists only when it is one (tty.ReadStream). */
export interface PromptInput extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
  setRawMode?(raw: boolean): unknown;
}

const ENTER = new Set(['\r', '\n', '\u0004']);
const ERASE = new Set(['\u007f', '\b']);
const INTERRUPT = '\u0003';

/**
 * Asks for a backup passphrase. At a terminal it is read with the echo off (raw mode), so it does
 * not stay on the screen or in the console's scrollback; Backspace works (Vietnamese typing tools
 * such as Unikey correct a letter by erasing and retyping it). Piped in (scripts, tests), it is
 * the first line, as before.
 */
export async function askPassphrase(question: string, input: PromptInput = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<string> {
  if (!input.isTTY || !input.setRawMode) {
    const rl = createInterface({ input, output, terminal: false });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  }
  const setRaw = input.setRawMode.bind(input);
  // Echo off before the question shows: what is typed at once after it is not echoed either.
  setRaw(true);
  output.write(question);
  input.setEncoding('utf8');
  input.resume();
  return new Promise<string>((resolve, reject) => {
    let typed: string[] = [];
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.off('end', onEnd);
      setRaw(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(typed.join(''));
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ENTER.has(ch)) return finish(null);
        if (ch === INTERRUPT) return finish(new Error('Đã hủy: chưa nhập mật khẩu sao lưu.'));
        typed = ERASE.has(ch) ? typed.slice(0, -1) : [...typed, ch];
      }
    };
    const onEnd = () => finish(null);
    input.on('data', onData);
    input.on('end', onEnd);
  });
}
