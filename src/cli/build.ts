/** claimgraph build: placeholder until the command is written; it exits 1 with a clear message. */
import type { Command } from 'commander';

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
