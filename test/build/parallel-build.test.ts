/**
 * claimgraph build on worker threads (`--jobs N`): the same bytes as a build in one thread (graph.json and
 * graph.gexf, from the repository's sources under ts-node and from compiled JavaScript as an installed package
 * runs it), the same error lines and exit code; a worker's failure costs only its document; the outcomes of the
 * threads, gathered in path order, are exactly what the one-thread map step gives.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli as runCliAt } from '../helpers/run-cli';
import { INVENTED_ARTICLES, writeInventedArticles } from './helpers/invented-articles';
import { extractOne, extractSources, gatherOutcomes, inPathOrder, type SourceFile } from '../../src/pipeline/build-from-sources';
import * as extractDocumentModule from '../../src/pipeline/extract-document';
import { extractSourcesInWorkers } from '../../src/cli/extract-workers';

const CHILD_TIMEOUT = 240_000;
const runCli = (args: string[], cwd: string) => runCliAt(args, { cwd, timeoutMs: CHILD_TIMEOUT, env: { NODE_PATH: join(ROOT, 'node_modules') } });
const problemLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('claimgraph: '));

/**
 * The invented articles as sources read into memory, in the order a folder walk would not give (reversed). Not the
 * HTML page: its reader (linkedom) is an ES module that jest's module loader cannot load in this process.
 */
const inventedSources = (): SourceFile[] =>
  Object.entries(INVENTED_ARTICLES)
    .filter(([name]) => !name.endsWith('.html'))
    .map(([name, text]) => ({ file: `articles/${name}`, path: `articles/${name}`, bytes: new Uint8Array(Buffer.from(text, 'utf8')) }))
    .reverse();

describe('claimgraph build --jobs: the same output as one thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-jobs-'));
  writeInventedArticles(join(dir, 'articles'));
  let one: ReturnType<typeof runCli>;
  let three: ReturnType<typeof runCli>;

  beforeAll(() => {
    one = runCli(['build', 'articles', '--out', 'one/graph.json', '--json', '--jobs', '1'], dir);
    three = runCli(['build', 'articles', '--out', 'three/graph.json', '--json', '--jobs', '3'], dir);
  }, 2 * CHILD_TIMEOUT);

  test('graph.json and graph.gexf are byte-identical with --jobs 1 and --jobs 3', () => {
    const json = readFileSync(join(dir, 'one', 'graph.json'), 'utf8');
    expect(readFileSync(join(dir, 'three', 'graph.json'), 'utf8')).toBe(json);
    expect(readFileSync(join(dir, 'three', 'graph.gexf'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'graph.gexf'), 'utf8'));
    // a real build of every good article, not two empty graphs
    const graph = JSON.parse(json) as { attributes: { documents: { id: string }[] }; nodes: unknown[] };
    expect(graph.attributes.documents.map((d) => d.id)).toEqual(['council-audit', 'ferry-fares', 'ferry-strike', 'museum-grant', 'pier-repairs', 'school-meals', 'union-vote']);
    expect(graph.nodes.length).toBeGreaterThan(10);
  });

  test('bad inputs get the same lines and the same exit code; the summaries agree but for --out', () => {
    expect(problemLines(three.stderr)).toEqual(problemLines(one.stderr));
    expect(problemLines(three.stderr)).toEqual([
      'claimgraph: articles/empty-draft.txt: empty file',
      'claimgraph: articles/ferry-fares.txt: document id "ferry-fares" is already taken by articles/archive/ferry-fares.txt (ids are file names without extension); rename one of them',
    ]);
    expect([one.code, three.code]).toEqual([1, 1]);
    // the cache is beside each --out: its folder differs, its counts agree
    const summary = (stdout: string) => {
      const parsed = JSON.parse(stdout) as Record<string, unknown> & { cache: Record<string, unknown> };
      return { ...parsed, out: null, cache: { ...parsed.cache, dir: null } };
    };
    expect(summary(three.stdout)).toEqual(summary(one.stdout));
    expect(summary(one.stdout)).toMatchObject({ documents: 7 });
  });

  // `script` (util-linux) gives the command a terminal as stdout, as at a shell, so that the bar is drawn
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  const barTitle = 'the progress bar on a terminal counts the articles, with articles/s and an ETA';
  (hasScript ? test : test.skip)(hasScript ? barTitle : `${barTitle} [skipped: no \`script\` command to provide a terminal]`, () => {
    const command = `${process.execPath} -r ts-node/register/transpile-only ${join(ROOT, 'src', 'cli', 'main.ts')} build articles --out bar/graph.json --jobs 2`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), NODE_PATH: join(ROOT, 'node_modules') }, encoding: 'utf8', timeout: CHILD_TIMEOUT });
    expect(run.stdout).toMatch(/claimgraph build [=-]+ 9\/9 \d+\.\d articles\/s ETA \d+s/);
    expect(run.stdout).toContain('wrote bar/graph.json');
    expect(readFileSync(join(dir, 'bar', 'graph.json'), 'utf8')).toBe(readFileSync(join(dir, 'one', 'graph.json'), 'utf8'));
  }, CHILD_TIMEOUT);

  test('--jobs must be a whole number from 1: anything else is a usage error (exit 2), and nothing is written', () => {
    for (const bad of ['0', '-2', 'two', '1.5']) {
      const run = runCli(['build', 'articles', '--out', `bad-${bad}/graph.json`, '--jobs', bad], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is not a number of jobs');
    }
  }, 4 * CHILD_TIMEOUT);
});

