/**
 * npm run bench: runs every benchmark module in scripts/bench/ (or those named on the command line) and prints
 * each one's ratios against a baseline measured in the same run. Machines are shared and noisy: ratios, not
 * absolute times, are the figures to read.
 */
import { readdirSync } from 'node:fs';
import { join, basename } from 'node:path';

interface BenchModule {
  /** one line saying what is measured and against which baseline */
  description: string;
  /** the arguments that followed the module's name on the command line (`npm run bench -- scale 840`) */
  run(args: string[]): Promise<void>;
}

/**
 * Module names, each with the arguments after it up to the next name: `scale 840 8400 build` gives scale
 * ['840', '8400'] and build []. An argument is a module's name when a module has that name.
 */
function argumentsByModule(argv: string[], names: string[]): Map<string, string[]> {
  const byModule = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const arg of argv) {
    if (names.includes(arg)) byModule.set(arg, (current = []));
    else if (current) current.push(arg);
    else throw new Error(`bench: ${arg} is not a benchmark (${names.join(', ')})`);
  }
  return byModule;
}

async function main(): Promise<void> {
  const dir = join(__dirname, 'bench');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const only = argumentsByModule(process.argv.slice(2), files.map((f) => basename(f, '.ts')));
  for (const file of files) {
    const name = basename(file, '.ts');
    if (only.size && !only.has(name)) continue;
    // require, not import(): under ts-node with nodenext a dynamic import stays ESM and cannot load .ts
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, file)) as BenchModule;
    console.log(`\n## ${name}: ${mod.description}`);
    await mod.run(only.get(name) ?? []);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
