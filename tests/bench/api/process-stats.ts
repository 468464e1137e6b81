import { readFileSync } from 'node:fs';

// What Linux reports about the API's process in /proc: its memory and the CPU time it has used. Elsewhere
// these read as null, and the report leaves them out.

export interface ProcessMemory {
  /** Resident set size now, MB. */
  rssMb: number;
  /** Peak resident set size since the process started (VmHWM), MB. */
  peakRssMb: number;
}

/** USER_HZ, the unit of the CPU times in /proc/<pid>/stat: 100 on every Linux architecture Node.js runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function processMemory(pid: number): ProcessMemory | null {
  const status = read(`/proc/${pid}/status`);
  if (status === null) return null;
  const megabytes = (field: string) => {
    const kilobytes = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return Math.round((kilobytes / 1024) * 10) / 10;
  };
  return { rssMb: megabytes('VmRSS'), peakRssMb: megabytes('VmHWM') };
}

/** User plus system CPU time the process has used so far, in milliseconds. */
export function processCpuMs(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // Fields after the parenthesised command name, which may itself hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}
