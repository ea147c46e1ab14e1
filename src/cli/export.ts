/** claimgraph export: placeholder until the command is written; it exits 1 with a clear message. */
import type { Command } from 'commander';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('(not written yet)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('claimgraph export: not written yet\n');
      process.exitCode = 1;
    });
}
