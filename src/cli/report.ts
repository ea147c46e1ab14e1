/**
 * claimgraph report: `claimgraph report GRAPH [--about NAME] --out brief.md|brief.html` writes a story brief
 * (src/report) of a graph file: Markdown or one self-contained HTML page, by the extension of --out, written
 * whole or not at all. The only part of the report that touches files.
 */
import type { Command } from 'commander';
import { GraphContractError } from '../graph/schema';
import { AmbiguousNameError, GraphFileError, loadGraph, NameNotFoundError } from '../query';
import { articleHref, briefFormatFor, composeBrief, describeCounts, extensionOf, renderBrief, type Brief, type BriefFormat } from '../report';
import { removeStaleTemps, writeFilesWhole } from './build-output';
import { checkOutputTarget, statInputs } from './output-target';
import { terminalSafe } from './terminal-text';

interface ReportOptions {
  out: string;
  about?: string;
}

const say = (message: string) => process.stderr.write(`claimgraph report: ${terminalSafe(message)}\n`);

/** The brief's text, or the message of why there is none (a graph that cannot be read, a name that names nothing). */
async function briefText(graphPath: string, options: ReportOptions, format: BriefFormat): Promise<{ text: string; brief: Brief } | { error: string }> {
  try {
    const queries = await loadGraph(graphPath);
    const brief = composeBrief(queries, { about: options.about, articleHref: (a) => articleHref(a.path, graphPath, options.out) });
    return { text: renderBrief(brief, format), brief };
  } catch (err) {
    if (err instanceof NameNotFoundError || err instanceof AmbiguousNameError) return { error: `--about: ${err.message}` };
    if (err instanceof GraphFileError || err instanceof GraphContractError) return { error: err.message.replace(/\s*\n\s*/g, ' ') };
    throw err;
  }
}

/** Writes the brief; resolves to the exit code (0 written, 1 not). */
async function writeReport(graphPath: string, options: ReportOptions, format: BriefFormat): Promise<number> {
  const target = await checkOutputTarget(options.out, await statInputs([graphPath]));
  if (!target.ok) {
    // the shared check words its refusal for a build's graph file
    say(`${options.out}: not written: ${target.reason.replace('a graph file', 'a brief')}`);
    return 1;
  }
  const made = await briefText(graphPath, options, format);
  if ('error' in made) {
    say(made.error);
    return 1;
  }
  try {
    await removeStaleTemps(target.path);
    await writeFilesWhole([{ path: target.path, data: made.text }]);
  } catch (err) {
    say(`${options.out}: cannot write: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  say(`wrote ${options.out} (${describeCounts(made.brief.counts)})`);
  return 0;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a story brief: the speakers and what each said, the disputes, a dated timeline, every line linked to its article and sentence')
    .argument('<graph>', 'graph JSON file (graph-data/graph.json, or the --out of claimgraph build)')
    .option('--about <name>', 'only the claims about this entity (label, alias or key)')
    .requiredOption('-o, --out <file>', 'the brief: FILE.md for Markdown, FILE.html for one self-contained HTML page')
    .action(async (graphPath: string, options: ReportOptions, command: Command) => {
      const format = briefFormatFor(options.out);
      if (format === undefined) {
        const ext = extensionOf(options.out);
        const what = ext ? `unknown format "${ext}"` : 'no file extension';
        command.error(`claimgraph report: --out ${terminalSafe(options.out)}: ${what}; a brief is written as Markdown (.md) or HTML (.html)`, { exitCode: 2, code: 'claimgraph.usage' });
      }
      process.exitCode = await writeReport(graphPath, options, format);
    });
}
