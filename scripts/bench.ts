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
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = join(__dirname, 'bench');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  for (const file of files) {
    const name = basename(file, '.ts');
    if (only.length && !only.includes(name)) continue;
    // require, not import(): under ts-node with nodenext a dynamic import stays ESM and cannot load .ts
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(dir, file)) as BenchModule;
    console.log(`\n## ${name}: ${mod.description}`);
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
