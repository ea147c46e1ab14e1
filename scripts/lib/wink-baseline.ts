/**
 * The benchmarks' yardstick, run as its own process so that its memory and its start are its own: bare
 * single-threaded wink-nlp (readDoc + POS tags, the lite English model) over every .txt file of a folder, read
 * one at a time as a build reads them. Prints one JSON line: wink tokens, the wall time of reading and tagging
 * (the model's load left out, so the yardstick is the hardest one), and the process's peak RSS.
 *
 *   node -r ts-node/register/transpile-only scripts/lib/wink-baseline.ts FOLDER
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface WinkBaseline {
  files: number;
  tokens: number;
  /** reading and tagging, without loading the model */
  ms: number;
  /** KiB, as Linux reports it */
  maxRssKiB: number;
}

export function tagFolder(dir: string): WinkBaseline {
  const nlp = winkNLP(model);
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const t0 = performance.now();
  let tokens = 0;
  for (const file of files) tokens += nlp.readDoc(readFileSync(join(dir, file), 'utf8')).tokens().out(nlp.its.pos).length;
  const ms = performance.now() - t0;
  return { files: files.length, tokens, ms, maxRssKiB: process.resourceUsage().maxRSS };
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: wink-baseline.ts FOLDER\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(tagFolder(dir))}\n`);
}
