import { readFileSync } from 'node:fs';

/** Peak resident memory of a process so far (Linux), in MiB. */
export const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** The fields of /proc/<pid>/stat after the command name: [0] is field 3 (state), [1] the parent's pid, [11]/[12] utime/stime, [13]/[14] the same for its children that ended. */
export const stat = (pid: number): string[] => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');

/**
 * CPU seconds (user + system) a process has used so far (Linux; in clock ticks of 10 ms). Less
 * swayed than a rate by what else runs on a shared machine: the work done, not how fast it got done.
 */
export const cpuSeconds = (pid: number): number => {
  const fields = stat(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
