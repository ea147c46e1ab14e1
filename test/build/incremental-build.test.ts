/**
 * claimgraph build's extraction cache: a rebuild extracts only the inputs that are new or changed, and writes the
 * same bytes (graph, index and GEXF) as a build without the cache, with any --jobs; a damaged entry is extracted again; an entry of
 * another extractor version is never used; unused old entries are pruned; a cache that cannot be written costs a
 * warning, not the build. Invented articles only.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli as runCliAt } from '../helpers/run-cli';
import { INVENTED_ARTICLES } from './helpers/invented-articles';
import { runBuild } from '../../src/cli/build';
import { CACHE_FOLDER, UNUSED_DAYS, cacheKey, readEntry } from '../../src/cli/extraction-cache';
import { computeExtractorVersion, extractorVersion } from '../../src/cli/extractor-version';
import { GENERATOR_VERSION } from '../../src/version';

const CHILD_TIMEOUT = 240_000;
const runCli = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => runCliAt(args, { cwd, timeoutMs: CHILD_TIMEOUT, env: { NODE_PATH: join(ROOT, 'node_modules'), ...env } });
const summaryOf = (stdout: string) => JSON.parse(stdout) as { documents: number; errors: unknown[]; cache: { dir: string; cached: number; extracted: number; pruned: number } | null };

/** An invented article that none of the fixtures has. */
const NEW_ARTICLE = 'Library Extends Opening Hours\n\nJune 3, 2031\n\nThe city library said on Wednesday that it would open until ten at night from July.\n\nMayor Lena Ortiz said the change would cost less than expected.\n';

/** The invented articles that build (no empty draft), so that every input is cached. */
function writeGoodArticles(dir: string): void {
  for (const [name, text] of Object.entries(INVENTED_ARTICLES)) {
    if (!text) continue;
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

const same = (dir: string, a: string, b: string) => {
  for (const file of ['graph.json', 'graph.json.idx', 'graph.gexf']) expect(readFileSync(join(dir, a, file), 'utf8')).toBe(readFileSync(join(dir, b, file), 'utf8'));
};

describe('claimgraph build with its extraction cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-cache-'));
  const cacheDir = join(dir, 'out', CACHE_FOLDER);
  const entries = () => readdirSync(cacheDir).filter((n) => n.endsWith('.ndjson')).sort();
  writeGoodArticles(join(dir, 'articles'));

  test('the first build extracts every input and stores each beside the graph; a rebuild extracts none', () => {
    const first = runCli(['build', 'articles', '--out', 'out/graph.json', '--json'], dir);
    expect(summaryOf(first.stdout).cache).toEqual({ dir: cacheDir, cached: 0, extracted: 8, pruned: 0 });
    // the duplicate id's file is refused by the build, but its extraction is cached as any other
    expect(entries()).toHaveLength(8);
    const again = runCli(['build', 'articles', '--out', 'out/graph.json', '--json'], dir);
    expect(summaryOf(again.stdout).cache).toMatchObject({ cached: 8, extracted: 0 });
    expect(again.stderr).toBe(first.stderr);
    expect(again.code).toBe(first.code);
  }, 2 * CHILD_TIMEOUT);

  test('after one article is added, only it is extracted, and the files are those of a build without the cache', () => {
    writeFileSync(join(dir, 'articles', 'library-hours.txt'), NEW_ARTICLE);
    const rebuilt = runCli(['build', 'articles', '--out', 'out/graph.json', '--json'], dir);
    expect(summaryOf(rebuilt.stdout).cache).toMatchObject({ cached: 8, extracted: 1 });
    expect(summaryOf(rebuilt.stdout).documents).toBe(8);
    const plain = runCli(['build', 'articles', '--out', 'plain/graph.json', '--json', '--no-cache'], dir);
    expect(summaryOf(plain.stdout).cache).toBeNull();
    expect(existsSync(join(dir, 'plain', CACHE_FOLDER))).toBe(false);
    same(dir, 'out', 'plain');
    expect(rebuilt.stderr).toBe(plain.stderr);
  }, 2 * CHILD_TIMEOUT);

  test('changed articles are extracted again, on worker threads too, to the same bytes as one thread without the cache', () => {
    writeFileSync(join(dir, 'articles', 'council-audit.txt'), INVENTED_ARTICLES['council-audit.txt']!.replace('September', 'October'));
    writeFileSync(join(dir, 'articles', 'library-hours.txt'), NEW_ARTICLE.replace('ten at night', 'nine at night'));
    const rebuilt = runCli(['build', 'articles', '--out', 'out/graph.json', '--json', '--jobs', '2'], dir);
    expect(summaryOf(rebuilt.stdout).cache).toMatchObject({ cached: 7, extracted: 2 });
    const plain = runCli(['build', 'articles', '--out', 'plain/graph.json', '--json', '--no-cache', '--jobs', '1'], dir);
    same(dir, 'out', 'plain');
    expect(readFileSync(join(dir, 'out', 'graph.json'), 'utf8')).toContain('October');
  }, 2 * CHILD_TIMEOUT);

  test('a damaged, a cut-short and an unreadable entry are each extracted again and rewritten, with the same output', () => {
    // entries of articles left unchanged: the folder also holds the changed articles' earlier entries
    const idOf = (name: string) => (JSON.parse(readFileSync(join(cacheDir, name), 'utf8').split('\n')[1]!) as { extraction: { doc: { id: string } } }).extraction.doc.id;
    const [damaged, cut, foreign] = ['ferry-strike', 'pier-repairs', 'union-vote'].map((id) => entries().find((n) => idOf(n) === id));
    writeFileSync(join(cacheDir, damaged!), '{"format":"claimgraph-cache"\0\0 not json\n');
    const whole = readFileSync(join(cacheDir, cut!), 'utf8');
    writeFileSync(join(cacheDir, cut!), whole.slice(0, Math.floor(whole.length / 2)));
    // an entry stored under another entry's name (a copy gone wrong) is not that document's
    writeFileSync(join(cacheDir, foreign!), whole);
    const rebuilt = runCli(['build', 'articles', '--out', 'out/graph.json', '--json'], dir);
    expect(rebuilt.code).toBe(1); // the duplicate id, as always
    expect(summaryOf(rebuilt.stdout).cache).toMatchObject({ extracted: 3 });
    same(dir, 'out', 'plain');
    const again = runCli(['build', 'articles', '--out', 'out/graph.json', '--json'], dir);
    expect(summaryOf(again.stdout).cache).toMatchObject({ extracted: 0 });
  }, 2 * CHILD_TIMEOUT);

  test('a cache folder that cannot be made costs one warning; the graph is still written ($CLAIMGRAPH_CACHE_DIR)', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'a file where the cache would go');
    const run = runCli(['build', 'articles/union-vote.txt', '--out', 'blocked/graph.json', '--json'], dir, { CLAIMGRAPH_CACHE_DIR: join(blocker, 'cache') });
    expect(run.code).toBe(0);
    expect(summaryOf(run.stdout)).toMatchObject({ documents: 1, errors: [], cache: { dir: join(blocker, 'cache'), extracted: 1 } });
    const warnings = run.stderr.split('\n').filter(Boolean);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^claimgraph: .*not-a-folder\/cache: warning: extraction cache not written \(.*ENOTDIR.*\); the next build extracts these documents again$/);
    expect(existsSync(join(dir, 'blocked', 'graph.json'))).toBe(true);
  }, CHILD_TIMEOUT);
});

