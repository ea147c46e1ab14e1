/**
 * npm run bench -- scale [N...]: the whole CLI at collection sizes, against bare wink-nlp in the same run
 * (issue 9, part 5). N varied articles are made from the 840 PolNeAR training texts (copy k of a text has its
 * paragraphs rotated by k, so every text is distinct: scripts/lib/text-variants.ts) and written to a temporary
 * folder; then, for each N:
 *  - bare single-threaded wink-nlp (readDoc + POS) over those files, in a child process of its own;
 *  - `claimgraph build` compiled as `npx claimgraph` runs it, a child process from spawn to exit, default --jobs,
 *    all files written, with a fresh extraction cache; its peak RSS (worker threads included);
 *  - one invented article added and the build run again with that cache: the incremental rebuild.
 * Default N: 840 and 8,400. Machines are shared and noisy, and each figure is one run: read the ratios.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNodeChild, type ChildRun } from '../lib/child-peak';
import { distinctSources, variedArticles, type NamedText } from '../lib/text-variants';
import type { WinkBaseline } from '../lib/wink-baseline';

export const description = 'the whole CLI over N varied PolNeAR training texts against bare wink-nlp (goals at 8,400: ratio >= 0.33, peak RSS < 1.5 GB, rebuild <= 10%)';

const ROOT = join(__dirname, '..', '..');
const TEXT_DIR = join(ROOT, '..', 'shared', 'eval', 'polnear-train', 'text');
const DEFAULT_SIZES = [840, 8_400];
const GIB = 1024 * 1024;

/** An invented article for the rebuild, so that the added document is none of the corpus's. */
const ADDED = 'Tram Depot Inquiry Widens\n\nJune 9, 2032\n\nThe city transport board said on Friday that its inquiry into the tram depot fire would now include the contractor.\n\n"Nothing is ruled out," said board member Teodor Aske, who denied that the inquiry had been slowed by the mayor.\n';

interface Build {
  run: ChildRun;
  summary: { documents: number; nodes: Record<string, number>; edges: Record<string, number>; cache: { cached: number; extracted: number } | null };
}

/** Positive integers from the command line (after `scale`); none means the defaults. */
export function parseSizes(args: readonly string[]): number[] {
  const sizes = args.map((a) => Number(a.replace(/[_,]/g, '')));
  const bad = args.filter((_, i) => !Number.isInteger(sizes[i]) || sizes[i]! < 1);
  if (bad.length) throw new Error(`scale: not an article count: ${bad.join(', ')} (usage: npm run bench -- scale [N...])`);
  return sizes.length ? sizes : DEFAULT_SIZES;
}

const progress = (line: string) => process.stderr.write(`scale: ${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gib = (kib: number | undefined) => (kib === undefined ? 'unknown' : `${(kib / GIB).toFixed(2)} GB`);
const perSecond = (n: number, ms: number) => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} tokens/s`;
const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

function readCorpus(): NamedText[] {
  return readdirSync(TEXT_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(TEXT_DIR, name), 'utf8') }));
}

/** The CLI compiled from the working tree into `dir`/dist, as `npx claimgraph` runs it (never a stale dist/). */
function compile(dir: string): string {
  progress('compiling the CLI (tsc -p tsconfig.build.json into a temporary dist/)…');
  const dist = join(dir, 'dist');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dist], { cwd: ROOT });
  return join(dist, 'cli', 'main.js');
}

/** Writes the N articles; returns how many distinct texts they are (all of them, unless the corpus repeats itself). */
function writeArticles(corpus: NamedText[], n: number, dir: string): { distinct: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const hashes = new Set<string>();
  let bytes = 0;
  let i = 0;
  for (const article of variedArticles(corpus, n)) {
    writeFileSync(join(dir, article.name), article.text);
    hashes.add(createHash('sha1').update(article.text).digest('hex'));
    bytes += Buffer.byteLength(article.text);
    if (++i % Math.max(1, Math.ceil(n / 10)) === 0 && n >= 5_000) progress(`  written ${i.toLocaleString('en-US')} / ${n.toLocaleString('en-US')} articles`);
  }
  return { distinct: hashes.size, bytes };
}

