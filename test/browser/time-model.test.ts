/**
 * The viewer's time model, without a browser: the article list's order and fields, which nodes and edges a
 * hidden article takes away, the timeline's days, and the date range in the URL.
 */
import { articleList, dateBounds, hiddenArticles, outOfArticles } from '../../viewer/src/model/articles';
import { claimRows } from '../../viewer/src/model/claims';
import { timelineDays } from '../../viewer/src/model/timeline';
import { parseViewState, printViewState } from '../../viewer/src/model/url-state';
import { storyGraph } from '../fixtures/viewer-graphs';

const g = storyGraph();
const articles = articleList(g);

describe('articles', () => {
  test('oldest first, one day in file order, undated last, with outlet or null', () => {
    expect(articles.map((a) => [a.id, a.date, a.outlet])).toEqual([
      ['ferry-launch', '2024-02-02', 'Harbor Weekly'],
      ['ferry-vote', '2024-03-12', 'Brackwater Gazette'],
      ['ferry-followup', '2024-03-12', 'Brackwater Gazette'],
      ['ferry-letter', null, null],
    ]);
    expect(dateBounds(articles)).toEqual({ min: '2024-02-02', max: '2024-03-12' });
  });

  test("an article's byline is its author, null when the file has none", () => {
    const withAuthor = storyGraph();
    const docs = (withAuthor.getAttribute('documents') as { id: string; author?: string }[]).map((d) => (d.id === 'ferry-vote' ? { ...d, author: ' Jane Okafor ' } : d));
    withAuthor.setAttribute('documents', docs);
    expect(articleList(withAuthor).map((a) => [a.id, a.author])).toEqual([
      ['ferry-launch', null],
      ['ferry-vote', 'Jane Okafor'],
      ['ferry-followup', null],
      ['ferry-letter', null],
    ]);
  });

  test('a range leaves out the articles outside it and the undated ones; a choice adds to it', () => {
    expect([...hiddenArticles(articles, { hidden: new Set(), since: null, until: null })]).toEqual([]);
    expect([...hiddenArticles(articles, { hidden: new Set(), since: '2024-03-12', until: null })].sort()).toEqual(['ferry-launch', 'ferry-letter']);
    expect([...hiddenArticles(articles, { hidden: new Set(['ferry-vote']), since: null, until: '2024-12-31' })].sort()).toEqual(['ferry-letter', 'ferry-vote']);
  });

  test('a hidden article takes away only what has no evidence elsewhere', () => {
    const out = outOfArticles(g, new Set(['ferry-launch']));
    expect([...out.nodes].sort()).toEqual(['media:harbor-weekly']);
    expect([...out.edges].sort()).toEqual(['reported:media:harbor-weekly->claim:fares', 'stated:organization:ferry-line->claim:safe']);
  });
});

describe('timeline', () => {
  test('rows stand on each day their evidence was written, undated last, hidden articles left out', () => {
    const days = timelineDays(claimRows(g), articles, new Set());
    expect(days.map((d) => [d.day, d.entries.length])).toEqual([['2024-02-02', 3], ['2024-03-12', 4], [null, 1]]);
    const fares = days.flatMap((d) => d.entries.filter((e) => e.row.key === 'stated:organization:ferry-line->claim:fares').map(() => d.day));
    expect(fares).toEqual(['2024-02-02', '2024-03-12']);
    expect(timelineDays(claimRows(g), articles, new Set(['ferry-letter', 'ferry-launch'])).map((d) => d.day)).toEqual(['2024-03-12']);
  });
});

describe('article state in the URL', () => {
  test('hidden articles (one parameter each, commas allowed) and the range read back; a bad date is an open end', () => {
    const state = { ...parseViewState(''), hiddenArticles: ['b,c', 'a'], since: '2024-02-01', until: null };
    const query = printViewState(state);
    expect(query).toBe('?hideDoc=a&hideDoc=b%2Cc&since=2024-02-01');
    expect(parseViewState(query)).toMatchObject({ hiddenArticles: ['a', 'b,c'], since: '2024-02-01', until: null });
    expect(parseViewState('?since=2024-02-30&until=tomorrow')).toMatchObject({ since: null, until: null });
  });
});