describe('the cache in one process: versions and pruning', () => {
  // plain text articles only: the HTML reader (linkedom) is an ES module that jest's loader cannot load here
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-cache-unit-'));
  const names = ['ferry-strike.txt', 'school-meals.txt', 'union-vote.txt'];
  for (const name of names) {
    mkdirSync(join(dir, 'articles'), { recursive: true });
    writeFileSync(join(dir, 'articles', name), INVENTED_ARTICLES[name]!);
  }
  const cacheDir = join(dir, 'cache');
  const build = async (version: string) => {
    const { summary } = await runBuild({ inputs: [join(dir, 'articles')], out: join(dir, 'out', 'graph.json'), quiet: true, jobs: 1, cache: { dir: cacheDir, version } });
    return summary.cache!;
  };

  test('an entry is used only by the extractor version that wrote it', async () => {
    expect(await build('version-a')).toMatchObject({ cached: 0, extracted: 3 });
    expect(await build('version-a')).toMatchObject({ cached: 3, extracted: 0 });
    expect(await build('version-b')).toMatchObject({ cached: 0, extracted: 3 });
    const bytes = new Uint8Array(Buffer.from('The same text.'));
    expect(cacheKey('a', { file: 'x.txt', bytes })).not.toBe(cacheKey('b', { file: 'x.txt', bytes }));
    // what ingest reads of the name is the last part: the same file named another way is the same entry
    expect(cacheKey('a', { file: 'articles/x.txt', path: 'articles/x.txt', bytes })).toBe(cacheKey('a', { file: './articles/x.txt', path: 'articles/x.txt', bytes }));
    expect(cacheKey('a', { file: 'x.txt', bytes })).not.toBe(cacheKey('a', { file: 'x.md', bytes }));
    expect(cacheKey('a', { file: 'x.txt', path: 'a/x.txt', bytes })).not.toBe(cacheKey('a', { file: 'x.txt', path: 'b/x.txt', bytes }));
  }, CHILD_TIMEOUT);

  /** The entry of article `name` under `version`, as the build names it (its path is relative to out/). */
  const entryOf = (version: string, name: string) =>
    join(cacheDir, `${cacheKey(version, { file: join(dir, 'articles', name), path: `../articles/${name}`, bytes: readFileSync(join(dir, 'articles', name)) })}.ndjson`);

  test('a build prunes the entries unused for 30 days and the temporary files of killed builds, and keeps the rest', async () => {
    const old = (Date.now() - (UNUSED_DAYS + 1) * 24 * 3600 * 1000) / 1000;
    const [a, b] = [names.map((n) => entryOf('version-a', n)), names.map((n) => entryOf('version-b', n))];
    for (const file of [...a, ...b]) expect(existsSync(file)).toBe(true);
    const temp = join(cacheDir, `.${'0'.repeat(64)}.ndjson.123.abcd.tmp`);
    const unrelated = join(cacheDir, 'notes.txt');
    writeFileSync(temp, 'half an entry');
    writeFileSync(unrelated, 'not the cache');
    // version-a's entries are unused by a version-b build: of them only the old one goes; b's are kept however old
    for (const file of [a[0]!, b[0]!, temp, unrelated]) utimesSync(file, old, old);
    expect((await build('version-b')).pruned).toBe(2);
    expect([a[0]!, temp].filter(existsSync)).toEqual([]);
    expect([...a.slice(1), ...b, unrelated].filter((f) => !existsSync(f))).toEqual([]);
    // an entry used is touched: its age is the time since a build last used it
    expect(statSync(b[0]!).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  }, CHILD_TIMEOUT);

  test('readEntry takes only a whole entry for its key', () => {
    const name = readdirSync(cacheDir).find((n) => n.endsWith('.ndjson'))!;
    const text = readFileSync(join(cacheDir, name), 'utf8');
    const key = name.slice(0, 64);
    expect(readEntry(text, key)).toMatchObject({ ok: true, warnings: [] });
    expect(readEntry(text, '0'.repeat(64))).toBeUndefined();
    expect(readEntry(text.slice(0, -1), key)).toBeUndefined();
    expect(readEntry(text.replace('"warnings":[]', '"warnings":[1]'), key)).toBeUndefined();
    expect(readEntry('', key)).toBeUndefined();
  });
});

describe('the extractor version', () => {
  const tree = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'claimgraph-extractor-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  };

  test('changes with any file of an extraction stage, its data or the model; not with tests or other folders', () => {
    const base = { 'claims/a.ts': 'export const a = 1;', 'claims/model/attribution-model.json': '{"w":[1]}', 'nlp/b.ts': 'b', 'types.ts': 't' };
    const version = computeExtractorVersion(tree(base), {});
    expect(version.startsWith(`${GENERATOR_VERSION}+`)).toBe(true);
    expect(computeExtractorVersion(tree(base), {})).toBe(version);
    expect(computeExtractorVersion(tree({ ...base, 'claims/a.ts': 'export const a = 2;' }), {})).not.toBe(version);
    expect(computeExtractorVersion(tree({ ...base, 'claims/model/attribution-model.json': '{"w":[2]}' }), {})).not.toBe(version);
    expect(computeExtractorVersion(tree({ ...base, 'relations/c.ts': 'c' }), {})).not.toBe(version);
    expect(computeExtractorVersion(tree({ ...base, 'graph/schema.ts': 's' }), {})).not.toBe(version);
    expect(computeExtractorVersion(tree({ ...base, 'claims/a.test.ts': 'test' }), {})).toBe(version);
    expect(computeExtractorVersion(tree({ ...base, 'query/q.ts': 'q', 'cli/c.ts': 'c' }), {})).toBe(version);
  });

  test('is read from compiled JavaScript as from the sources, and follows another model file', () => {
    const compiled = tree({ 'claims/a.js': 'exports.a = 1;', 'claims/a.d.ts': 'export declare const a: number;', 'claims/a.js.map': '{}' });
    const version = computeExtractorVersion(compiled, {});
    expect(computeExtractorVersion(tree({ 'claims/a.js': 'exports.a = 1;' }), {})).toBe(version);
    expect(computeExtractorVersion(tree({ 'claims/a.js': 'exports.a = 2;' }), {})).not.toBe(version);
    const model = join(compiled, 'other-model.json');
    writeFileSync(model, '{"w":[3]}');
    expect(computeExtractorVersion(compiled, { CLAIMGRAPH_ATTRIBUTION_MODEL: model })).not.toBe(version);
  });

  test("this process's version is computed once, from the repository's stages", () => {
    expect(extractorVersion()).toBe(extractorVersion());
    expect(extractorVersion()).toBe(computeExtractorVersion(join(ROOT, 'src')));
  });
});
