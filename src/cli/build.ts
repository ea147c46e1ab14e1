/**
 * claimgraph build: articles (files or folders of .txt, .md, .html) to a graph file (graphology JSON) and a
 * GEXF beside it. Exit 0 when every input was built, 1 when some failed (the rest is still written), 2 on usage.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { dirname, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_BYTES, collectInputs, formatSize, inputFsWithFetchTimeout, nodeInputFs, parseSize, readInput, type InputFs } from './build-inputs';
import { DEFAULT_FETCH_TIMEOUT_MS, secondsOption } from './build-fetch';
import { runGraphOutput, sortedProblems, type BuildSummary, type GraphOutputOptions, type OnProgress } from './graph-output';
import { extractOne, gatherOutcomes, graphFromExtractions, inPathOrder, type InputProblem, type SourceFile, type SourceOutcome } from '../pipeline/build-from-sources';
import { defaultJobs, extractOutcomesInWorkers } from './extract-workers';
import { CACHE_DIR_ENV, CACHE_FOLDER, ExtractionCache, defaultCacheDir, type CacheStats } from './extraction-cache';
import { extractorVersion } from './extractor-version';

export const DEFAULT_INPUT = 'graph-data/articles';
export const DEFAULT_OUT = 'graph-data/graph.json';
/**
 * Without --jobs, a worker thread per this many inputs at most: a thread spends about half a second loading
 * the code and the models, the time a thread takes to extract some 25 articles.
 */
export const INPUTS_PER_DEFAULT_JOB = 25;

export interface BuildOptions extends GraphOutputOptions {
  /** files, folders or http(s) URLs; folders are read for .txt, .md and .html (default: graph-data/articles) */
  inputs: string[];
  /** largest input accepted, in bytes (default 5 MiB) */
  maxBytes?: number;
  /** file reading, for tests that simulate failures */
  fs?: InputFs;
  /**
   * how many documents are extracted at once, on worker threads; 1: in this thread. Left out: one per core,
   * but no more than one per INPUTS_PER_DEFAULT_JOB inputs, since a thread first loads the code and the models
   */
  jobs?: number;
  /**
   * the extraction cache (src/cli/extraction-cache.ts): `dir` defaults to .claimgraph-cache/ beside `out` (or
   * $CLAIMGRAPH_CACHE_DIR), `version` to this code's extractor version (tests give others); false: none
   * (--no-cache). runBuild uses one unless told not to; buildInMemory only when given one.
   */
  cache?: false | { dir?: string; version?: string };
}

export type { BuildSummary };

const openCache = (cache: BuildOptions['cache'], out: string): ExtractionCache | undefined =>
  cache === false || cache === undefined ? undefined : new ExtractionCache(cache.dir ?? defaultCacheDir(out), cache.version ?? extractorVersion());

/** Inputs read into memory (URLs fetched), and the ones that could not be. */
export async function readSources(inputs: string[], out: string, maxBytes = DEFAULT_MAX_BYTES, fs: InputFs = nodeInputFs): Promise<{ sources: SourceFile[]; errors: InputProblem[] }> {
  const collected = await collectInputs(inputs, fs);
  const errors = [...collected.errors];
  const sources: SourceFile[] = [];
  const outDir = dirname(resolve(out));
  for (const file of collected.files) {
    const read = await readInput(file, maxBytes, fs);
    // The stored path is relative to the graph file, so the same articles give the same bytes wherever the build runs.
    if (read.ok) sources.push({ file, bytes: read.bytes, path: read.path ?? relative(outDir, resolve(file)).split(sep).join('/') });
    else errors.push({ file, reason: read.reason });
  }
  return { sources, errors };
}

/**
 * Builds the graph in memory: what `claimgraph build` would write, without writing it. Used by the build
 * itself, by the test that keeps graph-data/ up to date and by the benchmark.
 */
export async function buildInMemory(options: Pick<BuildOptions, 'inputs' | 'out' | 'maxBytes' | 'fs' | 'jobs' | 'cache'>, onProgress?: OnProgress) {
  return buildRead(await readSources(options.inputs, options.out, options.maxBytes, options.fs), options.jobs, openCache(options.cache, options.out), onProgress);
}

/**
 * The graph of inputs already read: each input's outcome from the cache or extracted, gathered in path order
 * (the id rule applied there), so that cached, one-thread and worker extractions all give the same graph.
 */
async function buildRead(read: { sources: SourceFile[]; errors: InputProblem[] }, asked: number | undefined, cache: ExtractionCache | undefined, onProgress?: OnProgress) {
  const ordered = inPathOrder(read.sources);
  const { outcomes, extracted } = await outcomesOf(ordered, asked, cache, onProgress);
  const { extractions, errors, warnings } = gatherOutcomes(ordered, outcomes);
  const graph = graphFromExtractions(extractions);
  const stats: CacheStats | undefined = cache && { dir: cache.dir, cached: ordered.length - extracted, extracted, pruned: await cache.prune() };
  // a cache that cannot be written costs speed, not the build: one warning, and the next build extracts again
  const cacheWarnings = cache?.problem ? [{ file: cache.dir, reason: `extraction cache not written (${cache.problem}); the next build extracts these documents again` }] : [];
  return { graph, documents: extractions.map((e) => e.doc), errors: sortedProblems(read.errors, errors), warnings: [...warnings, ...cacheWarnings], inputs: read.sources.length, cache: stats };
}

