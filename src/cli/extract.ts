/**
 * claimgraph extract: the map step. `claimgraph extract FILES… --out shard.ndjson` runs every extraction stage
 * on each article and writes one JSON line per document, in path order, with no graph. It reads only its inputs
 * and writes only --out, so any number of machines can each run it over their share of the files; `claimgraph
 * merge` then makes the graph that one build of all the files gives. Exit 0 when every input was extracted, 1
 * when some failed (the rest is still written), 2 on usage.
 */
import type { Command } from 'commander';
import { promises as fsp } from 'node:fs';
import { DEFAULT_MAX_BYTES, formatSize } from './build-inputs';
import { readSources, sizeOption } from './build';
import { removeStaleTemps, writeFilesWhole } from './build-output';
import { problemLine, progressBar, sortedProblems } from './graph-output';
import { checkOutputTarget, statInputs } from './output-target';
import { terminalSafe } from './terminal-text';
import { extractSources, type InputProblem } from '../pipeline/build-from-sources';
import { looksLikeShard, shardLine } from '../pipeline/shards';

export interface ExtractOptions {
  inputs: string[];
  /** the shard file; the documents' paths in it are relative to its folder */
  out: string;
  quiet?: boolean;
  maxBytes?: number;
  /** replace --out even when it is not a shard that claimgraph wrote */
  force?: boolean;
}

/** Whether an existing --out may be replaced: an empty file or a shard; anything else only with --force. */
async function isShardOrEmpty(path: string): Promise<boolean> {
  const handle = await fsp.open(path, 'r');
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === 0 || looksLikeShard(head.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/** Extracts the inputs and writes the shard; resolves to the exit code. */
export async function runExtract(options: ExtractOptions): Promise<number> {
  const { out } = options;
  let failed = false;
  const fail = (problem: InputProblem) => {
    failed = true;
    process.stderr.write(problemLine(problem));
  };
  try {
    // Paths are stored relative to the shard's folder, as build stores them relative to the graph's; merge
    // rebases them onto the graph's folder, so the merged graph has the paths a build would give.
    const read = await readSources(options.inputs, out, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const target = await checkOutputTarget(out, await statInputs([...read.sources.map((s) => s.file), ...options.inputs]));
    if (!target.ok || (target.exists && !options.force && !(await isShardOrEmpty(target.path)))) {
      for (const e of read.errors) fail(e);
      fail({ file: out, reason: `not written: ${target.ok ? 'the file exists and is not a claimgraph shard; refusing to replace it (give another --out, or --force)' : target.reason}` });
      return 1;
    }
    const extracted = extractSources(read.sources, progressBar(!options.quiet && process.stderr.isTTY === true, 'extract'));
    for (const w of extracted.warnings) process.stderr.write(problemLine(w, true));
    for (const e of sortedProblems(read.errors, extracted.errors)) fail(e);
    if (!extracted.extractions.length) {
      fail({ file: out, reason: `not written: ${read.sources.length || failed ? 'no article could be extracted' : 'no input files'}` });
      return 1;
    }
    const text = extracted.extractions.map((extraction, i) => shardLine({ file: extracted.files[i]!, extraction })).join('');
    await removeStaleTemps(target.path);
    await writeFilesWhole([{ path: target.path, data: text }]);
    if (!options.quiet) {
      process.stdout.write(`claimgraph: wrote ${terminalSafe(out)}: ${extracted.extractions.length} document(s) of ${read.sources.length + read.errors.length} input(s)\n`);
    }
  } catch (err) {
    fail({ file: out, reason: `extract failed: ${err instanceof Error ? err.message : String(err)}` });
  }
  return failed ? 1 : 0;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('the map step: extract every article (files or folders) into a shard, one JSON line per document, for claimgraph merge')
    .argument('<inputs...>', 'article files or folders (.txt, .md, .html)')
    .requiredOption('-o, --out <file>', 'the shard to write (newline-delimited JSON)')
    .option('-q, --quiet', 'no progress bar and no summary line (errors still go to stderr)')
    .option('--max-size <size>', `largest input file read (default ${formatSize(DEFAULT_MAX_BYTES)}; e.g. 20MB, 500k)`, sizeOption)
    .option('--force', 'replace --out even when it is not a shard claimgraph wrote')
    .action(async (inputs: string[], flags: { out: string; quiet?: boolean; maxSize?: number; force?: boolean }) => {
      process.exitCode = await runExtract({ inputs, out: flags.out, quiet: flags.quiet, maxBytes: flags.maxSize, force: flags.force });
    });
}
