/**
 * The Disputes view's model, without a browser: which pairs of speakers are on opposite sides of each
 * `contradicts` edge (self-loops by the sign of their stances, negations by its sameness), the order and dates
 * of the list, what a dispute lights up, the speakers one disputes with, what hidden articles leave out, and
 * the selected dispute in the URL. Over the hand-made pier story and the harrow-ferry story as the pipeline builds it.
 */
import { outOfArticles } from '../../viewer/src/model/articles';
import { disputeElements, disputeEvidence, disputeList, disputesOfClaim, opponentsOf, reasonText, shownDisputes, type Dispute, type DisputeSide } from '../../viewer/src/model/disputes';
import { parseViewState, printViewState } from '../../viewer/src/model/url-state';
import { harrowFerryGraph, PIER_DISPUTES, pierGraph } from './dispute-fixtures';

const side = (s: DisputeSide) => `${s.speakerLabel} ${s.stance} ${s.claimText} ${s.date ?? 'no date'}`;
const pairs = (list: readonly Dispute[]) => list.map((d) => [side(d.a), side(d.b)]);

describe('disputes of the pier story', () => {
  const g = pierGraph();
  const disputes = disputeList(g);

  test('every pair on opposite sides, first side said first (undated last), outlets and agreeing speakers left out', () => {
    expect(pairs(disputes)).toEqual(PIER_DISPUTES);
    // Kiva Lorn denied "closed", Lusa Peck stated "not closed": they agree; Harbour Board and Rho Dant agree too
    const together = (x: string, y: string) => disputes.some((d) => [d.a.speakerLabel, d.b.speakerLabel].sort().join() === [x, y].sort().join());
    expect(together('Kiva Lorn', 'Lusa Peck')).toBe(false);
    expect(together('Harbour Board', 'Rho Dant')).toBe(false);
    expect(together("Dockers' Union", 'Tom Bale')).toBe(false);
    expect(disputes.some((d) => d.a.speaker === 'media:ostrel-times' || d.b.speaker === 'media:ostrel-times')).toBe(false);
  });

  test('each dispute names its edge and reason; keys are unique and stable', () => {
    expect(disputes.map((d) => [d.edge, d.reason])).toEqual([
      ['contradicts:claim:safe--claim:safe', 'opposite-stance'],
      ['contradicts:claim:safe--claim:safe', 'opposite-stance'],
      ['contradicts:claim:closed--claim:not-closed', 'negation'],
      ['contradicts:claim:closed--claim:closed', 'opposite-stance'],
      ['contradicts:claim:safe--claim:safe', 'opposite-stance'],
      ['contradicts:claim:safe--claim:safe', 'opposite-stance'],
    ]);
    expect(new Set(disputes.map((d) => d.key)).size).toBe(disputes.length);
    expect(disputeList(pierGraph()).map((d) => d.key)).toEqual(disputes.map((d) => d.key));
    expect(disputes[2]!.key).toBe('stated:person:ines-arvo->claim:closed|stated:person:lusa-peck->claim:not-closed');
    expect(reasonText('negation')).toBe('a claim against its negation');
  });

  test("a side names its article, and its evidence holds the cue and the claim's words in that article", () => {
    const [first] = disputes;
    expect([first!.a.docId, first!.a.docTitle, first!.b.docId, first!.b.docTitle]).toEqual(['pier-opens', 'Ostrel Pier Opens', 'pier-doubts', 'Doubts Over the Pier']);
    const text = (e: { doc: string; start: number; end: number }) => g.getAttribute('documents').find((d: { id: string }) => d.id === e.doc).text.slice(e.start, e.end);
    expect(first!.b.evidence.map(text)).toEqual(['denied', 'the pier is safe']);
    expect(first!.b.evidence.every((e) => e.doc === 'pier-doubts')).toBe(true);
    expect(first!.b.focus.map(text)).toEqual(['the pier is safe']);
  });

  test('a dispute lights up both speakers, their stance edges, the claims and the contradicts edge', () => {
    const negation = disputes[2]!;
    const lit = disputeElements([negation]);
    expect([...lit.nodes].sort()).toEqual(['claim:closed', 'claim:not-closed', 'person:ines-arvo', 'person:lusa-peck']);
    expect([...lit.edges].sort()).toEqual(['contradicts:claim:closed--claim:not-closed', 'stated:person:ines-arvo->claim:closed', 'stated:person:lusa-peck->claim:not-closed']);
    const opened = disputeEvidence([negation]);
    expect(opened.heading).toBe('Ines Arvo stated “the pier is closed”; Lusa Peck stated “the pier is not closed”');
    expect(new Set(opened.evidence.map((e) => e.doc))).toEqual(new Set(['pier-opens', 'pier-doubts']));
    expect(disputeEvidence([disputes[0]!]).heading).toBe("Harbour Board stated, Dockers' Union denied: “the pier is safe”");
    expect(disputeEvidence([]).evidence).toEqual([]);
  });

  test('the speakers one disputes with, by name, each with their disputes', () => {
    const names = (speaker: string) => opponentsOf(disputes, speaker).map((o) => `${o.speakerLabel} (${o.disputes.length})`);
    expect(names('organization:harbour-board')).toEqual(["Dockers' Union (1)", 'Tom Bale (1)']);
    expect(names('person:ines-arvo')).toEqual(['Kiva Lorn (1)', 'Lusa Peck (1)']);
    expect(names('person:rho-dant')).toEqual(["Dockers' Union (1)", 'Tom Bale (1)']);
    expect(names('media:ostrel-times')).toEqual([]);
    expect(disputesOfClaim(disputes, 'claim:not-closed').map((d) => d.b.speakerLabel)).toEqual(['Lusa Peck']);
  });

  test('hiding an article leaves out the disputes with a side only there', () => {
    const hidden = outOfArticles(g, new Set(['pier-letter']));
    expect(pairs(shownDisputes(disputes, hidden.edges))).toEqual(PIER_DISPUTES.filter(([, b]) => !b!.endsWith('no date')));
    expect(shownDisputes(disputes, new Set())).toHaveLength(6);
  });

  test('a speaker who is on both sides of a negation is one dispute with itself, and no opponent of its own', () => {
    const h = pierGraph();
    const doc = h.getAttribute('documents')[1];
    h.addDirectedEdgeWithKey('stated:person:lusa-peck->claim:closed', 'person:lusa-peck', 'claim:closed', { kind: 'stated', evidence: [{ doc: doc.id, start: 0, end: 5 }] });
    const list = disputeList(h);
    expect(list.filter((d) => d.a.speaker === d.b.speaker).map((d) => [d.a.claim, d.b.claim].sort())).toEqual([['claim:closed', 'claim:not-closed']]);
    expect(opponentsOf(list, 'person:lusa-peck').map((o) => o.speakerLabel)).not.toContain('Lusa Peck');
  });

  test('a speaker who states and denies one claim disputes no one by it', () => {
    const h = pierGraph();
    h.addDirectedEdgeWithKey('denied:organization:harbour-board->claim:safe', 'organization:harbour-board', 'claim:safe', { kind: 'denied', evidence: [{ doc: 'pier-letter', start: 0, end: 5 }] });
    const list = disputeList(h);
    expect(list.some((d) => d.a.speaker === d.b.speaker)).toBe(false);
    // its denial stands against the two who hold the pier safe: Harbour Board's own statement is not one of them
    expect(list.filter((d) => d.a.edge.startsWith('denied:organization:harbour-board') || d.b.edge.startsWith('denied:organization:harbour-board')).map((d) => [d.a.speakerLabel, d.b.speakerLabel].sort().join(' / '))).toEqual(['Harbour Board / Rho Dant']);
  });

  test('a graph without contradicts edges has no disputes', () => {
    const h = pierGraph();
    h.dropEdge('contradicts:claim:safe--claim:safe');
    h.dropEdge('contradicts:claim:closed--claim:closed');
    h.dropEdge('contradicts:claim:closed--claim:not-closed');
    expect(disputeList(h)).toEqual([]);
  });
});