describe('the extraction on worker threads, in path order', () => {
  test('the outcomes of single documents, gathered in path order, are the map step of one thread, a stage that throws included', () => {
    const real = extractDocumentModule.extractDocument;
    const spy = jest.spyOn(extractDocumentModule, 'extractDocument').mockImplementation((doc) => {
      if (doc.id === 'school-meals') throw new Error('an invented stage failure');
      return real(doc);
    });
    try {
      const sources = inventedSources();
      const ordered = inPathOrder(sources);
      const gathered = gatherOutcomes(ordered, [...ordered].reverse().map(extractOne).reverse());
      const expected = extractSources(sources);
      expect(gathered).toEqual(expected);
      expect(expected.errors).toContainEqual({ file: 'articles/school-meals.txt', reason: 'extraction failed: an invented stage failure' });
      expect(expected.files).toEqual(['articles/archive/ferry-fares.txt', 'articles/council-audit.txt', 'articles/ferry-strike.txt', 'articles/pier-repairs.md', 'articles/union-vote.txt']);
    } finally {
      spy.mockRestore();
    }
  }, CHILD_TIMEOUT);

  test('a worker that dies or throws fails only the document it had; another worker takes over; progress counts every input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-worker-'));
    // the real worker's answers, but the thread ends outright on one document and throws uncaught on another
    const entry = join(dir, 'failing-worker.js');
    writeFileSync(entry, [
      `require(${JSON.stringify(require.resolve('ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(join(ROOT, 'tsconfig.json'))} });`,
      `const { parentPort } = require('node:worker_threads');`,
      `const { reply } = require(${JSON.stringify(join(ROOT, 'src', 'pipeline', 'worker-extract.ts'))});`,
      `parentPort.on('message', (request) => {`,
      `  if (request.source.file.endsWith('union-vote.txt')) process.exit(7);`,
      `  if (request.source.file.endsWith('pier-repairs.md')) throw new Error('invented crash');`,
      `  parentPort.postMessage(reply(request));`,
      `});`,
      `parentPort.postMessage({ kind: 'ready' });`,
    ].join('\n'));
    const sources = inventedSources();
    const progress: [number, number][] = [];
    const result = await extractSourcesInWorkers(sources, 2, (done, total) => progress.push([done, total]), entry);
    expect(result.errors).toEqual([
      { file: 'articles/empty-draft.txt', reason: 'empty file' },
      { file: 'articles/ferry-fares.txt', reason: expect.stringContaining('document id "ferry-fares" is already taken by articles/archive/ferry-fares.txt') },
      { file: 'articles/pier-repairs.md', reason: 'extraction failed: the worker thread stopped (invented crash)' },
      { file: 'articles/union-vote.txt', reason: 'extraction failed: the worker thread stopped (code 7)' },
    ]);
    // every other document is extracted exactly as in one thread
    const expected = extractSources(sources.filter((s) => !/union-vote|pier-repairs/.test(s.file)));
    expect(result.files).toEqual(expected.files);
    expect(result.extractions).toEqual(expected.extractions);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].map((done) => [done, 8]));
  }, CHILD_TIMEOUT);

  test('a worker whose code cannot be loaded fails the extraction with a reason, at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-worker-'));
    const entry = join(dir, 'broken-worker.js');
    writeFileSync(entry, "require('./no-such-module');\n");
    await expect(extractSourcesInWorkers(inventedSources(), 2, undefined, entry)).rejects.toThrow(/^cannot start an extraction worker: Cannot find module '\.\/no-such-module'/);
  });
});

describe('claimgraph build --jobs from compiled JavaScript (as installed from the package)', () => {
  // the worker's entry is then dist/pipeline/worker-entry.js, loaded without ts-node
  test('builds the invented articles on 2 workers to the bytes of a one-thread build from the sources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-jobs-dist-'));
    writeInventedArticles(join(dir, 'articles'));
    const dist = join(dir, 'dist');
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', dist], { cwd: ROOT, timeout: CHILD_TIMEOUT });
    const compiled = spawnSync(process.execPath, [join(dist, 'cli', 'main.js'), 'build', 'articles', '--out', 'compiled/graph.json', '--jobs', '2'], {
      cwd: dir,
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      encoding: 'utf8',
      timeout: CHILD_TIMEOUT,
    });
    const source = runCli(['build', 'articles', '--out', 'source/graph.json', '--jobs', '1'], dir);
    expect(compiled.stdout).toContain('wrote compiled/graph.json');
    expect(problemLines(compiled.stderr)).toEqual(problemLines(source.stderr));
    expect(compiled.status).toBe(1);
    expect(readFileSync(join(dir, 'compiled', 'graph.json'), 'utf8')).toBe(readFileSync(join(dir, 'source', 'graph.json'), 'utf8'));
    expect(readFileSync(join(dir, 'compiled', 'graph.gexf'), 'utf8')).toBe(readFileSync(join(dir, 'source', 'graph.gexf'), 'utf8'));
  }, 2 * CHILD_TIMEOUT);
});
