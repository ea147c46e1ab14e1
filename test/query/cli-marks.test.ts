/**
 * `claimgraph query claims` filters on what a speaker's edge says about itself: --min-confidence, --quoted,
 * --unnamed and --no-beliefs, on a graph the CLI builds from an invented article.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';

const ARTICLE = [
  'Ferry Line Returns',
  '',
  '“The boats will sail again in May,” said Captain Mira Olsen.',
  'Officials said the repairs had cost less than planned.',
  'Olsen hopes the line will carry more passengers than before.',
].join('\n');

describe('query claims filters on the claim edge marks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-marks-'));
  writeFileSync(join(dir, 'ferry.txt'), ARTICLE);
  const graph = join(dir, 'graph.json');
  const built = runCli(['build', join(dir, 'ferry.txt'), '--out', graph]);
  const claims = (...args: string[]) => {
    const r = runCli(['query', '--graph', graph, 'claims', '--json', ...args]);
    if (r.code !== 0) throw new Error(r.stderr);
    return (JSON.parse(r.stdout) as { claim: { text: string } }[]).map((row) => row.claim.text);
  };

  it('builds the graph', () => expect(built.code).toBe(0));

  it('keeps only the filtered rows', () => {
    const all = claims();
    expect(all.length).toBe(3);
    expect(claims('--quoted', 'direct')).toEqual([expect.stringContaining('sail again in May')]);
    expect(claims('--unnamed')).toEqual([expect.stringContaining('repairs had cost')]);
    expect(claims('--no-beliefs')).toEqual(all.filter((t) => !t.includes('carry more passengers')));
    expect(claims('--min-confidence', '0')).toEqual(all);
  });

  it('refuses a confidence outside 0..1 and an unknown quoting with a clear message', () => {
    const high = runCli(['query', '--graph', graph, 'claims', '--min-confidence', '2']);
    expect(high.code).not.toBe(0);
    expect(high.stderr).toMatch(/expected a number from 0 to 1/);
    const how = runCli(['query', '--graph', graph, 'claims', '--quoted', 'verbatim']);
    expect(how.code).not.toBe(0);
    expect(how.stderr).toMatch(/direct, partial, paraphrase/);
  });
});
