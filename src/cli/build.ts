/** claimgraph build: placeholder until the command is written. */
import type { Command } from 'commander';

export interface BuildOptions {
  /** files or folders; folders are read for .txt, .md and .html */
  inputs: string[];
  /** graph JSON path; a GEXF is written beside it (same name, .gexf) */
  out: string;
  quiet?: boolean;
  json?: boolean;
  /** largest input accepted, in bytes */
  maxBytes?: number;
}

export interface BuildSummary {
  documents: number;
  nodes: Record<string, number>;
  edges: Record<string, number>;
  errors: { file: string; reason: string }[];
}

/** Builds the graph; resolves to the process exit code (0 all built, 1 some inputs failed). */
export async function runBuild(_options: BuildOptions): Promise<{ code: number; summary?: BuildSummary }> {
  throw new Error('claimgraph build: not written yet');
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('(not written yet)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('claimgraph build: not written yet\n');
      process.exitCode = 1;
    });
}