describe('disputes of the harrow-ferry story, as built', () => {
  let disputes: Dispute[];
  beforeAll(() => { disputes = disputeList(harrowFerryGraph()); });

  test('the secret deal (stated, denied, and negated) and the engines (stated twice, questioned)', () => {
    const short = (s: DisputeSide) => `${s.speakerLabel} ${s.stance} ${s.date}`;
    expect(disputes.map((d) => `${short(d.a)} / ${short(d.b)} (${d.reason})`)).toEqual([
      // one article: in reading order
      'Councillor Imra Dovell stated 2041-05-02 / Brightwake Shipping denied 2041-05-02 (opposite-stance)',
      'Councillor Imra Dovell stated 2041-05-02 / council spokesman stated 2041-05-05 (negation)',
      'Engineer Suna Velt stated 2041-05-05 / Tessaly Quorne questioned 2041-05-09 (opposite-stance)',
      'Calder Mirrow stated 2041-05-09 / Tessaly Quorne questioned 2041-05-09 (opposite-stance)',
    ]);
    expect(opponentsOf(disputes, 'person:councillor-imra-dovell').map((o) => o.speakerLabel)).toEqual(['Brightwake Shipping', 'council spokesman']);
    expect(opponentsOf(disputes, 'person:tessaly-quorne').map((o) => o.speakerLabel)).toEqual(['Calder Mirrow', 'Engineer Suna Velt']);
  });
});

describe('the selected dispute in the URL', () => {
  test('reads back, with the Disputes view; an unknown view is the graph', () => {
    const key = 'stated:person:ines-arvo->claim:closed|stated:person:lusa-peck->claim:not-closed';
    const query = printViewState({ ...parseViewState(''), view: 'disputes', dispute: key });
    expect(query).toBe(`?view=disputes&dispute=${encodeURIComponent(key).replace(/%20/g, '+')}`);
    expect(parseViewState(query)).toMatchObject({ view: 'disputes', dispute: key, node: null });
    expect(parseViewState('?view=timeline&dispute=').view).toBe('graph');
    expect(parseViewState('?dispute=').dispute).toBeNull();
  });
});
