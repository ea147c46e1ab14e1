/**
 * claimgraph query `stats`: counts by kind, the most central entities (degree, and PageRank from
 * graphology-metrics) and communities (graphology-communities-louvain).
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { EDGE_KINDS, NODE_KINDS } from '../graph/schema';
import type { QueryIndex } from './graph-index';
import { compareEdgeKinds } from './entity';
import { compareNodes, compareStrings, nodeRef } from './refs';
import type { CentralNode, Community, GraphStats, StatsOptions } from './types';

/** Counts with every contract kind present (0 if absent), in schema order, then any other kind by name. */
function orderedCounts(counts: Map<string, number>, known: readonly string[], compare: (a: string, b: string) => number): Record<string, number> {
  const keys = [...new Set([...known, ...counts.keys()])].sort(compare);
  return Object.fromEntries(keys.map((k) => [k, counts.get(k) ?? 0]));
}

function compareNodeKinds(a: string, b: string): number {
  const rank = (k: string) => {
    const i = (NODE_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? NODE_KINDS.length : i;
  };
  return rank(a) - rank(b) || compareStrings(a, b);
}

const round = (x: number, digits = 6) => Number(x.toFixed(digits));

/**
 * The graph with one undirected edge per linked pair, weighted by how many edges join them: Louvain needs a
 * graph that is not mixed, and a pair joined by several edges should count more.
 */
function simpleUndirected(index: QueryIndex): Graph {
  const simple = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  index.graph.forEachNode((key) => simple.addNode(key));
  index.graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    simple.updateEdge(source, target, (attributes: { weight?: number }) => ({ weight: (attributes.weight ?? 0) + 1 }));
  });
  return simple;
}

function communities(index: QueryIndex, top: number): GraphStats['communities'] {
  const graph = index.graph;
  if (graph.order === 0) return { count: 0, modularity: 0, largest: [] };
  const simple = simpleUndirected(index);
  // randomWalk off: nodes are visited in graph order, so the same file always gives the same communities
  const detailed = louvain.detailed(simple, { getEdgeWeight: 'weight', randomWalk: false });
  const members = new Map<number, string[]>();
  for (const [node, community] of Object.entries(detailed.communities)) {
    const list = members.get(community);
    if (list) list.push(node);
    else members.set(community, [node]);
  }
  const list = [...members.values()].map((nodes) => {
    const entities = nodes.filter((n) => graph.getNodeAttribute(n, 'kind') !== 'claim');
    const topNodes = entities
      .map((n) => ({ ref: nodeRef(index, n), degree: graph.degree(n) }))
      .sort((a, b) => b.degree - a.degree || compareNodes(a.ref, b.ref))
      .slice(0, 5)
      .map((x) => x.ref);
    return { nodes: nodes.sort(compareStrings), entities: entities.length, top: topNodes };
  });
  list.sort((a, b) => b.nodes.length - a.nodes.length || compareStrings(a.nodes[0]!, b.nodes[0]!));
  const largest: Community[] = list.slice(0, top).map((c, i) => ({
    id: i + 1,
    size: c.nodes.length,
    entities: c.entities,
    claims: c.nodes.length - c.entities,
    top: c.top,
  }));
  return { count: list.length, modularity: round(detailed.modularity), largest };
}

/**
 * The graph's nodes and edges without its self-loops, for PageRank: graphology-metrics counts an undirected
 * self-loop twice in a node's neighbourhood and once in its degree, so the rank's total grows at each iteration
 * and never converges (a dispute between two speakers of one claim is such a loop; a graph of 20,000 articles
 * has thousands). A loop moves no rank from one node to another anyway.
 */
function withoutSelfLoops(graph: QueryIndex['graph']): Graph {
  const copy = new Graph({ type: graph.type, multi: true, allowSelfLoops: false });
  graph.forEachNode((key) => copy.addNode(key));
  graph.forEachEdge((_edge, _attributes, source, target, _sa, _ta, undirected) => {
    if (source === target) return;
    if (undirected) copy.addUndirectedEdge(source, target);
    else copy.addDirectedEdge(source, target);
  });
  return copy;
}

function centralEntities(index: QueryIndex, top: number): GraphStats['central'] {
  const graph = index.graph;
  const ranks = graph.order ? pagerank(withoutSelfLoops(graph), { getEdgeWeight: null, maxIterations: 1000 }) : {};
  const rows: CentralNode[] = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === 'claim') return;
    rows.push({ ...nodeRef(index, key), degree: graph.degree(key), pagerank: round(ranks[key] ?? 0) });
  });
  const byDegree = [...rows].sort((a, b) => b.degree - a.degree || b.pagerank - a.pagerank || compareNodes(a, b)).slice(0, top);
  const byPagerank = [...rows].sort((a, b) => b.pagerank - a.pagerank || b.degree - a.degree || compareNodes(a, b)).slice(0, top);
  return { byDegree, byPagerank };
}

export function graphStats(index: QueryIndex, options: StatsOptions = {}): GraphStats {
  const top = options.top ?? 10;
  const graph = index.graph;
  const edgeKinds = new Map<string, number>();
  graph.forEachEdge((_edge, attributes) => edgeKinds.set(attributes.kind, (edgeKinds.get(attributes.kind) ?? 0) + 1));
  return {
    documents: index.documents.size,
    nodes: { total: graph.order, byKind: orderedCounts(index.nodeKinds, NODE_KINDS, compareNodeKinds) },
    edges: { total: graph.size, byKind: orderedCounts(edgeKinds, EDGE_KINDS, compareEdgeKinds) },
    central: centralEntities(index, top),
    communities: communities(index, top),
  };
}
