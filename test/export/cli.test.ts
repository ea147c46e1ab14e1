/**
 * `claimgraph export` as a user runs it: stdout or --out, csv folders and prefixes, exit codes 1 and 2 with one
 * clear line, and files written whole or not at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { runCli } from '../helpers/run-cli';
import { miniGraph } from '../fixtures/mini-graph';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-export-cli-'));
const graphFile = join(dir, 'graph.json');
writeFileSync(graphFile, JSON.stringify(miniGraph().export()));
const order = miniGraph().order;

test('without --out, a single-file format goes to stdout (GEXF 1.3 by default, 1.2 on request)', () => {
  const result = runCli(['export', graphFile, '--format', 'gexf']);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout).toContain('<gexf version="1.3"');
  expect(parseGexf(Graph, result.stdout).order).toBe(order);
  const old = runCli(['export', graphFile, '--format', 'gexf', '--gexf-version', '1.2']);
  expect(old.code).toBe(0);
  expect(old.stdout).toContain('<gexf version="1.2"');
});

test.each(['graphml', 'cypher', 'jsonld'])('--format %s --out FILE writes the file and prints nothing on stdout', (format) => {
  const out = join(dir, 'single', `graph.${format}`);
  const result = runCli(['export', graphFile, '--format', format, '--out', out]);
  expect(result).toMatchObject({ code: 0, stdout: '' });
  expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
  expect(readdirSync(join(dir, 'single')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('csv --out FOLDER/ writes nodes.csv and edges.csv inside it; --out PREFIX writes PREFIX.nodes.csv and PREFIX.edges.csv', () => {
  const folder = join(dir, 'csv-folder');
  expect(runCli(['export', graphFile, '--format', 'csv', '--out', `${folder}/`]).code).toBe(0);
  expect(readdirSync(folder).sort()).toEqual(['edges.csv', 'nodes.csv']);
  expect(readFileSync(join(folder, 'nodes.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(order + 1);

  mkdirSync(join(dir, 'csv-prefix'));
  expect(runCli(['export', graphFile, '--format', 'csv', '--out', join(dir, 'csv-prefix', 'story')]).code).toBe(0);
  expect(readdirSync(join(dir, 'csv-prefix')).sort()).toEqual(['story.edges.csv', 'story.nodes.csv']);
});

test('--out FOLDER/ for a single-file format writes the file inside it under the format\'s name', () => {
  const folder = join(dir, 'into-folder');
  expect(runCli(['export', graphFile, '--format', 'jsonld', '--out', `${folder}/`]).code).toBe(0);
  expect(readdirSync(folder)).toEqual(['claims.jsonld']);
});

test('csv without --out is a usage error (exit 2) that says what to give', () => {
  const result = runCli(['export', graphFile, '--format', 'csv']);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/--out/);
});

test('a bad --format is a usage error (exit 2) listing the formats', () => {
  const result = runCli(['export', graphFile, '--format', 'xlsx']);
  expect(result.code).toBe(2);
  for (const format of ['gexf', 'graphml', 'csv', 'cypher', 'jsonld']) expect(result.stderr).toContain(format);
  expect(runCli(['export', graphFile]).code).toBe(2);
});

test.each([
  ['a missing file', join(dir, 'missing.json'), /missing\.json: no such graph file/],
  ['a folder', dir, /is a folder/],
  ['invalid JSON', join(dir, 'broken.json'), /broken\.json: not valid JSON/],
  ['a graph outside the contract', join(dir, 'nocontract.json'), /nocontract\.json: not a claimgraph graph/],
])('%s: one line naming the file and the reason, exit 1', (_what, path, reason) => {
  writeFileSync(join(dir, 'broken.json'), '{"attributes": ');
  writeFileSync(join(dir, 'nocontract.json'), JSON.stringify({ attributes: {}, nodes: [{ key: 'a' }], edges: [] }));
  const result = runCli(['export', path, '--format', 'gexf']);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(reason);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
});

test('when the graph is invalid, an existing output file is left as it was', () => {
  const out = join(dir, 'kept.gexf');
  writeFileSync(out, 'previous content');
  writeFileSync(join(dir, 'invalid.json'), '[]');
  expect(runCli(['export', join(dir, 'invalid.json'), '--format', 'gexf', '--out', out]).code).toBe(1);
  expect(readFileSync(out, 'utf8')).toBe('previous content');
});

test('an output that cannot be written fails with exit 1 and leaves no temp file', () => {
  const blocker = join(dir, 'blocker');
  writeFileSync(blocker, 'a file where a folder is needed');
  const result = runCli(['export', graphFile, '--format', 'gexf', '--out', join(blocker, 'graph.gexf')]);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/cannot write/);
  expect(existsSync(join(blocker, 'graph.gexf'))).toBe(false);
});
