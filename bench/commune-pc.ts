import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';

/**
 * A commune's PC for the hub: one core, 4 GB, a slow disk. Processes started under `wrap` run on
 * core 0 inside a memory limit, and every fsync/fdatasync they make waits 10 ms more (strace fault
 * injection, filtered by seccomp so that other system calls are not slowed). The benchmark itself
 * moves to the other cores: there it plays the kiosks and counters, which are other machines.
 */
export interface CommunePc {
  readonly wrap: readonly string[];
  /** Node flags for the hub when no cgroup could hold the memory limit. */
  readonly nodeArgs: readonly string[];
  /** How each limit was applied, printed with the figures. */
  readonly described: readonly [string, string][];
  dispose(): void;
}

const MEMORY = 4 * 1024 ** 3;
export const FSYNC_DELAY_MS = 10;

/**
 * A memory cgroup inside this process's own (v2, else v1), or null where this machine gives none.
 * Inside our own: the limit nests under whatever already limits this benchmark.
 */
function memoryCgroup(): { dir: string; how: string } | null {
  const own = readFileSync('/proc/self/cgroup', 'utf8').split('\n').map((l) => l.split(':'));
  const v2 = own.find(([id]) => id === '0')?.[2];
  const v1 = own.find(([, controllers]) => controllers?.split(',').includes('memory'))?.[2];
  const attempts: [string | undefined, string, string][] = [
    [v2 !== undefined && existsSync('/sys/fs/cgroup/cgroup.controllers') ? join('/sys/fs/cgroup', v2) : undefined, 'memory.max', 'cgroup v2 memory.max'],
    [v1 !== undefined ? join('/sys/fs/cgroup/memory', v1) : undefined, 'memory.limit_in_bytes', 'cgroup v1 memory.limit_in_bytes'],
  ];
  for (const [parent, file, how] of attempts) {
    if (parent === undefined || !existsSync(parent)) continue;
    const dir = join(parent, `motcua-bench-${process.pid}`);
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, file), String(MEMORY));
      return { dir, how: `${how} = 4 GiB (page cache included), ${dir}` };
    } catch {
      if (existsSync(dir)) rmdirSync(dir);
    }
  }
  return null;
}

export function communePc(): CommunePc {
  const strace = ['strace', '-f', '--seccomp-bpf', '-qq', '-e', 'trace=fsync,fdatasync', '-e', `inject=fsync,fdatasync:delay_enter=${FSYNC_DELAY_MS * 1000}`, '-o', '/dev/null'];
  const cgroup = memoryCgroup();
  const wrap = [
    ...(cgroup ? ['sh', '-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', cgroup.dir] : []),
    'taskset', '-c', '0', ...strace,
  ];
  const all = `0-${cpus().length - 1}`;
  execFileSync('taskset', ['-a', '-cp', `1-${cpus().length - 1}`, String(process.pid)], { stdio: 'ignore' });
  return {
    wrap,
    nodeArgs: cgroup ? [] : ['--max-old-space-size=4096'],
    described: [
      ['slow disk', `every fsync/fdatasync of the hub +${FSYNC_DELAY_MS} ms (${strace.join(' ')})`],
      ['one core', 'hub on core 0 (taskset -c 0); this benchmark (kiosks, counters) on the other cores'],
      ['4 GB', cgroup ? cgroup.how : 'no writable memory cgroup here: only the V8 heap is limited (--max-old-space-size=4096)'],
    ],
    dispose: () => {
      execFileSync('taskset', ['-a', '-cp', all, String(process.pid)], { stdio: 'ignore' });
      if (cgroup) rmdirSync(cgroup.dir);
    },
  };
}
