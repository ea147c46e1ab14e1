/**
 * How well claims across articles are joined (issue 8): invented pairs of one-sentence articles, labelled same or
 * different proposition (test/fixtures/claim-pairs/pairs.json), each built as a two-article graph. A wrong merge
 * (two propositions on one node) is worse than a missed one, so none is allowed; missed ones are counted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';

interface Pair {
  same: boolean;
  a: string;
  b: string;
}

const { pairs } = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'claim-pairs', 'pairs.json'), 'utf8')) as { pairs: Pair[] };

/** Whether the pair's two claims share one node, or undefined when an article yields no claim. */
function joined(pair: Pair): boolean | undefined {
  const graph = graphFromExtractions([extractDocument(documentFromText('p1', pair.a)), extractDocument(documentFromText('p2', pair.b))]);
  const docsOf = graph.filterNodes((_k, a) => a.kind === 'claim').map((k) => new Set(graph.getNodeAttribute(k, 'evidence').map((e) => e.doc)));
  if (!docsOf.some((d) => d.has('p1')) || !docsOf.some((d) => d.has('p2'))) return undefined;
  return docsOf.some((d) => d.has('p1') && d.has('p2'));
}

describe('claims joined across articles, on labelled invented pairs', () => {
  const results = pairs.map((pair) => ({ pair, joined: joined(pair) }));

  it('extracts a claim from every article of every pair', () => {
    expect(results.filter((r) => r.joined === undefined).map((r) => r.pair.a)).toEqual([]);
  });

  it('never joins two different propositions (wrong merges: 0)', () => {
    expect(results.filter((r) => !r.pair.same && r.joined).map((r) => `${r.pair.a} | ${r.pair.b}`)).toEqual([]);
  });

  it('joins every pair of one proposition (missed merges: 0 of 12)', () => {
    const same = results.filter((r) => r.pair.same);
    expect(same).toHaveLength(12);
    expect(same.filter((r) => !r.joined).map((r) => `${r.pair.a} | ${r.pair.b}`)).toEqual([]);
  });
});
