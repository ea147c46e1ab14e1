/**
 * The words around an exported image: the graph's title (the article's own title when there is one article,
 * else the file's name) and a line with the articles' dates and count. Pure: no DOM.
 */
import type Graph from 'graphology';

export interface Caption {
  title: string;
  subtitle: string;
}

interface DocumentMeta {
  title?: unknown;
  date?: unknown;
}

/** `2018-10-04`, or `2018-10-04 to 2018-10-11` for several dates; empty when no article is dated. */
export function dateRange(dates: readonly string[]): string {
  const sorted = dates.filter((d) => d.trim() !== '').sort();
  if (!sorted.length) return '';
  const [first, last] = [sorted[0]!, sorted[sorted.length - 1]!];
  return first === last ? first : `${first} to ${last}`;
}

export function caption(graph: Graph, name: string): Caption {
  const raw = graph.getAttribute('documents') as unknown;
  const docs = (Array.isArray(raw) ? raw : []) as DocumentMeta[];
  const titles = docs.map((d) => (typeof d.title === 'string' ? d.title.trim() : '')).filter(Boolean);
  const title = docs.length === 1 && titles[0] ? titles[0] : name.replace(/\.(json|gexf)$/i, '') || 'claimgraph';
  const dates = dateRange(docs.map((d) => (typeof d.date === 'string' ? d.date : '')));
  const count = `${docs.length} article${docs.length === 1 ? '' : 's'}`;
  return { title, subtitle: [dates, count].filter(Boolean).join(' · ') };
}