async function winkBaseline(articles: string): Promise<WinkBaseline> {
  progress('bare wink-nlp (readDoc + POS, one thread, its own process)…');
  const run = await runNodeChild(['-r', 'ts-node/register/transpile-only', join(ROOT, 'scripts', 'lib', 'wink-baseline.ts'), articles], { cwd: ROOT, label: 'wink-nlp' });
  if (run.status !== 0) throw new Error(`wink-nlp baseline failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  return JSON.parse(run.stdout) as WinkBaseline;
}

/** One CLI build of `dir`/articles into `dir`/out with the extraction cache in `dir`/cache. */
async function build(main: string, dir: string, label: string): Promise<Build> {
  progress(`${label}…`);
  const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), CLAIMGRAPH_CACHE_DIR: join(dir, 'cache') };
  const run = await runNodeChild([main, 'build', 'articles', '--out', 'out/graph.json', '--json'], { cwd: dir, env, label });
  if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
  progress(`  ${label}: ${seconds(run.ms)}`);
  return { run, summary: JSON.parse(run.stdout) as Build['summary'] };
}

/** The goals; those for 100,000 articles apply above 8,400, those for 8,400 up to it. */
function goalsFor(n: number): { rssKiB: number; rssText: string; wallMs?: number } {
  return n > 8_400 ? { rssKiB: 4 * GIB, rssText: '< 4 GB at 100,000', wallMs: 10 * 60_000 } : { rssKiB: 1.5 * GIB, rssText: '< 1.5 GB at 8,400' };
}

const verdict = (ok: boolean, bad: string) => (ok ? 'meets' : bad);

function report(n: number, written: { distinct: number; bytes: number; graphBytes: number }, wink: WinkBaseline, full: Build, rebuild: Build): void {
  const goals = goalsFor(n);
  const ratio = wink.ms / full.run.ms;
  const share = rebuild.run.ms / full.run.ms;
  const rss = full.run.maxRssKiB;
  console.log(`\nN = ${n.toLocaleString('en-US')}: ${written.distinct.toLocaleString('en-US')} distinct texts, ${(written.bytes / 1e6).toFixed(1)} MB, ${(wink.tokens / 1e6).toFixed(2)}M wink tokens`);
  console.log(`  wink-nlp readDoc + POS, 1 thread: ${seconds(wink.ms)}, ${perSecond(wink.tokens, wink.ms)} (peak RSS ${gib(wink.maxRssKiB)})`);
  console.log(`  claimgraph build, whole CLI, --jobs ${availableParallelism()} (default), fresh cache: ${seconds(full.run.ms)}, ${perSecond(wink.tokens, full.run.ms)}; graph: ${total(full.summary.nodes).toLocaleString('en-US')} nodes, ${total(full.summary.edges).toLocaleString('en-US')} edges, graph.json ${(written.graphBytes / 1e6).toFixed(0)} MB`);
  if (goals.wallMs) console.log(`  build wall time (goal < ${goals.wallMs / 60_000} min): ${verdict(full.run.ms < goals.wallMs, 'ABOVE')}`);
  console.log(`  ratio wink wall / build wall: ${ratio.toFixed(2)} (goal >= 0.33): ${verdict(ratio >= 0.33, 'BELOW')}`);
  console.log(`  peak RSS of the build process: ${gib(rss)} (goal ${goals.rssText}): ${verdict(rss !== undefined && rss < goals.rssKiB, 'ABOVE')}`);
  console.log(`  rebuild after one added article: ${seconds(rebuild.run.ms)} (${rebuild.summary.cache?.extracted} extracted, ${rebuild.summary.cache?.cached.toLocaleString('en-US')} cached; peak RSS ${gib(rebuild.run.maxRssKiB)})`);
  console.log(`  rebuild / full build: ${(share * 100).toFixed(1)}% (goal <= 10%): ${verdict(share <= 0.1, 'ABOVE')}`);
}

async function measure(main: string, corpus: NamedText[], n: number, root: string): Promise<void> {
  const dir = join(root, `n${n}`);
  progress(`N = ${n.toLocaleString('en-US')}: writing the articles…`);
  const written = writeArticles(corpus, n, join(dir, 'articles'));
  try {
    const wink = await winkBaseline(join(dir, 'articles'));
    const full = await build(main, dir, `full build of ${n.toLocaleString('en-US')} articles`);
    const graphBytes = statSync(join(dir, 'out', 'graph.json')).size;
    writeFileSync(join(dir, 'articles', 'zz-invented-tram-depot.txt'), ADDED);
    const rebuild = await build(main, dir, 'rebuild after one added article');
    report(n, { ...written, graphBytes }, wink, full, rebuild);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(args: string[] = []): Promise<void> {
  const sizes = parseSizes(args);
  if (!existsSync(TEXT_DIR)) {
    console.log(`SKIPPED: ${TEXT_DIR} is absent (the PolNeAR training texts are shared data, not part of the project)`);
    return;
  }
  const corpus = readCorpus();
  const root = mkdtempSync(join(tmpdir(), 'claimgraph-bench-scale-'));
  try {
    const main = compile(root);
    console.log(`corpus: ${corpus.length} PolNeAR training texts (${distinctSources(corpus).length} distinct); copy k of a text has its paragraphs rotated by k; one run per figure, on a shared machine`);
    for (const n of sizes) await measure(main, corpus, n, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
