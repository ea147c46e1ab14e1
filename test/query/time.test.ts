/**
 * Claims in time, through the API: each row's article (id, title, date; null where the article has no date),
 * date order (stable, undated last) and the since/until range, on an invented four-article story.
 */
import { graphFromJson } from '../../src/graph/load';
import { QueryArgumentError, queryGraph, type ClaimRow } from '../../src/query';
import { storyGraph } from '../fixtures/viewer-graphs';

const q = queryGraph(graphFromJson(storyGraph().export()));
/** A row as "speaker stance claim @doc date", short enough to compare whole lists. */
const brief = (r: ClaimRow) => `${r.speaker.label} ${r.stance} ${r.claim.text} @${r.doc} ${r.date}`;

describe('claim rows in time', () => {
  it("carry their article's id, title and date, null for an undated article", () => {
    const rows = q.claims();
    const ortiz = rows.find((r) => r.edge === 'stated:person:lina-ortiz->claim:vote')!;
    expect([ortiz.doc, ortiz.title, ortiz.date]).toEqual(['ferry-vote', 'Council Delays Ferry Vote', '2024-03-12']);
    const pilots = rows.find((r) => r.speaker.key === 'person:harbor-pilots')!;
    expect([pilots.doc, pilots.title, pilots.date]).toEqual(['ferry-letter', 'Letter on the Ferry', null]);
    // present as keys in the JSON too, so scripts read `date: null` rather than a missing field
    expect(JSON.parse(JSON.stringify(pilots))).toHaveProperty('date', null);
  });

  it('date a row with evidence in two articles by the earlier one', () => {
    const fares = q.claims().find((r) => r.edge === 'stated:organization:ferry-line->claim:fares')!;
    expect(fares.evidence.map((e) => e.doc)).toEqual(['ferry-launch', 'ferry-followup']);
    expect([fares.doc, fares.date, fares.title]).toEqual(['ferry-launch', '2024-02-02', 'New Ferry Launched']);
  });

  it('list in reading order by default, and by date with --sort date: stable within a day, undated last', () => {
    expect(q.claims().map(brief)).toEqual([
      'Lina Ortiz stated the vote would come at 3 p.m. on Friday @ferry-vote 2024-03-12',
      'Amos Kell questioned the new ferry is safe @ferry-vote 2024-03-12',
      'Ferry Line stated the new ferry is safe @ferry-launch 2024-02-02',
      'Ferry Line stated fares will rise @ferry-launch 2024-02-02',
      'Harbor Weekly reported fares will rise @ferry-launch 2024-02-02',
      'Harbor pilots stated the delay is costly @ferry-letter null',
      'Lina Ortiz denied fares will rise @ferry-followup 2024-03-12',
    ]);
    expect(q.claims({ sort: 'date' }).map(brief)).toEqual([
      'Ferry Line stated the new ferry is safe @ferry-launch 2024-02-02',
      'Ferry Line stated fares will rise @ferry-launch 2024-02-02',
      'Harbor Weekly reported fares will rise @ferry-launch 2024-02-02',
      'Lina Ortiz stated the vote would come at 3 p.m. on Friday @ferry-vote 2024-03-12',
      'Amos Kell questioned the new ferry is safe @ferry-vote 2024-03-12',
      'Lina Ortiz denied fares will rise @ferry-followup 2024-03-12',
      'Harbor pilots stated the delay is costly @ferry-letter null',
    ]);
  });

  it('keep only evidence from articles in the since/until range, both ends inclusive', () => {
    const since = q.claims({ since: '2024-03-12', sort: 'date' });
    expect(since.map(brief)).toEqual([
      'Lina Ortiz stated the vote would come at 3 p.m. on Friday @ferry-vote 2024-03-12',
      'Amos Kell questioned the new ferry is safe @ferry-vote 2024-03-12',
      'Lina Ortiz denied fares will rise @ferry-followup 2024-03-12',
      'Ferry Line stated fares will rise @ferry-followup 2024-03-12',
    ]);
    // the two-article edge keeps only its evidence inside the range, and is dated by it
    expect(since.find((r) => r.speaker.label === 'Ferry Line')!.evidence.map((e) => e.doc)).toEqual(['ferry-followup']);
    const until = q.claims({ until: '2024-02-02' });
    expect(until.map((r) => r.doc)).toEqual(['ferry-launch', 'ferry-launch', 'ferry-launch']);
    expect(q.claims({ since: '2024-02-03', until: '2024-03-11' })).toEqual([]);
  });

  it('combine the range with the other filters', () => {
    expect(q.claims({ by: 'Lina Ortiz', until: '2024-12-31', stance: 'denied' }).map(brief)).toEqual(['Lina Ortiz denied fares will rise @ferry-followup 2024-03-12']);
  });

  it('refuse a date that is not an ISO day, and a range that holds no day', () => {
    expect(() => q.claims({ since: '2024-02-30' })).toThrow(QueryArgumentError);
    expect(() => q.claims({ until: '12/03/2024' })).toThrow('until: "12/03/2024" is not a date; expected an ISO date YYYY-MM-DD');
    expect(() => q.claims({ since: '2024-04-01', until: '2024-03-01' })).toThrow('since 2024-04-01 is after until 2024-03-01');
  });

  it("give the evidence sentence whole across 'Sept.' and 'p.m.'", () => {
    const row = q.claims({ by: 'Lina Ortiz', stance: 'stated' })[0]!;
    expect(row.evidence[0]!.sentence).toBe('Mayor Lina Ortiz said on Sept. 4 that the vote would come at 3 p.m. on Friday.');
    expect(q.claims({ by: 'Amos Kell' })[0]!.evidence[0]!.sentence).toBe('Dr. Amos Kell questioned whether the new ferry is safe.');
  });
});
