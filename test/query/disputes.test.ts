/**
 * `disputes` in the query API: on the invented story test/fixtures/stories/harrow-ferry, whose disputes are known
 * (a secret deal stated, denied and negated; the engines' failures stated twice and questioned), and on the
 * mini fixture with disputes added by hand to pin the pairing rules.
 */
import { graphFromJson } from '../../src/graph/load';
import { EDGE_COLORS } from '../../src/graph/schema';
import { loadGraph, NameNotFoundError, queryGraph, type DisputeRow, type GraphQueries } from '../../src/query';
import { miniGraph } from '../fixtures/mini-graph';
import { writeGraphFile } from './helpers';
import { fixtureStory } from './stories';

let q: GraphQueries;
beforeAll(() => {
  q = queryGraph(fixtureStory('harrow-ferry'));
});

/** A row as a reader would say it: reason, then each side's speaker, stance and date. */
const said = (r: DisputeRow) => [r.reason, ...r.sides.map((s) => `${s.speaker.label} ${s.stance} ${s.date}`)].join(' | ');

describe('disputes on the harrow-ferry story', () => {
  it('lists every pair of speakers on opposite sides, by date then dispute', () => {
    expect(q.disputes().map(said)).toEqual([
      'negation | Councillor Imra Dovell stated 2041-05-02 | council spokesman stated 2041-05-05',
      'opposite-stance | Councillor Imra Dovell stated 2041-05-02 | Brightwake Shipping denied 2041-05-02',
      'opposite-stance | Engineer Suna Velt stated 2041-05-05 | Tessaly Quorne questioned 2041-05-09',
      'opposite-stance | Calder Mirrow stated 2041-05-09 | Tessaly Quorne questioned 2041-05-09',
    ]);
  });

  it('gives both claims, the articles and the evidence sentences of each side', () => {
    const [negation] = q.disputes();
    const [dovell, spokesman] = negation!.sides;
    expect(dovell.claim.text).toBe('there is a secret deal between the council and Brightwake Shipping');
    expect(spokesman.claim.text).toBe('there is no secret deal between the council and Brightwake Shipping');
    expect([dovell.doc, dovell.title, spokesman.doc, spokesman.title]).toEqual(['f1-ferry-contract', 'Harrow Ferry Contract Under Fire', 'f2-ferry-vote', 'Council Vote on Harrow Ferry']);
    expect(dovell.evidence.map((e) => e.sentence)).toEqual(['Councillor Imra Dovell said there is a secret deal between the council and Brightwake Shipping.']);
    expect(spokesman.evidence.map((e) => e.sentence)).toEqual(['A council spokesman said there is no secret deal between the council and Brightwake Shipping.']);
    expect(negation!.date).toBe('2041-05-02');
    expect(negation!.speakers).toEqual([dovell.speaker, spokesman.speaker]);
  });

  it('names both speakers by label and key, and points at the contradicts edge', () => {
    const rows = q.disputes();
    for (const row of rows) {
      expect(q.graph.getEdgeAttribute(row.edge, 'kind')).toBe('contradicts');
      for (const side of row.sides) expect(q.graph.source(side.edge)).toBe(side.speaker.key);
    }
    expect(rows[2]!.speakers.map((s) => [s.key, s.label])).toEqual([['person:engineer-suna-velt', 'Engineer Suna Velt'], ['person:tessaly-quorne', 'Tessaly Quorne']]);
  });

  it('leaves out speakers who agree across a negation: denying "a deal" is saying "no deal"', () => {
    const pairs = q.disputes().map((r) => r.speakers.map((s) => s.label).sort().join(' / '));
    expect(pairs).not.toContain('Brightwake Shipping / council spokesman');
  });

  it('keeps the disputes about an entity with --about, resolving names as the other queries do', () => {
    expect(q.disputes({ about: 'Brightwake Shipping' }).map((r) => r.reason)).toEqual(['negation', 'opposite-stance']);
    expect(q.disputes({ about: 'harrow' }).map((r) => r.sides[0].speaker.label)).toEqual(['Engineer Suna Velt', 'Calder Mirrow']);
    expect(q.disputes({ about: 'Perrin Vale' })).toEqual([]);
  });

  it('throws NameNotFoundError with suggestions for an unknown --about', () => {
    expect(() => q.disputes({ about: 'Brightwak Shiping' })).toThrow(NameNotFoundError);
    try {
      q.disputes({ about: 'Brightwak Shiping' });
    } catch (err) {
      expect((err as NameNotFoundError).suggestions.map((s) => s.label)).toContain('Brightwake Shipping');
    }
  });

  it('gives the same rows, in the same order, every time', () => {
    expect(JSON.stringify(queryGraph(fixtureStory('harrow-ferry')).disputes())).toBe(JSON.stringify(q.disputes()));
  });
});

describe('pairing rules, on disputes added by hand', () => {
  const contradicts = (g: ReturnType<typeof miniGraph>, a: string, b: string, reason: string) =>
    g.addUndirectedEdgeWithKey(`contradicts:${a}--${b}`, a, b, { kind: 'contradicts', reason, evidence: [...g.getNodeAttribute(a, 'evidence'), ...g.getNodeAttribute(b, 'evidence')], size: 1, color: EDGE_COLORS.contradicts });
  const stance = (g: ReturnType<typeof miniGraph>, kind: string, source: string, target: string) =>
    g.addDirectedEdgeWithKey(`${kind}:${source}->${target}`, source, target, { kind, evidence: g.getNodeAttribute(target, 'evidence'), size: 1, color: EDGE_COLORS.stated });

  it('sets one claim\'s holders against its deniers, never an outlet that only reported it', async () => {
    const g = miniGraph();
    stance(g, 'stated', 'agency:nha', 'claim:c3'); // officials questioned it, Regional media reported it
    contradicts(g, 'claim:c3', 'claim:c3', 'opposite-stance');
    const rows = (await loadGraph(writeGraphFile(g))).disputes();
    // one day: the sides in reading order ("questioned whether" stands before the claim's words NHA's edge cites)
    expect(rows.map((r) => r.sides.map((s) => `${s.speaker.label} ${s.stance}`))).toEqual([['officials questioned', 'NHA stated']]);
  });

  it('across P and not-P, sets speakers of the same stance against each other, and only them', async () => {
    const g = miniGraph();
    stance(g, 'stated', 'agency:ravenline', 'claim:c1'); // NHA stated c1 too
    stance(g, 'stated', 'person:officials', 'claim:c2'); // Ravenline denied c2
    contradicts(g, 'claim:c1', 'claim:c2', 'negation');
    const rows = (await loadGraph(writeGraphFile(g))).disputes();
    expect(rows.map((r) => r.sides.map((s) => `${s.speaker.label} ${s.stance}`).sort())).toEqual([
      ['NHA stated', 'officials stated'],
      ['Ravenline stated', 'officials stated'],
    ]);
  });

  it('returns an empty list for a graph without disputes', () => {
    expect(queryGraph(graphFromJson(miniGraph().export(), 'mini')).disputes()).toEqual([]);
  });
});
