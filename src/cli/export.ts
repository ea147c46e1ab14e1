/**
 * claimgraph export: `claimgraph export GRAPH --format F [--out FILE]` writes a graph file in another format.
 * Single-file formats go to stdout without --out; every file is written whole or not at all (temp file, then rename).
 */
import { statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Option, type Command } from 'commander';
import type { ClaimGraph } from '../graph/load';
import { readGraphFile } from '../query/load';
import { EXPORT_FORMATS, EXPORT_FORMAT_NAMES, GEXF_VERSIONS, exportGraph, writesFolder, type ExportFile, type ExportFormatName, type GexfVersion } from '../export';
import { removeStaleTemps, writeFilesWhole } from './build-output';
import { removeLeftoverIndex } from './build-replace';
import { checkOutputTarget, statInputs } from './output-target';
import { terminalSafe } from './terminal-text';

interface ExportCliOptions {
  format: ExportFormatName;
  out?: string;
  gexfVersion: GexfVersion;
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Where each file goes. --out is a folder when it exists as one, ends with a slash, or the format writes a folder
 * (neo4j-admin): each file goes inside it under the format's name (graph.gexf, nodes.csv, ...). Otherwise it is
 * the file's path for a single-file format, and a prefix for several files (out/story → out/story.nodes.csv; a
 * trailing .csv is dropped).
 */
export function outputPaths(out: string, files: readonly ExportFile[], folder = false): string[] {
  if (folder || out.endsWith('/') || out.endsWith(sep) || isFolder(out)) return files.map((f) => join(out, f.name));
  if (files.length === 1) return [out];
  const prefix = out.replace(/\.csv$/i, '');
  return files.map((f) => `${prefix}.${f.name}`);
}

/** Checks every output (no input, device, FIFO or folder) and resolves the real paths to write. */
async function checkTargets(paths: string[], graphPath: string): Promise<{ ok: true; paths: string[] } | { ok: false; message: string }> {
  const inputs = await statInputs([graphPath]);
  const real: string[] = [];
  for (const path of paths) {
    const target = await checkOutputTarget(path, inputs);
    if (!target.ok) return { ok: false, message: `${path}: not written: ${target.reason}` };
    real.push(target.path);
  }
  return { ok: true, paths: real };
}

export function registerExport(program: Command): void {
  const command = program
    .command('export')
    .description('Write a graph file in another format: ' + EXPORT_FORMAT_NAMES.map((f) => `${f} (${EXPORT_FORMATS[f].description})`).join('; '))
    .argument('<graph>', 'graph JSON file (graph-data/graph.json, or the --out of claimgraph build)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMAT_NAMES).makeOptionMandatory())
    .option('-o, --out <path>', 'output file, or a folder (existing, or ending with /) to write graph.gexf, nodes.csv, ... in; for csv, else a prefix (PREFIX.nodes.csv); for neo4j-admin, always a folder; default: stdout')
    .addOption(new Option('--gexf-version <version>', 'GEXF version: 1.3 for Gephi 0.10 and Gephi Lite, 1.2 for networkx').choices(GEXF_VERSIONS).default('1.3'))
    .action(async (graphPath: string, options: ExportCliOptions) => {
      let graph: ClaimGraph;
      try {
        graph = await readGraphFile(graphPath);
      } catch (err) {
        process.stderr.write(`claimgraph export: ${terminalSafe((err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' '))}\n`);
        process.exitCode = 1;
        return;
      }
      const { files } = exportGraph(graph, options.format, { gexfVersion: options.gexfVersion });
      if (options.out === undefined) {
        if (files.length > 1) {
          command.error(`claimgraph export: ${options.format} writes ${files.length} files (${files.map((f) => f.name).join(', ')}): give --out FOLDER or --out PREFIX`, { exitCode: 2, code: 'claimgraph.usage' });
        }
        process.stdout.write(files[0]!.content);
        return;
      }
      const paths = outputPaths(options.out, files, writesFolder(options.format));
      const targets = await checkTargets(paths, graphPath);
      if (!targets.ok) {
        process.stderr.write(`claimgraph export: ${terminalSafe(targets.message)}\n`);
        process.exitCode = 1;
        return;
      }
      try {
        for (const path of targets.paths) await removeStaleTemps(path);
        await writeFilesWhole(files.map((f, i) => ({ path: targets.paths[i]!, data: f.content })));
        // no format of export is the line layout, so none has an index: one left from a graph there is stale
        for (const path of targets.paths) await removeLeftoverIndex(path);
      } catch (err) {
        process.stderr.write(`claimgraph export: cannot write ${terminalSafe(paths.join(', '))}: ${terminalSafe(err instanceof Error ? err.message : String(err))}\n`);
        process.exitCode = 1;
        return;
      }
      process.stderr.write(`claimgraph export: wrote ${terminalSafe(paths.join(', '))}\n`);
    });
}
