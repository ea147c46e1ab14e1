/**
 * claimgraph command line: one commander program; each command registers itself from its own module.
 * Only the CLI touches files and the terminal.
 */
import { Command } from 'commander';
import { registerBuild } from './build';
import { registerExtract } from './extract';
import { registerMerge } from './merge';
import { registerServe } from './serve';
import { registerExport } from './export';
import { registerQuery } from './query';
import { registerReport } from './report';
import { GENERATOR_VERSION } from '../version';

export function createProgram(): Command {
  const program = new Command('claimgraph')
    .description('Turn English news articles into a graph of who said what, with evidence.')
    .version(GENERATOR_VERSION)
    // usage errors exit 2, as documented; commands exit 0 (all went well) or 1 (some inputs failed)
    .exitOverride((err) => {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') process.exit(0);
      process.exit(2);
    });
  registerBuild(program);
  registerExtract(program);
  registerMerge(program);
  registerServe(program);
  registerExport(program);
  registerQuery(program);
  registerReport(program);
  return program;
}

if (require.main === module) {
  createProgram()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      process.stderr.write(`claimgraph: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
