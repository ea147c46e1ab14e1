/**
 * claimgraph query: a compact undirected adjacency (CSR arrays) built once at load, because path search on a
 * 1M-node graph asks for neighbors thousands of times and graphology's `neighbors()` merges three maps per call.
 */
import type { ClaimGraph } from '../graph/load';

export interface Adjacency {
  /** node keys by position */
  keys: string[];
  /** node key → position */
  position: Map<string, number>;
  /** the neighbors of node i are neighbors[offsets[i] .. offsets[i + 1]) */
  offsets: Int32Array;
  neighbors: Int32Array;
}

/** Every edge, whatever its direction, makes each end a neighbor of the other (a self loop: of itself, once). */
export function buildAdjacency(graph: ClaimGraph): Adjacency {
  const keys = graph.nodes();
  const position = new Map<string, number>();
  keys.forEach((key, i) => position.set(key, i));
  const offsets = new Int32Array(keys.length + 1);
  const ends = new Int32Array(graph.size * 2); // each edge's two ends, by position, in edge order
  let e = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = position.get(source)!;
    const t = position.get(target)!;
    ends[e++] = s;
    ends[e++] = t;
    offsets[s + 1]!++;
    if (t !== s) offsets[t + 1]!++;
  });
  for (let i = 1; i < offsets.length; i++) offsets[i]! += offsets[i - 1]!;
  const neighbors = new Int32Array(offsets[keys.length]!);
  const fill = offsets.slice(0, keys.length);
  for (let i = 0; i < ends.length; i += 2) {
    const s = ends[i]!;
    const t = ends[i + 1]!;
    neighbors[fill[s]!++] = t;
    if (t !== s) neighbors[fill[t]!++] = s;
  }
  return { keys, position, offsets, neighbors };
}

/** The keys of a node's neighbors, in edge order; a neighbor joined by several edges appears once per edge. */
export function neighborKeys(adjacency: Adjacency, key: string): string[] {
  const i = adjacency.position.get(key);
  if (i === undefined) return [];
  const result: string[] = [];
  for (let j = adjacency.offsets[i]!, end = adjacency.offsets[i + 1]!; j < end; j++) result.push(adjacency.keys[adjacency.neighbors[j]!]!);
  return result;
}
