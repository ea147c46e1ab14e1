/**
 * Search over node labels and aliases, ignoring case, accents and punctuation the way `claimgraph query`
 * resolves names: an index built once per graph and ranked suggestions (exact, then prefix, then word
 * prefix, then substring). Pure: no DOM.
 */
import type Graph from 'graphology';
import { normalizeName } from '../../../src/query/normalize';
import { compareText } from './compare';

export interface SearchEntry {
  node: string;
  label: string;
  kind: string;
  /** the label or alias that matched, when it is not the label */
  matched: string;
  normalized: string;
}

export interface Suggestion {
  node: string;
  label: string;
  kind: string;
  /** an alias that matched, shown beside the label */
  via: string | null;
}

/** One entry per label and alias of every node. */
export function buildSearchIndex(graph: Graph): SearchEntry[] {
  const entries: SearchEntry[] = [];
  graph.forEachNode((node, attrs) => {
    const label = String(attrs.label ?? node);
    const kind = String(attrs.kind ?? '');
    const aliases = Array.isArray(attrs.aliases) ? (attrs.aliases as unknown[]).map(String) : [];
    for (const form of [label, ...aliases]) entries.push({ node, label, kind, matched: form, normalized: normalizeName(form) });
  });
  return entries;
}

function rank(normalized: string, query: string): number {
  if (normalized === query) return 0;
  if (normalized.startsWith(query)) return 1;
  if (normalized.includes(` ${query}`)) return 2;
  if (normalized.includes(query)) return 3;
  return -1;
}

/** The best `limit` nodes for `query`, one suggestion per node; entities before claims on equal rank. */
export function suggest(index: readonly SearchEntry[], query: string, limit = 10): Suggestion[] {
  const q = normalizeName(query);
  if (!q) return [];
  const best = new Map<string, { entry: SearchEntry; score: number }>();
  for (const entry of index) {
    const r = rank(entry.normalized, q);
    if (r < 0) continue;
    // a label match beats an alias match of the same rank
    const score = r * 2 + (entry.matched === entry.label ? 0 : 1);
    const current = best.get(entry.node);
    if (!current || score < current.score) best.set(entry.node, { entry, score });
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || Number(a.entry.kind === 'claim') - Number(b.entry.kind === 'claim') || a.entry.label.length - b.entry.label.length || compareText(a.entry.label, b.entry.label) || compareText(a.entry.node, b.entry.node))
    .slice(0, limit)
    .map(({ entry }) => ({ node: entry.node, label: entry.label, kind: entry.kind, via: entry.matched === entry.label ? null : entry.matched }));
}
