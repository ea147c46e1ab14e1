/** claimgraph query: placeholder until the command is written; it exits 1 with a clear message. */
import type { Command } from 'commander';

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('(not written yet)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('claimgraph query: not written yet\n');
      process.exitCode = 1;
    });
}
