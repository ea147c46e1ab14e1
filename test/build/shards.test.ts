/**
 * The map and reduce steps as a user runs them (child processes): `claimgraph extract` over four shards of an
 * invented collection, then `claimgraph merge`, gives the very bytes of one `claimgraph build` (graph.json, its
 * index and graph.gexf), with the same lines for the inputs that cannot be built; shards are stable; damaged shards are
 * named line by line and the rest is merged.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli as runCliAt } from '../helpers/run-cli';
import { writeInventedArticles } from './helpers/invented-articles';
import { SHARD_FORMAT, mergeRecords, parseShardLine, shardLine, type ShardRecord } from '../../src/pipeline/shards';
import type { DocumentExtraction } from '../../src/types';

/** Each CLI run costs seconds, more on a loaded machine. */
const CHILD_TIMEOUT = 240_000;
/** The CLI from source in a folder of its own: NODE_PATH lets node find ts-node from there. */
const runCli = (args: string[], options: { cwd: string; timeoutMs: number }) => runCliAt(args, { ...options, env: { NODE_PATH: join(ROOT, 'node_modules') } });
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('claimgraph: ') && !l.includes(': wrote ')).sort();

describe('extract over 4 shards, then merge', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-shards-'));
  const files = writeInventedArticles(join(dir, 'articles')).map((f) => `articles/${f}`);
  // four shards, dealt round-robin, so that the two files with one id and the recurring names land in different shards
  const shards = [0, 1, 2, 3].map((s) => files.filter((_, i) => i % 4 === s));
  let build: ReturnType<typeof runCli>;
  let extracts: ReturnType<typeof runCli>[];
  let merge: ReturnType<typeof runCli>;

  beforeAll(() => {
    build = runCli(['build', 'articles', '--out', 'built/graph.json'], { cwd: dir, timeoutMs: CHILD_TIMEOUT });
    // the shards two folders down, the merged graph one: the documents' paths must still come out as build's
    extracts = shards.map((list, s) => runCli(['extract', ...list, '--out', `work/shards/part-${s}.ndjson`], { cwd: dir, timeoutMs: CHILD_TIMEOUT }));
    merge = runCli(['merge', 'work/shards', '--out', 'merged/graph.json'], { cwd: dir, timeoutMs: CHILD_TIMEOUT });
  }, 6 * CHILD_TIMEOUT);

  test('the merged graph.json and graph.gexf are byte-identical to one build of the same files', () => {
    expect(build.stdout).toContain('wrote built/graph.json');
    expect(merge.stdout).toContain('wrote merged/graph.json');
    const built = readFileSync(join(dir, 'built', 'graph.json'), 'utf8');
    expect(readFileSync(join(dir, 'merged', 'graph.json'), 'utf8')).toBe(built);
    expect(readFileSync(join(dir, 'merged', 'graph.gexf'), 'utf8')).toBe(readFileSync(join(dir, 'built', 'graph.gexf'), 'utf8'));
    expect(readFileSync(join(dir, 'merged', 'graph.json.idx'), 'utf8')).toBe(readFileSync(join(dir, 'built', 'graph.json.idx'), 'utf8'));
    // a real merge: documents from every shard, and names that several shards found are one node
    const graph = JSON.parse(built) as { attributes: { documents: { id: string; path: string }[] }; nodes: { key: string; attributes: { evidence: { doc: string }[] } }[] };
    expect(graph.attributes.documents.map((d) => d.id)).toEqual(['council-audit', 'ferry-fares', 'ferry-strike', 'museum-grant', 'pier-repairs', 'school-meals', 'union-vote']);
    expect(graph.attributes.documents.find((d) => d.id === 'museum-grant')?.path).toBe('../articles/museum-grant.html');
    const docsOf = (key: string) => new Set(graph.nodes.find((n) => n.key === key)?.attributes.evidence.map((e) => e.doc));
    const ortiz = graph.nodes.find((n) => /ortiz/.test(n.key))!;
    expect(docsOf(ortiz.key).size).toBeGreaterThanOrEqual(3);
  });

  test('bad inputs are named and skipped as build does: extract names the empty file, merge the second id', () => {
    expect(build.code).toBe(1);
    const fromShards = [...extracts.flatMap((e) => errorLines(e.stderr)), ...errorLines(merge.stderr)].sort();
    expect(fromShards).toEqual(errorLines(build.stderr));
    expect(fromShards).toEqual([
      'claimgraph: articles/empty-draft.txt: empty file',
      // first in path order wins, in build and in merge alike: archive/ sorts before the story itself
      'claimgraph: articles/ferry-fares.txt: document id "ferry-fares" is already taken by articles/archive/ferry-fares.txt (ids are file names without extension); rename one of them',
    ]);
    expect(extracts.map((e) => e.code)).toEqual(shards.map((list) => (list.includes('articles/empty-draft.txt') ? 1 : 0)));
    expect(merge.code).toBe(1);
  });

  test('a shard holds one line per document built, in path order whatever the order of the arguments, the same bytes every time', () => {
    const first = readFileSync(join(dir, 'work', 'shards', 'part-0.ndjson'), 'utf8');
    const again = runCli(['extract', ...[...shards[0]!].reverse(), '--out', 'work/again.ndjson', '--quiet'], { cwd: dir, timeoutMs: CHILD_TIMEOUT });
    expect(again).toMatchObject({ stdout: '' });
    const second = readFileSync(join(dir, 'work', 'again.ndjson'), 'utf8');
    // the same documents, in the same order; only the paths differ, being relative to each shard's folder
    expect(second.replaceAll('"../articles/', '"../../articles/')).toBe(first);
    const lines = first.trimEnd().split('\n').map((l) => JSON.parse(l) as { format: string; file: string; extraction: DocumentExtraction });
    expect(lines.map((l) => l.format)).toEqual(lines.map(() => SHARD_FORMAT));
    expect(lines.map((l) => l.file)).toEqual(shards[0]!.filter((f) => f !== 'articles/empty-draft.txt'));
    expect(lines.every((l) => l.extraction.doc.text.length > 0)).toBe(true);
    expect(lines.some((l) => l.extraction.claims.length > 0)).toBe(true);
  }, CHILD_TIMEOUT);

  test('merge names a damaged line, a file that is no shard and a missing one, and merges the rest', () => {
    const good = readFileSync(join(dir, 'work', 'shards', 'part-1.ndjson'), 'utf8').trimEnd().split('\n');
    mkdirSync(join(dir, 'damaged'), { recursive: true });
    writeFileSync(join(dir, 'damaged', 'cut.ndjson'), `${good[0]}\n${good[1]!.slice(0, 200)}\n\n${good.slice(2).join('\n')}\n`);
    const result = runCli(['merge', 'damaged/cut.ndjson', 'articles/union-vote.txt', 'no-such.ndjson', '--out', 'damaged/graph.json', '--json'], { cwd: dir, timeoutMs: CHILD_TIMEOUT });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { documents: number; errors: { file: string; reason: string }[]; out: string };
    expect(summary.out).toBe('damaged/graph.json');
    expect(summary.documents).toBe(good.length - 1);
    expect(summary.errors.map((e) => e.file)).toEqual(['articles/union-vote.txt', 'damaged/cut.ndjson:2', 'no-such.ndjson']);
    expect(summary.errors[0]!.reason).toMatch(/^not a claimgraph shard: line 1 is not a JSON line/);
    expect(summary.errors[2]!.reason).toBe('no such file or folder');
    expect(errorLines(result.stderr)).toHaveLength(3);
  }, CHILD_TIMEOUT);

  test('extract refuses to write over a file that is not a shard (unless --force), and --out is required (exit 2)', () => {
    writeFileSync(join(dir, 'notes.ndjson'), '{"mine": true}\n');
    const refused = runCli(['extract', 'articles/school-meals.txt', '--out', 'notes.ndjson'], { cwd: dir, timeoutMs: CHILD_TIMEOUT });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('claimgraph: notes.ndjson: not written: the file exists and is not a claimgraph shard');
    expect(readFileSync(join(dir, 'notes.ndjson'), 'utf8')).toBe('{"mine": true}\n');
    expect(runCli(['extract', 'articles/school-meals.txt', '--out', 'notes.ndjson', '--force', '--quiet'], { cwd: dir, timeoutMs: CHILD_TIMEOUT }).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.ndjson'), 'utf8')).toMatch(/^\{"format":"claimgraph-extraction"/);
    expect(runCli(['extract', 'articles/school-meals.txt'], { cwd: dir, timeoutMs: CHILD_TIMEOUT }).code).toBe(2);
  }, 3 * CHILD_TIMEOUT);
});

