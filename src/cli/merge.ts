/**
 * claimgraph merge: the reduce step. `claimgraph merge SHARDS… --out graph.json` reads the shards that
 * `claimgraph extract` wrote and makes the graph that one `claimgraph build` of the same articles gives, byte for
 * byte: the same graph stage, layout and writer (src/cli/graph-output.ts), with the GEXF beside it. Exit codes
 * and the summary (line or --json) are build's.
 */
import type { Command } from 'commander';
import { createReadStream, promises as fsp } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { describeFsError } from './build-inputs';
import { problemLine, runGraphOutput, sortedProblems, type BuildSummary, type GraphOutputOptions } from './graph-output';
import { graphFromExtractions, type InputProblem } from '../pipeline/build-from-sources';
import { mergeRecords, parseShardLine, type ShardRecord } from '../pipeline/shards';
import { GENERATOR } from '../version';

export interface MergeOptions extends GraphOutputOptions {
  /** shard files, or folders whose *.ndjson files are shards */
  shards: string[];
}

/** The shard files that the arguments name: a file for itself, a folder for its *.ndjson files in name order. */
async function shardFiles(args: string[], errors: InputProblem[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    try {
      if (!(await fsp.stat(arg)).isDirectory()) {
        files.push(arg);
        continue;
      }
      const names = (await fsp.readdir(arg)).filter((n) => n.endsWith('.ndjson') && !n.startsWith('.')).sort();
      if (!names.length) errors.push({ file: arg, reason: 'no shards (*.ndjson) in this folder' });
      files.push(...names.map((n) => join(arg, n)));
    } catch (err) {
      errors.push({ file: arg, reason: describeFsError(err) });
    }
  }
  return [...new Set(files)];
}

/**
 * A document's path as build would store it: the shard holds it relative to the shard's folder, the graph
 * relative to its own, so the same articles give the same bytes wherever the shards were written.
 */
function rebase(path: string | undefined, shard: string, out: string): string | undefined {
  if (path === undefined) return undefined;
  return relative(dirname(resolve(out)), resolve(dirname(resolve(shard)), path)).split(sep).join('/');
}

/** Reads one shard line by line (a shard may be larger than one string can be), naming each bad line. */
async function readShard(shard: string, out: string, records: ShardRecord[], errors: InputProblem[]): Promise<void> {
  const lines = createInterface({ input: createReadStream(shard, { encoding: 'utf8' }), crlfDelay: Infinity });
  const others = new Set<string>();
  let number = 0;
  for await (const line of lines) {
    number += 1;
    const parsed = parseShardLine(line);
    if (parsed.kind === 'problem' && number === 1) {
      // an article or some other file named by mistake: one line for it, not one for each of its lines
      errors.push({ file: shard, reason: `not a claimgraph shard: line 1 is ${parsed.reason.replace(/^not an? /, 'not a ')}` });
      lines.close();
      return;
    }
    if (parsed.kind === 'problem') errors.push({ file: `${shard}:${number}`, reason: parsed.reason });
    if (parsed.kind !== 'record') continue;
    if (parsed.generator !== GENERATOR) others.add(parsed.generator);
    const { doc } = parsed.record.extraction;
    const path = rebase(doc.path, shard, out);
    records.push({ file: parsed.record.file, extraction: { ...parsed.record.extraction, doc: { ...doc, ...(path === undefined ? {} : { path }) } } });
  }
  // merged all the same: the graph is what these extractions give, but a build by this version might differ
  for (const other of others) process.stderr.write(problemLine({ file: shard, reason: `written by ${other}; this is ${GENERATOR}, whose build may give another graph` }, true));
}

/** Merges the shards into a graph and writes it; resolves to the exit code and the summary. */
export async function runMerge(options: MergeOptions): Promise<{ code: number; summary: BuildSummary }> {
  return runGraphOutput({ ...options, command: 'merge' }, async () => {
    const readErrors: InputProblem[] = [];
    const files = await shardFiles(options.shards, readErrors);
    const records: ShardRecord[] = [];
    for (const file of files) {
      await readShard(file, options.out, records, readErrors).catch((err: unknown) => readErrors.push({ file, reason: describeFsError(err) }));
    }
    return {
      inputs: [...files, ...options.shards],
      readErrors,
      build: () => {
        const { extractions, errors } = mergeRecords(records);
        return { graph: graphFromExtractions(extractions), documents: extractions.map((e) => e.doc), errors: sortedProblems(readErrors, errors), warnings: [], inputs: records.length };
      },
    };
  });
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('the reduce step: merge the shards of claimgraph extract into the graph that one build of the same articles gives')
    .argument('<shards...>', 'shard files (or folders of *.ndjson shards) written by claimgraph extract')
    .requiredOption('-o, --out <file>', 'graph file to write (graphology JSON); a .gexf is written beside it')
    .option('-q, --quiet', 'no summary line (errors still go to stderr)')
    .option('--json', 'print a summary as JSON on stdout, as build does')
    .option('--force', 'replace --out (and the .gexf beside it) even when it is not a file claimgraph wrote')
    .action(async (shards: string[], flags: { out: string; quiet?: boolean; json?: boolean; force?: boolean }) => {
      const { code } = await runMerge({ shards, out: flags.out, quiet: flags.quiet, json: flags.json, force: flags.force });
      process.exitCode = code;
    });
}
