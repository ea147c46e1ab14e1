/**
 * claimgraph layout: a precomputed ForceAtlas2 layout from a seeded start, plus sizes and colors by kind,
 * so any viewer draws the file at once. Deterministic: same graph, same coordinates.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { EDGE_COLORS, NODE_COLORS } from '../graph/schema';
import type { ClaimGraph } from '../graph/load';

export interface LayoutOptions {
  /** ForceAtlas2 iterations; by default fewer for larger graphs, to keep builds fast */
  iterations?: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Places nodes on a golden-angle spiral in key order: a seeded, spread-out start for ForceAtlas2. */
function seedPositions(graph: ClaimGraph): void {
  const golden = Math.PI * (3 - Math.sqrt(5));
  let i = 0;
  graph.forEachNode((node) => {
    const r = 10 * Math.sqrt(i + 1);
    graph.mergeNodeAttributes(node, { x: r * Math.cos(i * golden), y: r * Math.sin(i * golden) });
    i++;
  });
}

/** Entities grow with their number of connections; claims stay small so that who-said-what reads first. */
function applyStyle(graph: ClaimGraph): void {
  graph.forEachNode((node, attrs) => {
    const degree = graph.degree(node);
    const size = attrs.kind === 'claim' ? 3 + Math.min(3, Math.sqrt(degree)) : 5 + Math.min(15, 2 * Math.sqrt(degree));
    graph.mergeNodeAttributes(node, { size: round(size), color: NODE_COLORS[attrs.kind] });
  });
  graph.forEachEdge((edge, attrs) => {
    graph.mergeEdgeAttributes(edge, { size: attrs.kind === 'about' ? 1 : 2, color: EDGE_COLORS[attrs.kind] });
  });
}

export function applyLayout(graph: ClaimGraph, options: LayoutOptions = {}): void {
  applyStyle(graph);
  if (graph.order === 0) return;
  seedPositions(graph);
  const iterations = options.iterations ?? (graph.order > 5000 ? 50 : graph.order > 1000 ? 150 : 300);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 2000 };
  forceAtlas2.assign(graph, { iterations, settings, getEdgeWeight: null });
  graph.forEachNode((node, attrs) => graph.mergeNodeAttributes(node, { x: round(attrs.x), y: round(attrs.y) }));
}