describe('shard lines', () => {
  const extraction = (id: string, path: string, text = 'Acme said it grew.'): DocumentExtraction => ({
    doc: { id, title: 'Acme', path, text },
    entities: [{ id: 'e0', kind: 'organization', label: 'Acme', aliases: [], mentions: [{ start: 0, end: 4, text: 'Acme' }] }],
    claims: [{ text: 'it grew', span: { start: 10, end: 17 }, sentence: { start: 0, end: 18 }, speakers: [{ entityId: 'e0', stance: 'stated', cue: { start: 5, end: 9 }, confidence: 0.8, quoted: 'paraphrase', belief: false }], reporters: [], about: [] }],
    relations: [],
  });
  const record = (file: string, id: string, path: string): ShardRecord => ({ file, extraction: extraction(id, path) });

  test('a line reads back as the record it was written from', () => {
    const parsed = parseShardLine(shardLine(record('a/acme.txt', 'acme', 'a/acme.txt')).trimEnd());
    expect(parsed).toEqual({ kind: 'record', record: record('a/acme.txt', 'acme', 'a/acme.txt'), generator: expect.stringMatching(/^claimgraph /) });
  });

  test('a line of another format version, or with a span outside its text, is refused with the reason', () => {
    const line = JSON.parse(shardLine(record('a.txt', 'a', 'a.txt'))) as { version: number; extraction: DocumentExtraction };
    expect(parseShardLine(JSON.stringify({ ...line, version: 99 }))).toMatchObject({ kind: 'problem', reason: expect.stringContaining('version: ') });
    line.extraction.claims[0]!.span.end = 400;
    expect(parseShardLine(JSON.stringify(line))).toEqual({ kind: 'problem', reason: 'not a valid extraction: claim 0 span 10-400 lies outside the document\'s text (18 characters)' });
    expect(parseShardLine('   ')).toEqual({ kind: 'blank' });
  });

  test('records merge in path order; a second id is refused, the same path in two shards is one document', () => {
    const merged = mergeRecords([record('z/acme.txt', 'acme', 'z/acme.txt'), record('b.txt', 'b', 'b.txt'), record('a/acme.txt', 'acme', 'a/acme.txt'), record('b.txt', 'b', 'b.txt')]);
    expect(merged.extractions.map((e) => e.doc.path)).toEqual(['a/acme.txt', 'b.txt']);
    expect(merged.errors).toEqual([{ file: 'z/acme.txt', reason: expect.stringMatching(/^document id "acme" is already taken by a\/acme\.txt/) }]);
  });
});
