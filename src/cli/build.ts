/**
 * claimgraph build: articles (files or folders of .txt, .md, .html) to a graph file (graphology JSON) and a
 * GEXF beside it. Exit 0 when every input was built, 1 when some failed (the rest is still written), 2 on usage.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { dirname, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_BYTES, collectInputs, formatSize, inputFsWithFetchTimeout, nodeInputFs, parseSize, readInput, type InputFs } from './build-inputs';
import { DEFAULT_FETCH_TIMEOUT_MS, secondsOption } from './build-fetch';
import { gexfPathFor, removeStaleTemps, writeFilesWhole } from './build-output';
import { describeReplaced, readExistingOutput } from './build-replace';
import { checkOutputTarget, statInputs } from './output-target';
import { terminalSafe } from './terminal-text';
import { buildFromSources, type InputProblem, type PipelineResult, type SourceFile } from '../pipeline/build-from-sources';
import { countByKind, graphToGexfText, graphToJsonText } from '../pipeline/serialize';

export const DEFAULT_INPUT = 'graph-data/articles';
export const DEFAULT_OUT = 'graph-data/graph.json';

export interface BuildOptions {
  /** files, folders or http(s) URLs; folders are read for .txt, .md and .html (default: graph-data/articles) */
  inputs: string[];
  /** graph JSON path; a GEXF is written beside it (same name, .gexf) */
  out: string;
  /** no progress bar and no summary line (errors and warnings are still printed) */
  quiet?: boolean;
  /** print the summary as JSON on stdout */
  json?: boolean;
  /** largest input accepted, in bytes (default 5 MiB) */
  maxBytes?: number;
  /** replace an existing --out (or the .gexf beside it) even when claimgraph did not write it */
  force?: boolean;
  /** file reading, for tests that simulate failures */
  fs?: InputFs;
}

export interface BuildSummary {
  documents: number;
  nodes: Record<string, number>;
  edges: Record<string, number>;
  errors: { file: string; reason: string }[];
  /** the graph file written, or null when nothing was written */
  out: string | null;
  /** the graph that the write replaced: its document ids, and those of them not in this build; null when none */
  replaced: { documents: string[]; dropped: string[] } | null;
}

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
export async function buildInMemory(options: Pick<BuildOptions, 'inputs' | 'out' | 'maxBytes' | 'fs'>, onProgress?: (done: number, total: number, file: string) => void) {
  return buildRead(await readSources(options.inputs, options.out, options.maxBytes, options.fs), onProgress);
}

/** The graph of inputs already read. */
function buildRead(read: { sources: SourceFile[]; errors: InputProblem[] }, onProgress?: (done: number, total: number, file: string) => void) {
  const built = buildFromSources(read.sources, { onProgress });
  const errors = [...read.errors, ...built.errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ...built, errors, inputs: read.sources.length };
}

/** One message line; names and reasons come from outside (file names, URLs), so they are made terminal-safe. */
const line = (problem: InputProblem, warning = false) => `claimgraph: ${terminalSafe(problem.file)}: ${warning ? 'warning: ' : ''}${terminalSafe(problem.reason)}\n`;

function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** What may be written: the graph and its GEXF are no input, no device or folder; an existing pair is ours to replace. */
async function checkOutputs(out: string, gexf: string, inputFiles: string[], force: boolean): Promise<{ ok: true; json: string; gexf: string; old?: string[] } | { ok: false; problem: InputProblem }> {
  const inputs = await statInputs(inputFiles);
  const json = await checkOutputTarget(out, inputs);
  if (!json.ok) return { ok: false, problem: { file: out, reason: `not written: ${json.reason}` } };
  const beside = await checkOutputTarget(gexf, inputs);
  if (!beside.ok) return { ok: false, problem: { file: gexf, reason: `not written: ${beside.reason}` } };
  let old: string[] | undefined;
  if (json.exists) {
    const existing = await readExistingOutput(json.path, 'json');
    if (existing.kind === 'graph') old = existing.documents;
    else if (!force) return { ok: false, problem: { file: out, reason: 'not written: the file exists and is not a claimgraph graph; refusing to replace it (give another --out, or --force)' } };
  }
  if (beside.exists && !force && (await readExistingOutput(beside.path, 'gexf')).kind !== 'gexf') {
    return { ok: false, problem: { file: gexf, reason: 'not written: the file exists and is not a GEXF that claimgraph wrote; refusing to replace it (give another --out, or --force)' } };
  }
  return { ok: true, json: json.path, gexf: beside.path, ...(old ? { old } : {}) };
}

