/**
 * Peak resident memory of this process, from the kernel's own high-water mark (VmHWM in
 * /proc/self/status), so a synchronous burst between two timer ticks is never missed. On Linux the
 * mark can be reset (clear_refs) to measure one phase; elsewhere the process-wide peak is reported.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** Starts a new phase: the next peak() covers only what happens from here. */
export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: peak() falls back to the process-wide maximum.
  }
}

/** Peak RSS in bytes since the last reset (or since the process started). */
export function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

