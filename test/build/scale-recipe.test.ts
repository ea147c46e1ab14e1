/**
 * docs/scale.md's GNU parallel recipe, run as the page prints it (the shell block after its `recipe` marker) over
 * an invented collection, with `claimgraph` on the PATH running this checkout's source: the graph it makes is
 * byte-identical to one build of the same folder. Skipped, saying why, where GNU parallel is not installed
 * (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/run-cli';
import { writeInventedArticles } from './helpers/invented-articles';

const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).stdout?.startsWith('GNU parallel') === true;
const REASON = 'skipped: GNU parallel is not installed (apt-get install parallel; .ci/run installs it)';
if (!hasParallel) console.warn(`docs/scale.md recipe test ${REASON}`);

/** The shell block that follows the recipe marker in docs/scale.md. */
function recipe(): string {
  const page = readFileSync(join(ROOT, 'docs', 'scale.md'), 'utf8');
  const m = /<!-- recipe:[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(page);
  if (!m) throw new Error('docs/scale.md has no recipe block after its marker');
  return m[1]!;
}

test('the recipe names the map and the reduce (so the test below runs the real thing)', () => {
  expect(recipe()).toMatch(/parallel .*claimgraph extract .*--out shards\//);
  expect(recipe()).toMatch(/claimgraph merge shards --out graph\.json/);
});

(hasParallel ? test : test.skip)(`GNU parallel runs the map over shards, merge makes the graph one build makes, byte for byte${hasParallel ? '' : ` (${REASON})`}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-scale-recipe-'));
  const files = writeInventedArticles(join(dir, 'articles'));
  // `claimgraph` as the recipe calls it: this checkout's CLI from source
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'claimgraph'), `#!/bin/sh\nexec "${process.execPath}" -r ts-node/register/transpile-only "${join(ROOT, 'src', 'cli', 'main.ts')}" "$@"\n`);
  chmodSync(join(dir, 'bin', 'claimgraph'), 0o755);
  const env = {
    ...process.env,
    PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
    NODE_PATH: join(ROOT, 'node_modules'),
    TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    // small shards, so that several jobs run; parallel keeps its own files under HOME, here the test's folder
    SHARD_SIZE: '2',
    HOME: dir,
  };
  const run = spawnSync('bash', ['-c', recipe()], { cwd: dir, env, encoding: 'utf8', timeout: 600_000 });
  expect(run.error).toBeUndefined();
  const shards = readdirSync(join(dir, 'shards')).sort();
  expect(shards).toHaveLength(Math.ceil(files.length / 2));
  // the empty article is named by the job that met it, and the second "ferry-fares" by merge, as build names them
  expect(run.stderr).toContain('claimgraph: articles/empty-draft.txt: empty file');
  expect(run.stderr).toContain('claimgraph: articles/ferry-fares.txt: document id "ferry-fares" is already taken by articles/archive/ferry-fares.txt');
  expect(run.stdout).toContain('claimgraph: wrote graph.json and graph.gexf from 7 document(s)');

  const build = runCli(['build', 'articles', '--out', 'built.json', '--quiet'], { cwd: dir, env: { NODE_PATH: env.NODE_PATH }, timeoutMs: 240_000 });
  expect(build.code).toBe(1);
  expect(readFileSync(join(dir, 'graph.json'), 'utf8')).toBe(readFileSync(join(dir, 'built.json'), 'utf8'));
  expect(readFileSync(join(dir, 'graph.gexf'), 'utf8')).toBe(readFileSync(join(dir, 'built.gexf'), 'utf8'));
}, 900_000);
