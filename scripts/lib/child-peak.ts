/**
 * Runs a Node.js child process and measures what a user would: its wall time from spawn to exit and its peak
 * resident memory. The peak is read inside the child, by a preloaded hook that writes process.resourceUsage()
 * .maxRSS on exit: one figure for the whole process, worker threads included (they share its address space),
 * and no reliance on /usr/bin/time, which a machine may not have. Long runs print their elapsed time to stderr.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** spawn to exit */
  ms: number;
  /** the child's peak RSS in KiB, or undefined when it died before its exit hook ran */
  maxRssKiB: number | undefined;
}

export interface ChildOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** printed on stderr with the elapsed time every `tickSeconds` while the child runs */
  label: string;
  tickSeconds?: number;
}

const RSS_FILE_ENV = 'CLAIMGRAPH_BENCH_RSS_FILE';

/** The preloaded hook: plain JavaScript, since it runs in the child without ts-node; main thread only. */
const HOOK = `const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');
const file = process.env.${RSS_FILE_ENV};
if (isMainThread && file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
`;

/** Runs `node --require HOOK ...args` and resolves when it exits (never rejects on a failing exit status). */
export async function runNodeChild(args: readonly string[], options: ChildOptions): Promise<ChildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-peak-'));
  const hook = join(dir, 'peak-rss-hook.js');
  const rssFile = join(dir, 'max-rss');
  writeFileSync(hook, HOOK);
  try {
    const t0 = performance.now();
    const tick = setInterval(() => process.stderr.write(`  ${options.label}: ${((performance.now() - t0) / 1000).toFixed(0)} s…\n`), (options.tickSeconds ?? 30) * 1000);
    try {
      const { status, stdout, stderr } = await spawnCollect(['--require', hook, ...args], options.cwd, { ...(options.env ?? process.env), [RSS_FILE_ENV]: rssFile });
      return { status, stdout, stderr, ms: performance.now() - t0, maxRssKiB: readKiB(rssFile) };
    } finally {
      clearInterval(tick);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function spawnCollect(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

function readKiB(file: string): number | undefined {
  try {
    const kib = Number(readFileSync(file, 'utf8'));
    return Number.isFinite(kib) && kib > 0 ? kib : undefined;
  } catch {
    return undefined;
  }
}
