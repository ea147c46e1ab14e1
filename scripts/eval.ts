/**
 * Development measure: builds graphs for the evaluation sets in ../shared/eval (or $CLAIMGRAPH_EVAL_DIR) and
 * runs their scorers. Usage: ts-node scripts/eval.ts [seed] [dev] [news] [polnear] [--misses]. Reads the data in
 * place; nothing of it is copied into the project.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildFromSources } from '../src/pipeline/build-from-sources';

const EVAL = process.env.CLAIMGRAPH_EVAL_DIR ?? join(__dirname, '..', '..', 'shared', 'eval');
const args = process.argv.slice(2);
const misses = args.includes('--misses');
const sets = args.filter((a) => !a.startsWith('--'));
const want = (s: string) => (sets.length === 0 && s !== 'train-held-out') || sets.includes(s);
const out = mkdtempSync(join(tmpdir(), 'claimgraph-eval-'));

/** The graph `claimgraph build` would make of these files (same ingest, extraction and assembly). */
function graphOf(files: string[]): string {
  const { graph, errors } = buildFromSources(files.map((f) => ({ file: f, path: basename(f), bytes: readFileSync(f) })));
  for (const e of errors) console.error(`claimgraph: ${e.file}: ${e.reason}`);
  return JSON.stringify(graph.export());
}

function score(scorer: string, scorerArgs: string[]): void {
  const r = spawnSync(process.execPath, [join(EVAL, scorer), ...scorerArgs, ...(misses ? ['--misses'] : [])], { encoding: 'utf8' });
  process.stdout.write(r.stdout + r.stderr);
}

const txt = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));

if (want('seed')) {
  const file = join(EVAL, 'seed/articles/nasa-iss-leak-statement.txt');
  const graphPath = join(out, 'seed.json');
  writeFileSync(graphPath, graphOf([file]));
  console.log('# seed');
  score('score.mjs', [graphPath, join(EVAL, 'seed/gold/nasa-iss-leak-statement.json')]);
}
if (want('dev')) {
  const dir = join(out, 'dev');
  mkdirSync(dir);
  for (const f of txt(join(EVAL, 'dev/articles'))) writeFileSync(join(dir, basename(f, '.txt') + '.json'), graphOf([f]));
  console.log('# dev');
  score('score.mjs', ['--dir', dir, join(EVAL, 'dev/gold')]);
}
if (want('news')) {
  const dir = join(out, 'news');
  mkdirSync(dir);
  for (const f of txt(join(EVAL, 'dev-news/articles'))) writeFileSync(join(dir, basename(f, '.txt') + '.json'), graphOf([f]));
  console.log('# dev-news');
  score('score.mjs', ['--dir', dir, join(EVAL, 'dev-news/gold')]);
}
if (want('train-held-out')) {
  // every tenth training article by name: what `npm run train --held-out-model` leaves out, for tuning
  const root = join(EVAL, 'polnear-train');
  const names = readdirSync(join(root, 'ann')).filter((f) => f.endsWith('.ann')).map((f) => f.slice(0, -4)).sort().filter((_, i) => i % 10 === 9);
  const dir = join(out, 'held-out');
  mkdirSync(join(dir, 'ann'), { recursive: true });
  mkdirSync(join(dir, 'text'));
  for (const n of names) {
    symlinkSync(join(root, 'ann', n + '.ann'), join(dir, 'ann', n + '.ann'));
    symlinkSync(join(root, 'text', n + '.txt'), join(dir, 'text', n + '.txt'));
  }
  const graphPath = join(out, 'held-out.json');
  writeFileSync(graphPath, graphOf(names.map((n) => join(dir, 'text', n + '.txt'))));
  console.log('# train-held-out');
  score('score-polnear.mjs', [graphPath, dir]);
}
if (want('polnear')) {
  const graphPath = join(out, 'polnear.json');
  const t0 = Date.now();
  writeFileSync(graphPath, graphOf(txt(join(EVAL, 'polnear-dev/text'))));
  console.log(`# polnear (built in ${Date.now() - t0} ms)`);
  score('score-polnear.mjs', [graphPath, join(EVAL, 'polnear-dev')]);
}
