/**
 * Tests of `claimgraph build` over the invented fixture articles (a court case, a health agency, a company,
 * a museum; .txt with LF and CRLF, .md, .html): the graph follows the contract, its evidence is sound, and two
 * builds (inputs given in another order) are byte-identical. Through the CLI: HTML needs linkedom, which jest
 * on Node 20 cannot load.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli, type CliResult } from '../helpers/run-cli';
import { graphFromJsonText } from '../../src/graph/load';
import { validateSerializedGraph } from '../../src/graph/schema';
import { evidenceCount, evidenceProblems } from './evidence-check';

const FIXTURES = join(__dirname, 'fixtures', 'articles');
/** Two CLI runs cost seconds each, more on a loaded machine. */
const CHILD_TIMEOUT = 240_000;

describe('claimgraph build over the fixture articles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-fixtures-'));
  const outA = join(dir, 'a', 'graph.json');
  const outB = join(dir, 'b', 'graph.json');
  let first: CliResult;
  let second: CliResult;

  beforeAll(() => {
    first = runCli(['build', FIXTURES, '--out', outA, '--json']);
    const files = readdirSync(FIXTURES).sort().reverse().map((f) => join(FIXTURES, f));
    second = runCli(['build', ...files, '--out', outB]);
  }, CHILD_TIMEOUT);

  it('builds every fixture and exits 0, printing the JSON summary or one summary line', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ documents: 4, errors: [], out: outA });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`^claimgraph: wrote ${outB} and ${outB.replace(/json$/, 'gexf')} from 4 document\\(s\\): \\d+ nodes.*, \\d+ edges`));
  });

  it('writes a graph that follows the contract, with documents as ingested', () => {
    const graph = graphFromJsonText(readFileSync(outA, 'utf8'), outA);
    const docs = graph.getAttribute('documents');
    expect(docs.map((d) => d.id)).toEqual(['harbor-permit-ruling', 'lumetra-recall', 'measles-outbreak-contained', 'orbital-museum-opening']);
    // paths are stored relative to the graph file, so that where the build runs does not change the bytes
    expect(docs.map((d) => d.path)).toEqual(readdirSync(FIXTURES).sort().map((f) => relative(join(dir, 'a'), join(FIXTURES, f))));
    const html = docs.find((d) => d.id === 'lumetra-recall')!;
    expect(html).toMatchObject({ date: '2025-06-12', source: 'Circuit Ledger' });
    expect(html.title).toMatch(/^Lumetra Recalls Battery Packs After Overheating Reports/);
    expect(html.text).toContain('Chief executive Henrik Solvang said the company had found a fault');
    expect(html.text).not.toMatch(/Sign in|©|<p>/);
    expect(html.text).toMatch(/while charging\.\n\nChief executive/);
    const crlf = docs.find((d) => d.id === 'measles-outbreak-contained')!;
    expect(crlf.text).toBe(readFileSync(join(FIXTURES, 'measles-outbreak-contained.txt'), 'utf8'));
    expect(crlf.date).toBe('2023-11-20');
  });

  it('has sound evidence on every node and edge', () => {
    const graph = validateSerializedGraph(JSON.parse(readFileSync(outA, 'utf8')), outA);
    expect(evidenceProblems(graph)).toEqual([]);
    // a graph with no evidence would pass vacuously: the stages must find something in these articles
    expect(evidenceCount(graph)).toBeGreaterThan(20);
  });

  it('gives byte-identical JSON and GEXF files when built twice, whatever the order of the inputs', () => {
    expect(readFileSync(outB, 'utf8')).toBe(readFileSync(outA, 'utf8'));
    expect(readFileSync(outB.replace(/json$/, 'gexf'), 'utf8')).toBe(readFileSync(outA.replace(/json$/, 'gexf'), 'utf8'));
  });

  it('writes a GEXF file that is well-formed XML', () => {
    const check = spawnSync('xmllint', ['--noout', outA.replace(/json$/, 'gexf')], { encoding: 'utf8' });
    if (check.error) return console.warn('xmllint not found; GEXF well-formedness not checked');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
