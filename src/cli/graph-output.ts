/**
 * claimgraph CLI: the end that `build` and `merge` share. Checks --out before any work, builds the graph, writes
 * graph.json and the GEXF beside it whole or not at all, and reports: one line per problem, the summary line or
 * the JSON summary, the exit code. One writer, so a merged graph and a built one are the same bytes.
 */
import { rm } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { ClaimGraph } from '../graph/load';
import type { ArticleDocument } from '../types';
import type { InputProblem } from '../pipeline/build-from-sources';
import { countByKind, graphToGexfText } from '../pipeline/serialize';
import { sidecarPathFor } from '../query/sidecar-format';
import { graphFileWithIndex } from '../query/sidecar-write';
import { gexfPathFor, removeStaleTemps, writeFilesWhole } from './build-output';
import { describeReplaced, readExistingOutput } from './build-replace';
import type { CacheStats } from './extraction-cache';
import { checkOutputTarget, statInputs } from './output-target';
import { terminalSafe } from './terminal-text';

export interface GraphOutputOptions {
  /** graph JSON path; a GEXF is written beside it (same name, .gexf) */
  out: string;
  /** no progress bar and no summary line (errors and warnings are still printed) */
  quiet?: boolean;
  /** print the summary as JSON on stdout */
  json?: boolean;
  /** replace an existing --out (or the .gexf beside it) even when claimgraph did not write it */
  force?: boolean;
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
  /** the build's extraction cache: its folder, the inputs it gave and those extracted; null without one (merge, --no-cache) */
  cache: CacheStats | null;
}

export type OnProgress = (done: number, total: number, file: string) => void;

/** What the graph is made from: what was read, and how to build the graph once --out is known to be writable. */
export interface GraphSource {
  /** the files and folders read, so that --out is never one of them */
  inputs: string[];
  /** problems met while reading, reported as they are when --out is refused */
  readErrors: InputProblem[];
  build(onProgress?: OnProgress): Built | Promise<Built>;
}

/** A graph made, with what went into it. */
interface Built {
  graph: ClaimGraph;
  documents: ArticleDocument[];
  /** every problem, those of reading included, sorted by file */
  errors: InputProblem[];
  warnings: InputProblem[];
  /** how many inputs there were (0: nothing was named that could be read) */
  inputs: number;
  cache?: CacheStats;
}

const byFile = (a: InputProblem, b: InputProblem) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/** One message line; names and reasons come from outside (file names, URLs), so they are made terminal-safe. */
export const problemLine = (problem: InputProblem, warning = false) =>
  `claimgraph: ${terminalSafe(problem.file)}: ${warning ? 'warning: ' : ''}${terminalSafe(problem.reason)}\n`;

