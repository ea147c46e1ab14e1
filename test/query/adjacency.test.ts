/** The CSR adjacency used by path search holds the same neighbors as graphology, edges taken either way. */
import { buildAdjacency, neighborKeys } from '../../src/query/adjacency';
import { undirectedView } from '../../src/query/undirected-view';
import type { ClaimGraph } from '../../src/graph/load';
import { miniGraph } from '../fixtures/mini-graph';
import { syntheticGraph } from '../fixtures/synthetic-graph';

describe('buildAdjacency', () => {
  it.each([
    ['mini', miniGraph()],
    ['synthetic', syntheticGraph(300, 900, 7)],
  ])('matches graphology neighbors on the %s graph', (_name, graph) => {
    const g = graph as unknown as ClaimGraph;
    const adjacency = buildAdjacency(g);
    g.forEachNode((node) => {
      expect(new Set(neighborKeys(adjacency, node))).toEqual(new Set(g.neighbors(node)));
    });
    expect(neighborKeys(adjacency, 'no such node')).toEqual([]);
  });

  it('gives the view of a graph both ways for each edge, and nothing else changed', () => {
    const g = miniGraph() as unknown as ClaimGraph;
    const view = undirectedView(g, buildAdjacency(g));
    expect(view.outboundNeighbors('claim:c2')).toEqual(expect.arrayContaining(['agency:ravenline', 'event:breach']));
    expect(view.inboundNeighbors('agency:ravenline')).toEqual(expect.arrayContaining(['claim:c2', 'event:breach', 'agency:nha']));
    expect(view.order).toBe(g.order);
    expect(view.hasNode('agency:nha')).toBe(true);
  });
});
