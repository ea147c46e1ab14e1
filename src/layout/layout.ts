/**
 * claimgraph layout: a precomputed ForceAtlas2 layout from a seeded start, plus sizes and colors by kind,
 * so any viewer draws the file at once. Deterministic: same graph, same coordinates.
 */
import type { ClaimGraph } from '../graph/load';
import { componentLayout, type ComponentLayoutOptions } from './components';
import { applyStyle, round } from './style';

export type LayoutOptions = ComponentLayoutOptions;

export function applyLayout(graph: ClaimGraph, options: LayoutOptions = {}): void {
  applyStyle(graph);
  if (graph.order === 0) return;
  const positions = componentLayout(graph, options);
  graph.updateEachNodeAttributes((node, attrs) => {
    const p = positions.get(node)!;
    // rounded, so that the last bits of floating-point arithmetic never change the file
    attrs.x = round(p.x) + 0;
    attrs.y = round(p.y) + 0;
    return attrs;
  });
}
