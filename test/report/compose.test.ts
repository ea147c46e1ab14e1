/**
 * The story brief's document model (src/report/compose.ts) on the invented harrow-ferry story, whose speakers,
 * disputes and dates are known, and on small hand-made graphs for an undated article and a statement repeated
 * in two articles.
 */
import { graphFromJson } from '../../src/graph/load';
import { NameNotFoundError, queryGraph, type GraphQueries } from '../../src/query';
import { composeBrief, type Brief, type Citation, type StanceLine } from '../../src/report';
import { storyGraph } from '../fixtures/viewer-graphs';
import { fixtureStory } from '../query/stories';

let q: GraphQueries;
let brief: Brief;
beforeAll(() => {
  q = queryGraph(fixtureStory('harrow-ferry'));
  brief = composeBrief(q, { articleHref: (a) => `../stories/${a.path}` });
});

const texts = (q: GraphQueries) => new Map(q.graph.getAttribute('documents').map((d) => [d.id, d.text]));
const said = (l: StanceLine) => `${l.speaker.label} ${l.stance}: ${l.claim}`;

describe('the brief of the harrow-ferry story', () => {
  it('counts the articles, speakers, claims and disputes, and spans the articles\' dates', () => {
    expect(brief.title).toBe('Story brief');
    expect(brief.counts).toEqual({ articles: 3, speakers: 8, claims: 8, disputes: 4 });
    expect(brief.span).toEqual({ from: '2041-05-02', until: '2041-05-09' });
  });

  it('lists each speaker with what it stated, denied, questioned, most lines first', () => {
    expect(brief.speakers.map((s) => `${s.speaker.label} ${s.total}`)).toEqual([
      'Tessaly Quorne 3', 'Calder Mirrow 2', 'Councillor Imra Dovell 2', 'Brightwake Shipping 1', 'council spokesman 1', 'Engineer Suna Velt 1', 'Olek Prast 1', 'Perrin Vale 1',
    ]);
    const quorne = brief.speakers[0]!;
    expect(quorne.groups.map((g) => [g.stance, g.lines.map((l) => l.claim)])).toEqual([
      ['stated', ['the ferry timetable will change in July', 'the ferry timetable will change in August']],
      ['questioned', ['the Harrow ferry engines failed twice in April']],
    ]);
    expect(brief.speakers[3]!.groups.map((g) => g.stance)).toEqual(['denied']);
  });

  it('cites every line\'s article and sentence, the spans of one sentence joined into one citation', () => {
    const docs = texts(q);
    const all = [...brief.speakers.flatMap((s) => s.groups.flatMap((g) => g.lines)), ...brief.timeline.flatMap((d) => d.lines), ...brief.disputes.flatMap((d) => d.sides)];
    expect(all.length).toBeGreaterThan(0);
    for (const line of all) {
      expect(line.citations.length).toBeGreaterThan(0);
      for (const c of line.citations) {
        const text = docs.get(c.doc)!;
        expect(c.start).toBeLessThan(c.end);
        expect(c.sentence).toContain(text.slice(c.start, c.end).replace(/\s+/g, ' '));
        expect(c.href).toBe(`../stories/harrow-ferry/${c.doc}.txt`);
      }
    }
    const mirrow = brief.speakers[1]!.groups[0]!.lines.find((l) => l.claim.includes('twice'))!;
    // the cue "said" and Mirrow's own wording stand in one sentence: one citation from the cue to the wording's end
    expect(mirrow.citations).toEqual([expect.objectContaining({ doc: 'f3-ferry-engines', title: 'Harrow Ferry Engines Inspected', date: '2041-05-09', sentence: 'Inspector Calder Mirrow said the ferry engines of Harrow failed twice during April.' })]);
    const c = mirrow.citations[0] as Citation;
    expect(docs.get(c.doc)!.slice(c.start, c.end)).toBe('said the ferry engines of Harrow failed twice during April');
  });

  it('gives the disputes, each side with its speaker, stance and claim', () => {
    expect(brief.disputes.map((d) => [d.reason, d.date, ...d.sides.map(said)])).toEqual([
      ['negation', '2041-05-02', 'Councillor Imra Dovell stated: there is a secret deal between the council and Brightwake Shipping', 'council spokesman stated: there is no secret deal between the council and Brightwake Shipping'],
      ['opposite-stance', '2041-05-02', 'Councillor Imra Dovell stated: there is a secret deal between the council and Brightwake Shipping', 'Brightwake Shipping denied: there is a secret deal between the council and Brightwake Shipping'],
      ['opposite-stance', '2041-05-05', 'Engineer Suna Velt stated: the Harrow ferry engines failed twice in April', 'Tessaly Quorne questioned: the Harrow ferry engines failed twice in April'],
      ['opposite-stance', '2041-05-09', 'Calder Mirrow stated: the Harrow ferry engines failed twice in April', 'Tessaly Quorne questioned: the Harrow ferry engines failed twice in April'],
    ]);
  });

  it('orders the timeline by day, and each day in reading order', () => {
    expect(brief.timeline.map((d) => [d.date, d.lines.map((l) => l.speaker.label)])).toEqual([
      ['2041-05-02', ['Councillor Imra Dovell', 'Brightwake Shipping', 'Tessaly Quorne', 'Olek Prast']],
      ['2041-05-05', ['council spokesman', 'Councillor Imra Dovell', 'Perrin Vale', 'Engineer Suna Velt']],
      ['2041-05-09', ['Calder Mirrow', 'Calder Mirrow', 'Tessaly Quorne', 'Tessaly Quorne']],
    ]);
    for (const day of brief.timeline) for (const line of day.lines) expect(line.citations.every((c) => c.date === day.date)).toBe(true);
  });

  it('lists the articles by date with their links', () => {
    expect(brief.articles.map((a) => [a.date, a.id, a.title, a.href])).toEqual([
      ['2041-05-02', 'f1-ferry-contract', 'Harrow Ferry Contract Under Fire', '../stories/harrow-ferry/f1-ferry-contract.txt'],
      ['2041-05-05', 'f2-ferry-vote', 'Council Vote on Harrow Ferry', '../stories/harrow-ferry/f2-ferry-vote.txt'],
      ['2041-05-09', 'f3-ferry-engines', 'Harrow Ferry Engines Inspected', '../stories/harrow-ferry/f3-ferry-engines.txt'],
    ]);
  });
});