function progressBar(show: boolean) {
  let bar: SingleBar | undefined;
  return (done: number, count: number, file: string) => {
    if (!show || count < 2) return;
    bar ??= new SingleBar({ stream: process.stderr, format: 'claimgraph build {bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true });
    if (done === 0) bar.start(count, 0, { file: '' });
    else bar.update(done, { file: terminalSafe(file.length > 40 ? `…${file.slice(-39)}` : file) });
    if (done === count) bar.stop();
  };
}

/** Builds the graph and writes it; resolves to the exit code (0 all built, 1 some inputs failed or no write). */
export async function runBuild(options: BuildOptions): Promise<{ code: number; summary: BuildSummary }> {
  const out = options.out;
  const gexfOut = gexfPathFor(out);
  const errors: InputProblem[] = [];
  const counts = { nodes: {} as Record<string, number>, edges: {} as Record<string, number> };
  let documents = 0;
  let written: string | null = null;
  let replaced: BuildSummary['replaced'] = null;
  const fail = (problem: InputProblem) => {
    errors.push(problem);
    process.stderr.write(line(problem));
  };
  // Anything unforeseen still ends in one named line and, with --json, a summary: never a bare stack trace.
  try {
    const read = await readSources(options.inputs, out, options.maxBytes, options.fs);
    const target = await checkOutputs(out, gexfOut, [...read.sources.map((s) => s.file), ...options.inputs], options.force === true);
    if (!target.ok) {
      for (const e of read.errors) fail(e);
      fail(target.problem);
    } else {
      const built: PipelineResult & { inputs: number } = buildRead(read, progressBar(!options.quiet && !options.json && process.stdout.isTTY === true));
      for (const w of built.warnings) process.stderr.write(line(w, true));
      for (const e of built.errors) fail(e);
      Object.assign(counts, countByKind(built.graph));
      documents = built.documents.length;
      if (documents === 0) {
        const reason = built.inputs === 0 && errors.length === 0 ? 'no input files' : 'no article could be built';
        fail({ file: out, reason: `not written: ${reason}` });
      } else {
        await removeStaleTemps(target.json);
        await removeStaleTemps(target.gexf);
        try {
          await writeFilesWhole([
            { path: target.json, data: graphToJsonText(built.graph) },
            { path: target.gexf, data: graphToGexfText(built.graph) },
          ]);
          written = out;
        } catch (err) {
          fail({ file: out, reason: `cannot write: ${err instanceof Error ? err.message : String(err)}` });
        }
        if (written && target.old) {
          const ids = built.documents.map((d) => d.id);
          replaced = { documents: target.old, dropped: target.old.filter((id) => !ids.includes(id)) };
        }
        if (written && !options.quiet && !options.json) {
          const was = target.old ? `; ${describeReplaced(target.old, built.documents.map((d) => d.id))}` : '';
          process.stdout.write(
            `claimgraph: wrote ${terminalSafe(out)} and ${terminalSafe(gexfOut)} from ${documents} document(s): ` +
              `${built.graph.order} nodes${describeCounts(counts.nodes)}, ${built.graph.size} edges${describeCounts(counts.edges)}${terminalSafe(was)}\n`,
          );
        } else if (written && options.quiet && replaced?.dropped.length) {
          process.stderr.write(line({ file: out, reason: describeReplaced(replaced.documents, built.documents.map((d) => d.id)) }, true));
        }
      }
    }
  } catch (err) {
    fail({ file: out, reason: `build failed: ${err instanceof Error ? err.message : String(err)}` });
  }
  const summary: BuildSummary = { documents, nodes: counts.nodes, edges: counts.edges, errors: [...errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), out: written, replaced };
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return { code: errors.length ? 1 : 0, summary };
}

function sizeOption(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new InvalidArgumentError(`"${value}" is not a size (examples: 5MB, 200k, 1000000)`);
  return bytes;
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
    .action(async (inputs: string[], flags: { out: string; quiet?: boolean; json?: boolean; maxSize?: number; fetchTimeout?: number; force?: boolean }) => {
      const { code } = await runBuild({
        inputs: inputs.length ? inputs : [DEFAULT_INPUT],
        out: flags.out,
        quiet: flags.quiet,
        json: flags.json,
        maxBytes: flags.maxSize,
        force: flags.force,
        fs: inputFsWithFetchTimeout(flags.fetchTimeout),
      });
      process.exitCode = code;
    });
}
