/**
 * claimgraph query `neighbors`: the nodes within N hops of a node, following edges either way, each with the
 * edge that first reached it; optionally only those of one kind (the walk still goes through every kind).
 */
import { NODE_KINDS } from '../graph/schema';
import type { QueryIndex } from './graph-index';
import { QueryArgumentError } from './errors';
import { compareNodes, evidenceRows, nodeRef } from './refs';
import { resolveName } from './resolve';
import type { EdgeDirection, NeighborOptions, NeighborRow } from './types';

export function neighbors(index: QueryIndex, name: string, options: NeighborOptions = {}): NeighborRow[] {
  const depth = options.depth ?? 1;
  if (!Number.isInteger(depth) || depth < 1) throw new QueryArgumentError(`depth must be a whole number of at least 1, not ${depth}`);
  const known = [...new Set<string>([...NODE_KINDS, ...index.nodeKinds.keys()])];
  if (options.kind !== undefined && !known.includes(options.kind)) {
    throw new QueryArgumentError(`unknown node kind "${options.kind}"; expected one of ${known.join(', ')}`);
  }
  const start = resolveName(index, name, 'node');
  const graph = index.graph;
  const reached = new Map<string, NeighborRow>();
  let frontier = [nodeRef(index, start)];
  const visited = new Set([start]);
  for (let level = 1; level <= depth && frontier.length; level++) {
    const next: NeighborRow[] = [];
    for (const from of frontier) {
      graph.forEachEdge(from.key, (edge, attributes, source, target, _sa, _ta, undirected) => {
        const other = source === from.key ? target : source;
        if (visited.has(other)) return;
        visited.add(other);
        const direction: EdgeDirection = undirected ? 'undirected' : source === from.key ? 'out' : 'in';
        const row: NeighborRow = {
          node: nodeRef(index, other),
          depth: level,
          via: { edge, kind: attributes.kind, direction, from, evidence: evidenceRows(index, attributes.evidence) },
        };
        next.push(row);
        reached.set(other, row);
      });
    }
    // each level is walked in label order, so which edge "first reached" a node does not depend on storage order
    next.sort((a, b) => compareNodes(a.node, b.node));
    frontier = next.map((r) => r.node);
  }
  return [...reached.values()]
    .filter((r) => options.kind === undefined || r.node.kind === options.kind)
    .sort((a, b) => a.depth - b.depth || compareNodes(a.node, b.node));
}
