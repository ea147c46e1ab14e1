/**
 * claimgraph query: a view of a graph in which every edge can be walked both ways, without copying it.
 * graphology-shortest-path follows edge direction, but speaker → claim ← speaker is a path a reader wants.
 */
import type { ClaimGraph } from '../graph/load';
import { neighborKeys, type Adjacency } from './adjacency';

/**
 * An object that behaves as `graph` (it inherits from it), except that a node's inbound and outbound neighbors
 * are all of its neighbors, read from `adjacency`. Read-only use only: it shares the graph's storage.
 */
export function undirectedView(graph: ClaimGraph, adjacency: Adjacency): ClaimGraph {
  const view = Object.create(graph) as ClaimGraph;
  const allNeighbors = (node: unknown) => neighborKeys(adjacency, node as string);
  Object.defineProperty(view, 'inboundNeighbors', { value: allNeighbors });
  Object.defineProperty(view, 'outboundNeighbors', { value: allNeighbors });
  return view;
}
