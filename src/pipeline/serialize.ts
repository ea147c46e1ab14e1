/**
 * claimgraph pipeline: a built graph as the text of its files (graphology JSON, GEXF) and as a summary of
 * counts by kind. Byte-stable: the same graph always gives the same text.
 */
import type { ClaimGraph } from '../graph/load';
import { EDGE_KINDS, NODE_KINDS } from '../graph/schema';
import { writeGexf } from '../export/gexf';
import { graphFileLines } from '../graph/file-layout';

/**
 * The graph file's text (graphology JSON, exactly `graph.export()`) in the line layout of GRAPH-CONTRACT.md:
 * one document, node or edge per line. Compact, a diff of two builds shows which nodes and edges changed, and
 * a graph of any size is written a line at a time (`graphFileWithIndex` of src/query/sidecar-write.ts, which
 * gives the lines with those of the graph's sidecar index) and read a line at a time.
 */
export function graphToJsonText(graph: ClaimGraph): string {
  return [...graphFileLines(graph)].join('');
}

/** The graph as GEXF 1.3 (Gephi 0.10, Gephi Lite), through the project's exporter. */
export function graphToGexfText(graph: ClaimGraph): string {
  return writeGexf(graph, { version: '1.3' });
}

/** Counts by kind, every known kind listed (zeros included) in schema order, so summaries compare across builds. */
export function countByKind(graph: ClaimGraph): { nodes: Record<string, number>; edges: Record<string, number> } {
  const nodes: Record<string, number> = Object.fromEntries(NODE_KINDS.map((k) => [k, 0]));
  const edges: Record<string, number> = Object.fromEntries(EDGE_KINDS.map((k) => [k, 0]));
  graph.forEachNode((_, a) => (nodes[a.kind] = (nodes[a.kind] ?? 0) + 1));
  graph.forEachEdge((_, a) => (edges[a.kind] = (edges[a.kind] ?? 0) + 1));
  return { nodes, edges };
}
