/**
 * claimgraph query `path`: a shortest path between two nodes (graphology-shortest-path, edges walked either way),
 * each hop with the edge's kind, direction and evidence.
 */
import { bidirectional } from 'graphology-shortest-path/unweighted';
import type { QueryIndex } from './graph-index';
import { compareStrings, evidenceRows, nodeRef } from './refs';
import { resolveName } from './resolve';
import type { EdgeDirection, PathResult, PathStep } from './types';
import { undirectedView } from './undirected-view';

const DIRECTION_RANK: Record<EdgeDirection, number> = { out: 0, undirected: 1, in: 2 };

/** The edge to show between two adjacent nodes: one that runs forward if any, then the smallest key. */
function stepBetween(index: QueryIndex, from: string, to: string): PathStep {
  const choices: { edge: string; direction: EdgeDirection }[] = [];
  index.graph.forEachEdge(from, (edge, _attributes, source, target, _sa, _ta, undirected) => {
    if (source === to || target === to) choices.push({ edge, direction: undirected ? 'undirected' : source === from ? 'out' : 'in' });
  });
  choices.sort((a, b) => DIRECTION_RANK[a.direction] - DIRECTION_RANK[b.direction] || compareStrings(a.edge, b.edge));
  const chosen = choices[0]!;
  const attributes = index.graph.getEdgeAttributes(chosen.edge);
  return {
    from: nodeRef(index, from),
    to: nodeRef(index, to),
    edge: chosen.edge,
    kind: attributes.kind,
    direction: chosen.direction,
    evidence: evidenceRows(index, attributes.evidence),
  };
}

/** A shortest path from `fromName` to `toName` (any node kind), or null when none joins them. */
export function shortestPath(index: QueryIndex, fromName: string, toName: string): PathResult | null {
  const from = resolveName(index, fromName, 'node');
  const to = resolveName(index, toName, 'node');
  const nodes = bidirectional(undirectedView(index.graph, index.adjacency), from, to);
  if (!nodes) return null;
  const steps: PathStep[] = [];
  for (let i = 1; i < nodes.length; i++) steps.push(stepBetween(index, nodes[i - 1]!, nodes[i]!));
  return { from: nodeRef(index, from), to: nodeRef(index, to), steps };
}
