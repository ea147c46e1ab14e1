/**
 * Benchmark of an incremental `claimgraph build`, end to end through the CLI (a child process, all files written),
 * compiled as `npx claimgraph` runs it from dist/ (compiled here into a temporary folder, so never a stale dist/):
 * a full build of the PolNeAR dev texts with a fresh extraction cache, then one invented article added and the
 * build run again. The figure is the rebuild's wall time as a share of the full build's (goal in issue 9: <= 10%),
 * with a full build with --no-cache as the baseline for what the cache costs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const description = 'rebuild after one added article, as a share of the full build, PolNeAR dev texts through the CLI (goal: <= 10%)';

const ROOT = join(__dirname, '..', '..');
const TEXT_DIR = join(ROOT, '..', 'shared', 'eval', 'polnear-dev', 'text');

/** An invented article, so that the added document is none of the evaluation's. */
const ADDED = 'Harbor Council Delays Vote on Ferry Subsidy\n\nMarch 4, 2031\n\nThe harbor council said on Tuesday that it would delay its vote on the ferry subsidy until April.\n\n"We need the auditors\' figures first," said council chair Irene Vahl, who denied that the delay was political.\n';

interface Run {
  ms: number;
  cache: { cached: number; extracted: number } | null;
}

/** The CLI compiled from the sources into `dir`/dist, as the package's prepare script compiles it. */
function compile(dir: string): string {
  const dist = join(dir, 'dist');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dist], { cwd: ROOT });
  return join(dist, 'cli', 'main.js');
}

/** One CLI build of `dir`'s articles into its out/, timed from spawn to exit, as a user waits for it. */
function build(main: string, dir: string, ...flags: string[]): Run {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [main, 'build', 'articles', '--out', 'out/graph.json', '--json', ...flags], {
    cwd: dir,
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`build failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  return { ms, cache: (JSON.parse(run.stdout) as { cache: Run['cache'] }).cache };
}

export async function run(): Promise<void> {
  if (!existsSync(TEXT_DIR)) {
    console.log(`SKIPPED: ${TEXT_DIR} is absent (the PolNeAR dev texts are shared data, not part of the project)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-incremental-'));
  try {
    mkdirSync(join(dir, 'articles'));
    const files = readdirSync(TEXT_DIR).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files) copyFileSync(join(TEXT_DIR, f), join(dir, 'articles', f));
    const main = compile(dir);
    const plain = build(main, dir, '--no-cache');
    const full = build(main, dir);
    writeFileSync(join(dir, 'articles', 'zz-invented-harbor-vote.txt'), ADDED);
    const rebuild = build(main, dir);
    const unchanged = build(main, dir);
    const share = rebuild.ms / full.ms;
    console.log(`texts: ${files.length} PolNeAR dev articles (+1 invented); each build a run of the compiled CLI, all files written`);
    console.log(`full build, --no-cache: ${plain.ms.toFixed(0)} ms`);
    console.log(`full build, fresh cache: ${full.ms.toFixed(0)} ms (${full.cache?.extracted} extracted; writing the cache costs little: against --no-cache ${(((full.ms - plain.ms) / plain.ms) * 100).toFixed(1)}%, within this machine's noise)`);
    console.log(`rebuild after one added article: ${rebuild.ms.toFixed(0)} ms (${rebuild.cache?.extracted} extracted, ${rebuild.cache?.cached} cached)`);
    console.log(`rebuild with nothing changed: ${unchanged.ms.toFixed(0)} ms (${unchanged.cache?.extracted} extracted)`);
    console.log(`rebuild / full build: ${(share * 100).toFixed(1)}% (goal <= 10%): ${share <= 0.1 ? 'meets' : 'ABOVE'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