/**
 * Every input's outcome: the cache's, looked up here in the main thread, so that only the misses are extracted
 * (on worker threads or here) and then stored. Progress counts the hits as done at once.
 */
async function outcomesOf(ordered: SourceFile[], asked: number | undefined, cache: ExtractionCache | undefined, onProgress?: OnProgress) {
  onProgress?.(0, ordered.length, '');
  const outcomes: (SourceOutcome | undefined)[] = cache ? await cache.lookup(ordered) : ordered.map(() => undefined);
  const missing = outcomes.flatMap((o, i) => (o === undefined ? [i] : []));
  const misses = missing.map((i) => ordered[i]!);
  const hits = ordered.length - misses.length;
  if (hits) onProgress?.(hits, ordered.length, '');
  const fresh = await extractMisses(misses, asked, (done, _total, file) => {
    if (done > 0) onProgress?.(hits + done, ordered.length, file);
  });
  missing.forEach((index, k) => (outcomes[index] = fresh[k]!));
  await cache?.store(misses, fresh);
  return { outcomes: outcomes as SourceOutcome[], extracted: misses.length };
}

/** The misses extracted in this thread (`jobs` 1, or one input), or on `jobs` worker threads, in their order. */
async function extractMisses(misses: SourceFile[], asked: number | undefined, onProgress: OnProgress): Promise<SourceOutcome[]> {
  const jobs = asked ?? Math.min(defaultJobs(), Math.floor(misses.length / INPUTS_PER_DEFAULT_JOB));
  // one input gains nothing from a thread, which would load the code and the model again
  if (jobs > 1 && misses.length > 1) return extractOutcomesInWorkers(misses, jobs, onProgress);
  return misses.map((source, i) => {
    const outcome = extractOne(source);
    onProgress(i + 1, misses.length, source.file);
    return outcome;
  });
}

/** Builds the graph and writes it; resolves to the exit code (0 all built, 1 some inputs failed or no write). */
export async function runBuild(options: BuildOptions): Promise<{ code: number; summary: BuildSummary }> {
  return runGraphOutput({ ...options, command: 'build' }, async () => {
    const read = await readSources(options.inputs, options.out, options.maxBytes, options.fs);
    return { inputs: [...read.sources.map((s) => s.file), ...options.inputs], readErrors: read.errors, build: (onProgress) => buildRead(read, options.jobs, openCache(options.cache ?? {}, options.out), onProgress) };
  });
}

export function sizeOption(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new InvalidArgumentError(`"${value}" is not a size (examples: 5MB, 200k, 1000000)`);
  return bytes;
}

export function jobsOption(value: string): number {
  if (!/^[1-9]\d{0,3}$/.test(value.trim())) throw new InvalidArgumentError(`"${value}" is not a number of jobs (a whole number from 1; 1 extracts in the main thread)`);
  return Number(value);
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build a graph of entities and attributed claims from articles (.txt, .md, .html files, folders or http(s) URLs of web pages)')
    .argument('[inputs...]', `article files, folders or URLs (default: ${DEFAULT_INPUT})`)
    .option('-o, --out <file>', 'graph file to write (graphology JSON); a .gexf is written beside it', DEFAULT_OUT)
    .option('-q, --quiet', 'no progress bar and no summary line (errors still go to stderr)')
    .option('--json', 'print a summary as JSON on stdout: documents, nodes and edges by kind, errors, out')
    .option('--max-size <size>', `largest input file or page read (default ${formatSize(DEFAULT_MAX_BYTES)}; e.g. 20MB, 500k)`, sizeOption)
    .option('--fetch-timeout <seconds>', `time limit for fetching one URL (default ${DEFAULT_FETCH_TIMEOUT_MS / 1000})`, secondsOption)
    .option('--force', 'replace --out (and the .gexf beside it) even when it is not a file claimgraph wrote')
    .option('-j, --jobs <n>', `documents extracted at once, on worker threads; 1: none (default: one per core, ${defaultJobs()} here, and one per ${INPUTS_PER_DEFAULT_JOB} inputs at most)`, jobsOption)
    .option('--no-cache', `extract every input again, without reading or writing the extraction cache (default: ${CACHE_FOLDER}/ beside --out, or $${CACHE_DIR_ENV})`)
    .action(async (inputs: string[], flags: { out: string; quiet?: boolean; json?: boolean; maxSize?: number; fetchTimeout?: number; force?: boolean; jobs?: number; cache: boolean }) => {
      const { code } = await runBuild({
        inputs: inputs.length ? inputs : [DEFAULT_INPUT],
        out: flags.out,
        quiet: flags.quiet,
        json: flags.json,
        maxBytes: flags.maxSize,
        force: flags.force,
        fs: inputFsWithFetchTimeout(flags.fetchTimeout),
        jobs: flags.jobs,
        cache: flags.cache && {},
      });
      process.exitCode = code;
    });
}
