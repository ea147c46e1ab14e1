/** claimgraph serve: placeholder until the command is written; it exits 1 with a clear message. */
import type { Command } from 'commander';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('(not written yet)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('claimgraph serve: not written yet\n');
      process.exitCode = 1;
    });
}
