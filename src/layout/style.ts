/**
 * claimgraph layout: sizes and colors by kind. Entities grow with their number of connections; claims stay
 * small, so that who-said-what reads first.
 */
import { EDGE_COLORS, NODE_COLORS } from '../graph/schema';
import type { ClaimGraph } from '../graph/load';

export const round = (v: number) => Math.round(v * 1000) / 1000;

export function applyStyle(graph: ClaimGraph): void {
  graph.forEachNode((node, attrs) => {
    const degree = graph.degree(node);
    const size = attrs.kind === 'claim' ? 3 + Math.min(3, Math.sqrt(degree)) : 5 + Math.min(15, 2 * Math.sqrt(degree));
    graph.mergeNodeAttributes(node, { size: round(size), color: NODE_COLORS[attrs.kind] });
  });
  graph.forEachEdge((edge, attrs) => {
    graph.mergeEdgeAttributes(edge, { size: attrs.kind === 'about' ? 1 : 2, color: EDGE_COLORS[attrs.kind] });
  });
}
