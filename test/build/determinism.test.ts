/**
 * Tests of determinism and layout: the same input gives the same keys, positions and bytes; every node is
 * placed (ForceAtlas2 from a seeded start) and styled by kind, so a viewer can draw the file at once.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../src/graph/build';
import { EDGE_COLORS, NODE_COLORS } from '../../src/graph/schema';
import { applyLayout } from '../../src/layout/layout';
import { buildFromSources, type SourceFile } from '../../src/pipeline/build-from-sources';
import { graphToGexfText, graphToJsonText } from '../../src/pipeline/serialize';
import { syntheticExtraction } from './synthetic-extraction';

const FIXTURES = join(__dirname, 'fixtures', 'articles');
// HTML needs linkedom, which jest on Node 20 cannot load: the CLI test builds it; here the text articles.
const textSources = (): SourceFile[] =>
  readdirSync(FIXTURES).filter((f) => !f.endsWith('.html')).sort().map((f) => ({ file: f, path: `articles/${f}`, bytes: readFileSync(join(FIXTURES, f)) }));

function laidOut(extractions = [syntheticExtraction('a-board'), syntheticExtraction('b-board')]) {
  const graph = buildGraph(extractions);
  applyLayout(graph);
  return graph;
}

describe('determinism', () => {
  it('builds byte-identical JSON and GEXF twice, and the same whatever the order of the inputs', () => {
    const once = buildFromSources(textSources());
    const twice = buildFromSources(textSources().reverse());
    expect(once.errors).toEqual([]);
    expect(graphToJsonText(twice.graph)).toBe(graphToJsonText(once.graph));
    expect(graphToGexfText(twice.graph)).toBe(graphToGexfText(once.graph));
  });

  it('lays out a non-empty graph identically twice, with keys in sorted order within each kind', () => {
    const a = laidOut();
    const b = laidOut([syntheticExtraction('b-board'), syntheticExtraction('a-board')]);
    expect(graphToJsonText(b)).toBe(graphToJsonText(a));
    const entityKeys = a.filterNodes((_, n) => n.kind !== 'claim');
    expect(entityKeys).toEqual([...entityKeys].sort());
    expect(a.edges()).toEqual([...a.edges()].sort());
  });
});

describe('layout', () => {
  it('places every node at a finite, distinct position and styles nodes and edges by kind', () => {
    const graph = laidOut();
    expect(graph.order).toBeGreaterThan(5);
    const positions = new Set<string>();
    graph.forEachNode((_, n) => {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      positions.add(`${n.x},${n.y}`);
      expect(n.color).toBe(NODE_COLORS[n.kind]);
      expect(n.size).toBeGreaterThan(0);
    });
    expect(positions.size).toBe(graph.order);
    graph.forEachEdge((_, e) => expect(e.color).toBe(EDGE_COLORS[e.kind]));
    // entities that many edges touch are drawn larger than claims
    const board = graph.getNodeAttribute('organization:harbor-board', 'size');
    graph.forEachNode((_, n) => n.kind === 'claim' && expect(n.size).toBeLessThan(board));
  });
});
