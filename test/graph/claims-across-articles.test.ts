/**
 * Claims across articles (issue 8, part 2), on the invented story test/fixtures/stories/harrow-ferry with known
 * answers: paraphrases share one node with each speaker's wording on its edge, near misses stay apart, pronoun
 * claims stay in their article, and disputes (negation, opposite stances) are `contradicts` edges that the
 * schema accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';
import { candidatePairs, signature, similarity } from '../../src/graph/claim-match';
import { validateSerializedGraph, type ClaimAttributes } from '../../src/graph/schema';
import type { ClaimGraph } from '../../src/graph/load';

const DIR = join(__dirname, '..', 'fixtures', 'stories', 'harrow-ferry');
let graph: ClaimGraph;
beforeAll(() => {
  const extractions = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => extractDocument(documentFromText(f.replace(/\.txt$/, ''), readFileSync(join(DIR, f), 'utf8'))));
  graph = graphFromExtractions(extractions);
});

const claimsWith = (text: string) => graph.filterNodes((_k, a) => a.kind === 'claim' && (a as ClaimAttributes).text.includes(text)).sort();
const speakersOf = (claim: string) => graph.inEdges(claim).filter((e) => graph.getEdgeAttribute(e, 'kind') !== 'contradicts')
  .map((e) => `${graph.getEdgeAttribute(e, 'kind')}:${graph.source(e)}`).sort();
const disputes = () => graph.filterEdges((_e, a) => a.kind === 'contradicts')
  .map((e) => ({ source: graph.source(e), target: graph.target(e), reason: graph.getEdgeAttribute(e, 'reason') })).sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : 1));

describe('same proposition, one claim', () => {
  it('joins paraphrases across speakers and articles, keeping each wording on its edge', () => {
    const [engines, ...rest] = claimsWith('failed twice');
    expect(rest).toEqual([]);
    expect(speakersOf(engines!)).toEqual(['questioned:person:tessaly-quorne', 'stated:person:calder-mirrow', 'stated:person:engineer-suna-velt']);
    const edge = graph.edges('person:calder-mirrow', engines!)[0]!;
    const texts = graph.getEdgeAttribute(edge, 'evidence').map((e) => graph.getAttribute('documents').find((d) => d.id === e.doc)!.text.slice(e.start, e.end));
    expect(texts).toContain('the ferry engines of Harrow failed twice during April');
    const timetables = claimsWith('timetable').map((k) => [graph.getNodeAttribute(k, 'label'), speakersOf(k)]).sort();
    expect(timetables).toEqual([
      ['the ferry timetable will change in August', ['stated:person:tessaly-quorne']],
      ['the ferry timetable will change in July', ['stated:person:councillor-imra-dovell', 'stated:person:tessaly-quorne']],
    ]);
  });

  it('keeps near misses apart: another count, another month', () => {
    expect(claimsWith('three times in March')).toHaveLength(1);
    expect(claimsWith('three times in March')[0]).not.toBe(claimsWith('failed twice')[0]);
  });

  it('measures precision on the fixture: every merge right, none missed', () => {
    // known answer: 3 wordings of the engines claim and 2 of the timetable one are one node each
    const claims = graph.filterNodes((_k, a) => a.kind === 'claim');
    expect(claims).toHaveLength(8);
  });

  it('never merges when negation differs', () => {
    expect(claimsWith('secret deal')).toHaveLength(2);
  });

  it('compares only claims that share a rare word', () => {
    const s = (t: string) => signature(t, (i) => i, []);
    expect(similarity(s('the engines failed twice').tokens, s('the engines had failed twice').tokens)).toBe(1);
    expect(candidatePairs([s('the dock closed'), s('a ferry sank'), s('the dock was closed')])).toEqual([{ a: 0, b: 2, score: 1 }]);
  });

  it('never joins a claim to a claim nested in it, in the same article', () => {
    // "the survey finds ..." reported by someone, and the survey's own claim inside it: two attributions
    const outer = 'the survey finds the dock closed early';
    const inner = 'the dock closed early';
    const at = (text: string, doc: string, start: number) => ({ ...signature(text, (i) => start + i, []), span: { doc, start, end: start + text.length } });
    expect(similarity(at(outer, 'd', 10).tokens, at(inner, 'd', 28).tokens)).toBeGreaterThanOrEqual(0.5);
    expect(candidatePairs([at(outer, 'd', 10), at(inner, 'd', 28)], 0.5)).toEqual([]);
    expect(candidatePairs([at(outer, 'd', 10), at(inner, 'e', 28)], 0.5)).toHaveLength(1);
  });
});

describe('pronoun claims', () => {
  it('reads "X said he would resign" as about X: two speakers, two claims, never one', () => {
    const nodes = claimsWith('he would resign');
    expect(nodes).toHaveLength(2);
    expect(nodes.every((k) => !k.includes('@'))).toBe(true);
    const byAbout = nodes.map((k) => [graph.outNeighbors(k), speakersOf(k)]).sort();
    expect(byAbout).toEqual([[['person:olek-prast'], ['stated:person:olek-prast']], [['person:perrin-vale'], ['stated:person:perrin-vale']]]);
  });

  it('joins one speaker\'s "he would resign" across articles, its pronoun bound to the speaker', () => {
    const texts = [['h1', 'Warden Olek Prast said he would resign.'], ['h2', 'On Friday, Warden Olek Prast said he would resign.']];
    const story = graphFromExtractions(texts.map(([id, text]) => extractDocument(documentFromText(id!, text!))));
    const claims = story.filterNodes((_k, a) => a.kind === 'claim');
    expect(claims).toHaveLength(1);
    expect(claims[0]).not.toContain('@');
    expect(story.outNeighbors(claims[0]!)).toEqual(story.inNeighbors(claims[0]!));
    expect(story.inNeighbors(claims[0]!)[0]).toMatch(/^person:.*olek-prast$/);
  });
});

describe('disputes', () => {
  it('finds the negation and the opposite stances', () => {
    const [noDeal, deal] = [claimsWith('no secret deal')[0]!, claimsWith('there is a secret deal')[0]!];
    const engines = claimsWith('failed twice')[0]!;
    expect(disputes()).toEqual(expect.arrayContaining([
      { source: [noDeal, deal].sort()[0], target: [noDeal, deal].sort()[1], reason: 'negation' },
      { source: deal, target: deal, reason: 'opposite-stance' },
      { source: engines, target: engines, reason: 'opposite-stance' },
    ]));
    expect(disputes()).toHaveLength(3);
  });

  it('writes disputes the schema accepts, and refuses one without a reason or between entities', () => {
    const data = graph.export();
    expect(() => validateSerializedGraph(data, 'harrow')).not.toThrow();
    const edge = data.edges.find((e) => e.attributes?.kind === 'contradicts')!;
    const broken = { ...data, edges: [...data.edges.filter((e) => e !== edge), { ...edge, attributes: { ...edge.attributes, reason: undefined } }] };
    expect(() => validateSerializedGraph(broken, 'harrow')).toThrow(/without a reason/);
    const person = data.nodes.find((n) => n.attributes?.kind === 'person')!.key;
    const misplaced = { ...data, edges: [...data.edges, { ...edge, key: 'contradicts:x', source: person }] };
    expect(() => validateSerializedGraph(misplaced, 'harrow')).toThrow(/not a claim/);
  });
});

describe('rejections', () => {
  it('makes a denial that points back ("rejected that account") a rejection of the claim it names, across articles', () => {
    const texts = [
      ['p1-shifts', 'Union leader Hana Ostrom said the port had cut night shifts without notice.'],
      ['p2-shifts', 'Union leader Hana Ostrom said the port had cut night shifts without notice. The port authority rejected that account on Tuesday.'],
    ];
    const story = graphFromExtractions(texts.map(([id, text]) => extractDocument(documentFromText(id!, text!))));
    const [claim, ...others] = story.filterNodes((_k, a) => a.kind === 'claim');
    expect(others).toEqual([]);
    const edges = story.filterEdges((_e, a) => a.kind === 'contradicts').map((e) => [story.source(e), story.target(e), story.getEdgeAttribute(e, 'reason')]);
    expect(edges).toEqual([[claim, claim, 'rejection']]);
    const denial = story.filterEdges(claim!, (_e, a) => a.kind === 'denied')[0]!;
    const doc = story.getAttribute('documents').find((d) => d.id === 'p2-shifts')!;
    expect(story.getEdgeAttribute(denial, 'evidence').map((e) => doc.text.slice(e.start, e.end))).toEqual(['rejected that account']);
  });
});
