/**
 * The graph's articles for the viewer's article list and date range: each article's date and outlet, which
 * articles show (a per-article choice and a date range, combined), and which nodes and edges that leaves out.
 * Pure: no DOM.
 */
import type Graph from 'graphology';
import { isIsoDate } from '../../../src/query/dates';
import { evidenceOf } from './claims';

export interface Article {
  id: string;
  title: string;
  /** YYYY-MM-DD as the graph holds it; null when the article has none (nothing is guessed) */
  date: string | null;
  /** the outlet (the document's `source`, from the page's site name); null when the file does not say */
  outlet: string | null;
  /** the byline (the document's `author`); null when the file does not say */
  author: string | null;
}

/** What the reader chose: articles hidden one by one, and a date range (either end may be open). */
export interface ArticleFilter {
  hidden: ReadonlySet<string>;
  since: string | null;
  until: string | null;
}

/** A document's day when its date starts with a real ISO day, else null: files from other writers may hold anything. */
export function articleDay(date: string | null | undefined): string | null {
  const day = typeof date === 'string' ? date.slice(0, 10) : '';
  return isIsoDate(day) ? day : null;
}

/** The graph's articles, oldest first, undated last; articles of one day (and undated ones) in file order. */
export function articleList(graph: Graph): Article[] {
  const docs = graph.getAttribute('documents') as unknown;
  if (!Array.isArray(docs)) return [];
  const list = (docs as Record<string, unknown>[]).map((d): Article => ({
    id: String(d.id),
    title: typeof d.title === 'string' && d.title.trim() ? d.title : String(d.id),
    date: typeof d.date === 'string' && d.date ? d.date : null,
    outlet: typeof d.source === 'string' && d.source.trim() ? d.source.trim() : null,
    author: typeof d.author === 'string' && d.author.trim() ? d.author.trim() : null,
  }));
  // Array sort is stable: equal days keep file order
  return list.sort((a, b) => {
    const x = articleDay(a.date);
    const y = articleDay(b.date);
    return x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
  });
}

/** The first and last day among the articles, for the range control's bounds; null when none is dated. */
export function dateBounds(articles: readonly Article[]): { min: string; max: string } | null {
  const days = articles.map((a) => articleDay(a.date)).filter((d): d is string => d !== null).sort();
  return days.length ? { min: days[0]!, max: days[days.length - 1]! } : null;
}

/** Whether an article's day lies in the range; with a range set, an undated article is outside it (as `query claims --since`). */
export function inDateRange(article: Article, filter: Pick<ArticleFilter, 'since' | 'until'>): boolean {
  if (filter.since === null && filter.until === null) return true;
  const day = articleDay(article.date);
  return day !== null && (filter.since === null || day >= filter.since) && (filter.until === null || day <= filter.until);
}

/** The ids of the articles that do not show: hidden one by one, or outside the date range. */
export function hiddenArticles(articles: readonly Article[], filter: ArticleFilter): Set<string> {
  return new Set(articles.filter((a) => filter.hidden.has(a.id) || !inDateRange(a, filter)).map((a) => a.id));
}

/**
 * Nodes and edges whose every evidence lies in a hidden article. One with no evidence, or with evidence in a
 * document the file does not hold (a GEXF has no article list), stays: nothing says when it was written.
 */
export function outOfArticles(graph: Graph, hidden: ReadonlySet<string>): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!hidden.size) return { nodes, edges };
  const allHidden = (attrs: Record<string, unknown>) => {
    const evidence = evidenceOf(attrs);
    return evidence.length > 0 && evidence.every((e) => hidden.has(e.doc));
  };
  graph.forEachNode((node, attrs) => { if (allHidden(attrs)) nodes.add(node); });
  graph.forEachEdge((edge, attrs) => { if (allHidden(attrs)) edges.add(edge); });
  return { nodes, edges };
}