function describeCounts(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** Where the files go: the graph, its sidecar index (beside the graph's real file, where a reader looks) and the GEXF. */
interface Targets {
  json: string;
  index: string;
  gexf: string;
}

/**
 * What may be written: the graph, its index and its GEXF are no input, no device or folder; existing ones are
 * ours to replace.
 */
async function checkOutputs(out: string, gexf: string, inputFiles: string[], force: boolean): Promise<({ ok: true; old?: string[] } & Targets) | { ok: false; problem: InputProblem }> {
  const inputs = await statInputs(inputFiles);
  const json = await checkOutputTarget(out, inputs);
  if (!json.ok) return { ok: false, problem: { file: out, reason: `not written: ${json.reason}` } };
  const beside = await checkOutputTarget(gexf, inputs);
  if (!beside.ok) return { ok: false, problem: { file: gexf, reason: `not written: ${beside.reason}` } };
  const indexPath = sidecarPathFor(json.path);
  const index = await checkOutputTarget(indexPath, inputs);
  if (!index.ok) return { ok: false, problem: { file: indexPath, reason: `not written: ${index.reason}` } };
  let old: string[] | undefined;
  if (json.exists) {
    const existing = await readExistingOutput(json.path, 'json');
    if (existing.kind === 'graph') old = existing.documents;
    else if (!force) return { ok: false, problem: { file: out, reason: 'not written: the file exists and is not a claimgraph graph; refusing to replace it (give another --out, or --force)' } };
  }
  if (beside.exists && !force && (await readExistingOutput(beside.path, 'gexf')).kind !== 'gexf') {
    return { ok: false, problem: { file: gexf, reason: 'not written: the file exists and is not a GEXF that claimgraph wrote; refusing to replace it (give another --out, or --force)' } };
  }
  if (index.exists && !force && (await readExistingOutput(index.path, 'index')).kind !== 'index') {
    return { ok: false, problem: { file: indexPath, reason: 'not written: the file exists and is not a graph index that claimgraph wrote; refusing to replace it (give another --out, or --force)' } };
  }
  return { ok: true, json: json.path, index: index.path, gexf: beside.path, ...(old ? { old } : {}) };
}

/** The GEXF text, or null when it would be longer than the longest string V8 can make (about 512 MB). */
export function gexfTextUnlessTooLarge(graph: ClaimGraph, write: (graph: ClaimGraph) => string = graphToGexfText): string | null {
  try {
    return write(graph);
  } catch (err) {
    if (err instanceof RangeError && /string length/i.test(err.message)) return null;
    throw err;
  }
}

/**
 * graph.json with its sidecar index (graph.json.idx), and the GEXF beside it unless the graph is too large for
 * one GEXF text; then an older GEXF there is removed, since it would describe another graph. All are written
 * whole or none; the index after the graph, since it is made of where the graph's lines fell. Resolves to
 * whether the GEXF was written.
 */
async function writeGraphFiles(graph: ClaimGraph, target: Targets): Promise<boolean> {
  const gexf = gexfTextUnlessTooLarge(graph);
  const files = graphFileWithIndex(graph);
  await writeFilesWhole([{ path: target.json, data: files.graph }, { path: target.index, data: files.index }, ...(gexf === null ? [] : [{ path: target.gexf, data: gexf }])]);
  if (gexf === null) await rm(target.gexf, { force: true });
  return gexf !== null;
}

/** A progress bar on stderr, shown only when asked and for more than one input. */
export function progressBar(show: boolean, command: string): OnProgress {
  let bar: SingleBar | undefined;
  let started = Date.now();
  return (done, count, file) => {
    if (!show || count < 2) return;
    bar ??= new SingleBar({ stream: process.stderr, format: `claimgraph ${command} {bar} {value}/{total} {rate} articles/s ETA {eta_formatted} {file}`, hideCursor: true, clearOnComplete: true });
    if (done === 0) {
      started = Date.now();
      bar.start(count, 0, { file: '', rate: '0.0' });
    } else {
      const rate = (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
      bar.update(done, { file: terminalSafe(file.length > 40 ? `…${file.slice(-39)}` : file), rate });
    }
    if (done === count) bar.stop();
  };
}

/**
 * Makes the graph and writes it; resolves to the exit code (0 all built, 1 some inputs failed or no write) and
 * the summary. `prepare` reads the inputs; the graph is built only once the outputs are known to be writable.
 */
export async function runGraphOutput(options: GraphOutputOptions & { command: string }, prepare: () => Promise<GraphSource>): Promise<{ code: number; summary: BuildSummary }> {
  const out = options.out;
  const gexfOut = gexfPathFor(out);
  const errors: InputProblem[] = [];
  const counts = { nodes: {} as Record<string, number>, edges: {} as Record<string, number> };
  let documents = 0;
  let written: string | null = null;
  let replaced: BuildSummary['replaced'] = null;
  let cache: BuildSummary['cache'] = null;
  const fail = (problem: InputProblem) => {
    errors.push(problem);
    process.stderr.write(problemLine(problem));
  };
  // Anything unforeseen still ends in one named line and, with --json, a summary: never a bare stack trace.
  try {
    const source = await prepare();
    const target = await checkOutputs(out, gexfOut, source.inputs, options.force === true);
    if (!target.ok) {
      for (const e of source.readErrors) fail(e);
      fail(target.problem);
    } else {
      const built = await source.build(progressBar(!options.quiet && !options.json && process.stdout.isTTY === true, options.command));
      cache = built.cache ?? null;
      for (const w of built.warnings) process.stderr.write(problemLine(w, true));
      for (const e of built.errors) fail(e);
      Object.assign(counts, countByKind(built.graph));
      documents = built.documents.length;
      if (documents === 0) {
        const reason = built.inputs === 0 && errors.length === 0 ? 'no input files' : 'no article could be built';
        fail({ file: out, reason: `not written: ${reason}` });
      } else {
        for (const path of [target.json, target.index, target.gexf]) await removeStaleTemps(path);
        let gexfWritten = false;
        try {
          gexfWritten = await writeGraphFiles(built.graph, target);
          written = out;
          if (!gexfWritten) {
            const reason = `not written: the graph (${built.graph.order} nodes, ${built.graph.size} edges) is too large for one GEXF text; an older file there was removed (graph.json holds everything)`;
            process.stderr.write(problemLine({ file: gexfOut, reason }, true));
          }
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
            `claimgraph: wrote ${terminalSafe(out)}${gexfWritten ? ` and ${terminalSafe(gexfOut)}` : ''} from ${documents} document(s): ` +
              `${built.graph.order} nodes${describeCounts(counts.nodes)}, ${built.graph.size} edges${describeCounts(counts.edges)}${terminalSafe(was)}\n`,
          );
        } else if (written && options.quiet && replaced?.dropped.length) {
          process.stderr.write(problemLine({ file: out, reason: describeReplaced(replaced.documents, built.documents.map((d) => d.id)) }, true));
        }
      }
    }
  } catch (err) {
    fail({ file: out, reason: `${options.command} failed: ${err instanceof Error ? err.message : String(err)}` });
  }
  const summary: BuildSummary = { documents, nodes: counts.nodes, edges: counts.edges, errors: [...errors].sort(byFile), out: written, replaced, cache };
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return { code: errors.length ? 1 : 0, summary };
}

/** Problems of reading and of building as one list sorted by file, as every summary lists them. */
export const sortedProblems = (...lists: InputProblem[][]): InputProblem[] => lists.flat().sort(byFile);
