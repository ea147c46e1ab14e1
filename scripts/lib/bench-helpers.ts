/**
 * claimgraph benchmarks: helpers shared by the modules in scripts/bench/ (timing, peak memory).
 */
import { performance } from 'node:perf_hooks';

/** Runs `fn` `repeat` times and returns the median wall time in milliseconds. */
export async function medianMs(fn: () => unknown | Promise<unknown>, repeat = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Peak resident set size of this process so far, in MiB (Linux reports maxRSS in KiB). */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
