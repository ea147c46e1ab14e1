/**
 * claimgraph query: a part of a graph too large to draw whole. `neighbourhoodGraph` cuts out one node's
 * neighbourhood (the node, what it is joined to, and who spoke the claims among them), as a graph of its own
 * that follows the contract and says in its `scope` what it is part of; `nodeSearch` finds the nodes to start
 * from. Both only read the graph.
 */
import Graph from 'graphology';
import type { ClaimGraph } from '../graph/load';
import { isStance, type Evidence, type GraphScope } from '../graph/schema';
import { nameTokens, normalizeName } from './normalize';

/** The most nodes a neighbourhood holds: what a browser draws and a person reads at once. */
export const NEIGHBOURHOOD_LIMIT = 300;

export interface NodeMatch {
  key: string;
  label: string;
  kind: string;
  /** how many edges the node has in the whole graph */
  degree: number;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Most connected first, then by label and key: the same order on every run. */
function rank(graph: ClaimGraph, keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => graph.degree(b) - graph.degree(a) || byString(graph.getNodeAttribute(a, 'label'), graph.getNodeAttribute(b, 'label')) || byString(a, b));
}

/** The node a large graph opens on: its most connected entity (a claim only when it has no entity). */
export function defaultFocus(graph: ClaimGraph): string | null {
  let best: string | null = null;
  let bestIsEntity = false;
  graph.forEachNode((key, attributes) => {
    const entity = attributes.kind !== 'claim';
    if (best === null || (entity && !bestIsEntity)) {
      best = key;
      bestIsEntity = entity;
      return;
    }
    if (entity !== bestIsEntity) return;
    const d = graph.degree(key) - graph.degree(best);
    if (d > 0 || (d === 0 && byString(key, best) < 0)) best = key;
  });
  return best;
}

/** One node's names (label, aliases, a claim's text), normalized and joined between spaces: " ana ruiz the mayor ". */
function haystack(attributes: ReturnType<ClaimGraph['getNodeAttributes']>): string {
  const names = [attributes.label, ...attributes.aliases, ...(attributes.kind === 'claim' ? [attributes.text] : [])];
  return ` ${names.map(normalizeName).join(' ')} `;
}

/**
 * A search over the graph's nodes: those whose names hold every word of the text asked (a word of three
 * letters or more may be the start of one: "harb" finds "Harbour"): a node of exactly that name first, then
 * entities, then claims, each most connected first. The names are
 * normalized once, here; each search is then one scan.
 */
export function nodeSearch(graph: ClaimGraph): (text: string, limit?: number) => NodeMatch[] {
  const keys: string[] = [];
  const names: string[] = [];
  graph.forEachNode((key, attributes) => {
    keys.push(key);
    names.push(haystack(attributes));
  });
  return (text, limit = 20) => {
    const query = normalizeName(text);
    const words = nameTokens(query);
    if (!words.length) return [];
    const found = keys.filter((_, i) => words.every((w) => names[i]!.includes(w.length >= 3 ? ` ${w}` : ` ${w} `)));
    // a node named exactly so first, then entities before claims, each most connected first
    const tier = (key: string) => (normalizeName(graph.getNodeAttribute(key, 'label')) === query ? 0 : graph.getNodeAttribute(key, 'kind') === 'claim' ? 2 : 1);
    const tiers = new Map(found.map((k) => [k, tier(k)]));
    return rank(graph, found)
      .sort((a, b) => tiers.get(a)! - tiers.get(b)!)
      .slice(0, limit)
      .map((key) => ({ key, label: graph.getNodeAttribute(key, 'label'), kind: graph.getNodeAttribute(key, 'kind'), degree: graph.degree(key) }));
  };
}

const isClaim = (graph: ClaimGraph, key: string) => graph.getNodeAttribute(key, 'kind') === 'claim';

/**
 * The focus, its neighbours (most connected first), the claims that dispute the claims among them, then the
 * speakers and outlets of all those claims: who said what near the focus, and who says otherwise.
 */
function neighbourhoodNodes(graph: ClaimGraph, focus: string, limit: number): Set<string> {
  const chosen = new Set([focus]);
  const add = (keys: Iterable<string>) => {
    for (const key of keys) {
      if (chosen.size >= limit) return;
      chosen.add(key);
    }
  };
  add(rank(graph, graph.neighbors(focus)));
  for (const claim of [...chosen].filter((k) => isClaim(graph, k))) {
    add(rank(graph, graph.filterNeighbors(claim, (n) => graph.someEdge(claim, n, (_e, a) => a.kind === 'contradicts'))));
  }
  for (const claim of [...chosen].filter((k) => isClaim(graph, k))) {
    add(rank(graph, graph.filterInNeighbors(claim, (n) => graph.someEdge(n, claim, (_e, a) => isStance(a.kind) || a.kind === 'reported'))));
  }
  return chosen;
}

/**
 * The neighbourhood of `focus` as a graph of its own, at most `limit` nodes: every edge among its nodes, the
 * documents their evidence points into, the whole graph's attributes otherwise, and `scope` saying which node
 * it is around and how large the whole graph is. The nodes keep their keys and attributes (their layout
 * included: the caller may lay the part out anew).
 */
export function neighbourhoodGraph(graph: ClaimGraph, focus: string, limit = NEIGHBOURHOOD_LIMIT): ClaimGraph {
  if (!graph.hasNode(focus)) throw new Error(`no node "${focus}" in the graph`);
  const nodes = neighbourhoodNodes(graph, focus, Math.max(1, limit));
  const part: ClaimGraph = new Graph({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops });
  const cited = new Set<string>();
  const cite = (evidence: readonly Evidence[]) => evidence.forEach((e) => cited.add(e.doc));
  // in the whole graph's order, so that the part's file is the same bytes whichever node it was asked from
  graph.forEachNode((key, attributes) => {
    if (!nodes.has(key)) return;
    part.addNode(key, { ...attributes });
    cite(attributes.evidence);
    if (attributes.kind !== 'claim') for (const m of attributes.merged ?? []) cite(m.evidence);
  });
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (undirected) part.addUndirectedEdgeWithKey(edge, source, target, { ...attributes });
    else part.addDirectedEdgeWithKey(edge, source, target, { ...attributes });
    cite(attributes.evidence);
  });
  const whole = graph.getAttributes();
  const scope: GraphScope = { focus, label: graph.getNodeAttribute(focus, 'label'), nodes: graph.order, edges: graph.size, documents: whole.documents.length };
  part.replaceAttributes({ ...whole, scope, documents: whole.documents.filter((d) => cited.has(d.id)) });
  return part;
}
