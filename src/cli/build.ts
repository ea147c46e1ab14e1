/**
 * claimgraph build: articles (files or folders of .txt, .md, .html) to a graph file (graphology JSON) and a
 * GEXF beside it. Exit 0 when every input was built, 1 when some failed (the rest is still written), 2 on usage.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { dirname, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_BYTES, collectInputs, formatSize, inputFsWithFetchTimeout, nodeInputFs, parseSize, readInput, type InputFs } from './build-inputs';
import { DEFAULT_FETCH_TIMEOUT_MS, secondsOption } from './build-fetch';
import { runGraphOutput, sortedProblems, type BuildSummary, type GraphOutputOptions, type OnProgress } from './graph-output';
import { buildFromSources, graphFromExtractions, type InputProblem, type SourceFile } from '../pipeline/build-from-sources';
import { defaultJobs, extractSourcesInWorkers } from './extract-workers';

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
}

export type { BuildSummary };

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
export async function buildInMemory(options: Pick<BuildOptions, 'inputs' | 'out' | 'maxBytes' | 'fs' | 'jobs'>, onProgress?: OnProgress) {
  return buildRead(await readSources(options.inputs, options.out, options.maxBytes, options.fs), options.jobs, onProgress);
}

/**
 * The graph of inputs already read: extracted in this thread (`jobs` 1, or one input), or on `jobs` worker
 * threads with the results handed to the graph stage in the same path order, so both give the same graph.
 */
async function buildRead(read: { sources: SourceFile[]; errors: InputProblem[] }, asked: number | undefined, onProgress?: OnProgress) {
  const jobs = asked ?? Math.min(defaultJobs(), Math.floor(read.sources.length / INPUTS_PER_DEFAULT_JOB));
  // one input gains nothing from a thread, which would load the code and the model again
  const built = jobs > 1 && read.sources.length > 1 ? await buildInWorkers(read.sources, jobs, onProgress) : buildFromSources(read.sources, { onProgress });
  return { ...built, errors: sortedProblems(read.errors, built.errors), inputs: read.sources.length };
}

/** `buildFromSources` with the extraction on worker threads. */
async function buildInWorkers(sources: SourceFile[], jobs: number, onProgress?: OnProgress) {
  const { extractions, errors, warnings } = await extractSourcesInWorkers(sources, jobs, onProgress);
  return { graph: graphFromExtractions(extractions), documents: extractions.map((e) => e.doc), errors, warnings };
}

/** Builds the graph and writes it; resolves to the exit code (0 all built, 1 some inputs failed or no write). */
export async function runBuild(options: BuildOptions): Promise<{ code: number; summary: BuildSummary }> {
  return runGraphOutput({ ...options, command: 'build' }, async () => {
    const read = await readSources(options.inputs, options.out, options.maxBytes, options.fs);
    return { inputs: [...read.sources.map((s) => s.file), ...options.inputs], readErrors: read.errors, build: (onProgress) => buildRead(read, options.jobs, onProgress) };
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
    .action(async (inputs: string[], flags: { out: string; quiet?: boolean; json?: boolean; maxSize?: number; fetchTimeout?: number; force?: boolean; jobs?: number }) => {
      const { code } = await runBuild({
        inputs: inputs.length ? inputs : [DEFAULT_INPUT],
        out: flags.out,
        quiet: flags.quiet,
        json: flags.json,
        maxBytes: flags.maxSize,
        force: flags.force,
        fs: inputFsWithFetchTimeout(flags.fetchTimeout),
        jobs: flags.jobs,
      });
      process.exitCode = code;
    });
}