describe('a brief about one entity', () => {
  it('keeps the claims about it, their speakers, disputes and articles', () => {
    const about = composeBrief(q, { about: 'brightwake shipping' });
    expect(about.title).toBe('Story brief: Brightwake Shipping');
    expect(about.about?.key).toBe('organization:brightwake-shipping');
    expect(about.counts).toEqual({ articles: 2, speakers: 3, claims: 2, disputes: 2 });
    expect(about.speakers.map((s) => s.speaker.label)).toEqual(['Brightwake Shipping', 'council spokesman', 'Councillor Imra Dovell']);
    expect(about.articles.map((a) => a.id)).toEqual(['f1-ferry-contract', 'f2-ferry-vote']);
    expect(about.articles.every((a) => a.href === undefined)).toBe(true);
  });

  it('throws the query API\'s NameNotFoundError, with suggestions, for a name the graph does not hold', () => {
    expect(() => composeBrief(q, { about: 'Brightwake Shiping' })).toThrow(NameNotFoundError);
    expect(() => composeBrief(q, { about: 'Brightwake Shiping' })).toThrow(/did you mean: Brightwake Shipping/);
  });

  it('is an empty brief, not an error, for an entity with no claims about it', () => {
    const none = composeBrief(q, { about: 'Calder Mirrow' });
    expect(none.counts).toEqual({ articles: 0, speakers: 0, claims: 0, disputes: 0 });
    expect([none.span, none.speakers, none.disputes, none.timeline]).toEqual([null, [], [], []]);
  });
});

describe('dates', () => {
  const story = composeBrief(queryGraph(graphFromJson(storyGraph().export(), 'story')));

  it('puts an undated article\'s lines last, under no date', () => {
    expect(story.timeline.map((d) => d.date)).toEqual(['2024-02-02', '2024-03-12', null]);
    expect(story.timeline.at(-1)!.lines.map(said)).toEqual(['Harbor pilots stated: the delay is costly']);
    expect(story.articles.at(-1)).toMatchObject({ id: 'ferry-letter', date: null });
  });

  it('dates a statement repeated in two articles twice in the timeline, once in its speaker\'s section', () => {
    const fares = (l: StanceLine) => l.speaker.label === 'Ferry Line' && l.claim === 'fares will rise';
    expect(story.timeline.flatMap((d) => d.lines.filter(fares).map((l) => [d.date, l.citations.map((c) => c.doc)]))).toEqual([
      ['2024-02-02', ['ferry-launch']],
      ['2024-03-12', ['ferry-followup']],
    ]);
    const ferryLine = story.speakers.find((s) => s.speaker.label === 'Ferry Line')!;
    expect(ferryLine.groups[0]!.lines.filter(fares).map((l) => l.citations.map((c) => c.doc))).toEqual([['ferry-launch', 'ferry-followup']]);
  });
});
