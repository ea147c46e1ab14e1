/**
 * claimgraph build: articles (files or folders of .txt, .md, .html) to a graph file (graphology JSON) and a
 * GEXF beside it. Exit 0 when every input was built, 1 when some failed (the rest is still written), 2 on usage.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { dirname, relative, resolve, sep } from 'node:path';
import { DEFAULT_MAX_BYTES, collectInputs, formatSize, nodeInputFs, parseSize, readInput, type InputFs } from './build-inputs';
import { gexfPathFor, writeFilesWhole } from './build-output';
import { buildFromSources, type InputProblem, type SourceFile } from '../pipeline/build-from-sources';
import { countByKind, graphToGexfText, graphToJsonText } from '../pipeline/serialize';

export const DEFAULT_INPUT = 'graph-data/articles';
export const DEFAULT_OUT = 'graph-data/graph.json';

export interface BuildOptions {
  /** files or folders; folders are read for .txt, .md and .html (default: graph-data/articles) */
  inputs: string[];
  /** graph JSON path; a GEXF is written beside it (same name, .gexf) */
  out: string;
  /** no progress bar and no summary line (errors and warnings are still printed) */
  quiet?: boolean;
  /** print the summary as JSON on stdout */
  json?: boolean;
  /** largest input accepted, in bytes (default 5 MiB) */
  maxBytes?: number;
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
}

/** Inputs read into memory, and the ones that could not be. */
export async function readSources(inputs: string[], out: string, maxBytes = DEFAULT_MAX_BYTES, fs: InputFs = nodeInputFs): Promise<{ sources: SourceFile[]; errors: InputProblem[] }> {
  const collected = await collectInputs(inputs, fs);
  const errors = [...collected.errors];
  const sources: SourceFile[] = [];
  const outDir = dirname(resolve(out));
  for (const file of collected.files) {
    const read = await readInput(file, maxBytes, fs);
    // The stored path is relative to the graph file, so the same articles give the same bytes wherever the build runs.
    if (read.ok) sources.push({ file, bytes: read.bytes, path: relative(outDir, resolve(file)).split(sep).join('/') });
    else errors.push({ file, reason: read.reason });
  }
  return { sources, errors };
}

/**
 * Builds the graph in memory: what `claimgraph build` would write, without writing it. Used by the build
 * itself, by the test that keeps graph-data/ up to date and by the benchmark.
 */
export async function buildInMemory(options: Pick<BuildOptions, 'inputs' | 'out' | 'maxBytes' | 'fs'>, onProgress?: (done: number, total: number, file: string) => void) {
  const read = await readSources(options.inputs, options.out, options.maxBytes, options.fs);
  const built = buildFromSources(read.sources, { onProgress });
  const errors = [...read.errors, ...built.errors].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ...built, errors, inputs: read.sources.length };
}

const line = (problem: InputProblem, warning = false) => `claimgraph: ${problem.file}: ${warning ? 'warning: ' : ''}${problem.reason}\n`;

function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Builds the graph and writes it; resolves to the exit code (0 all built, 1 some inputs failed or no write). */
export async function runBuild(options: BuildOptions): Promise<{ code: number; summary: BuildSummary }> {
  const out = options.out;
  const showBar = !options.quiet && !options.json && process.stdout.isTTY === true;
  let bar: SingleBar | undefined;
  const built = await buildInMemory(options, (done, count, file) => {
    if (!showBar || count < 2) return;
    bar ??= new SingleBar({ stream: process.stderr, format: 'claimgraph build {bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true });
    if (done === 0) bar.start(count, 0, { file: '' });
    else bar.update(done, { file: file.length > 40 ? `…${file.slice(-39)}` : file });
    if (done === count) bar.stop();
  });
  for (const w of built.warnings) process.stderr.write(line(w, true));
  const errors = [...built.errors];
  for (const e of errors) process.stderr.write(line(e));

  const counts = countByKind(built.graph);
  let written: string | null = null;
  if (built.documents.length === 0) {
    const reason = built.inputs === 0 && errors.length === 0 ? 'no input files' : 'no article could be built';
    errors.push({ file: out, reason: `not written: ${reason}` });
    process.stderr.write(line({ file: out, reason: `not written: ${reason}` }));
  } else {
    const gexf = gexfPathFor(out);
    try {
      await writeFilesWhole([
        { path: out, data: graphToJsonText(built.graph) },
        { path: gexf, data: graphToGexfText(built.graph) },
      ]);
      written = out;
      if (!options.quiet && !options.json) {
        process.stdout.write(
          `claimgraph: wrote ${out} and ${gexf} from ${built.documents.length} document(s): ` +
            `${built.graph.order} nodes${describeCounts(counts.nodes)}, ${built.graph.size} edges${describeCounts(counts.edges)}\n`,
        );
      }
    } catch (err) {
      const problem = { file: out, reason: `cannot write: ${err instanceof Error ? err.message : String(err)}` };
      errors.push(problem);
      process.stderr.write(line(problem));
    }
  }
  const summary: BuildSummary = { documents: built.documents.length, nodes: counts.nodes, edges: counts.edges, errors, out: written };
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
    .description('build a graph of entities and attributed claims from articles (.txt, .md, .html files or folders)')
    .argument('[inputs...]', `article files or folders (default: ${DEFAULT_INPUT})`)
    .option('-o, --out <file>', 'graph file to write (graphology JSON); a .gexf is written beside it', DEFAULT_OUT)
    .option('-q, --quiet', 'no progress bar and no summary line (errors still go to stderr)')
    .option('--json', 'print a summary as JSON on stdout: documents, nodes and edges by kind, errors, out')
    .option('--max-size <size>', `largest input file read (default ${formatSize(DEFAULT_MAX_BYTES)}; e.g. 20MB, 500k)`, sizeOption)
    .action(async (inputs: string[], flags: { out: string; quiet?: boolean; json?: boolean; maxSize?: number }) => {
      const { code } = await runBuild({
        inputs: inputs.length ? inputs : [DEFAULT_INPUT],
        out: flags.out,
        quiet: flags.quiet,
        json: flags.json,
        maxBytes: flags.maxSize,
      });
      process.exitCode = code;
    });
}
