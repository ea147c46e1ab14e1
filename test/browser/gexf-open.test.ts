/**
 * The viewer's GEXF reading without a browser: claimgraph's own GEXF (1.3 and 1.2, and the committed
 * graph-data/graph.gexf) comes back as the graph it was written from, less the article texts, which GEXF cannot
 * hold: same nodes, kinds, colors, edges, relations and undirected edges, evidence kept as offsets.
 * The real page opens the files the CLI writes in files.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { writeGexf } from '../../src/export/gexf';
import { graphFromJson, graphFromJsonText, type ClaimGraph } from '../../src/graph/load';
import { validateSerializedGraph } from '../../src/graph/schema';
import { cssColorToHex, normalizeGexfGraph } from '../../viewer/src/model/parse';
import { miniGraph } from '../fixtures/mini-graph';

// the browser build of graphology-gexf needs DOMParser when it loads; here graphology-gexf's node build parses
jest.mock('graphology-gexf/browser', () => ({ parse: () => { throw new Error('GEXF needs a browser'); }, write: () => '' }));

const DATA = join(__dirname, '..', '..', 'graph-data');
const mini = (): ClaimGraph => graphFromJson(miniGraph().export(), 'mini graph');

/** What the viewer makes of a GEXF text (parseGexf, with graphology-gexf's node parser in place of DOMParser). */
const openGexf = (text: string): ClaimGraph => graphFromJson(normalizeGexfGraph(parse(Graph, text)), 'test.gexf', { textless: true });

/** Everything but the documents, in a form to compare (-0 as 0: XML writes both as 0). */
function shape(graph: ClaimGraph) {
  return {
    nodes: graph.mapNodes((key, a) => ({ key, kind: a.kind, label: a.label, aliases: a.aliases, evidence: a.evidence, color: a.color, x: a.x || 0, y: a.y || 0 })),
    edges: graph.mapEdges((key, a, source, target, _sa, _ta, undirected) => ({ key, kind: a.kind, source, target, undirected, evidence: a.evidence, color: a.color })),
  };
}

describe.each(['1.3', '1.2'] as const)('claimgraph GEXF %s opens in the viewer', (version) => {
  test('the mini graph: same nodes, edges, relations, directions, colors and evidence offsets', () => {
    const graph = mini();
    expect(shape(openGexf(writeGexf(graph, { version })))).toEqual(shape(graph));
  });
});

test('the committed graph-data/graph.gexf opens as graph.json less its texts', () => {
  const json = graphFromJsonText(readFileSync(join(DATA, 'graph.json'), 'utf8'), 'graph.json');
  const opened = openGexf(readFileSync(join(DATA, 'graph.gexf'), 'utf8'));
  expect(shape(opened)).toEqual(shape(json));
  expect(opened.getAttribute('documents')).toEqual([]);
  expect(opened.getAttribute('generator')).toBe(json.getAttribute('generator'));
});

test('without a document, evidence is refused unless the file is textless; an inverted span is refused either way', () => {
  const data = miniGraph().export();
  const noDocs = { ...data, attributes: { ...data.attributes, documents: [] } };
  expect(() => validateSerializedGraph(noDocs, 'x.gexf')).toThrow(/evidence names unknown document/);
  expect(validateSerializedGraph(noDocs, 'x.gexf', { textless: true }).nodes).toHaveLength(data.nodes.length);
  const inverted = structuredClone(noDocs);
  inverted.nodes[0]!.attributes!.evidence = [{ doc: 'elsewhere', start: 9, end: 3 }];
  expect(() => validateSerializedGraph(inverted, 'x.gexf', { textless: true })).toThrow(/ends before it starts/);
});

test('colors read back as rgb() become hex again; other color texts are kept', () => {
  expect(cssColorToHex('rgb(0, 114, 178)')).toBe('#0072B2');
  expect(cssColorToHex('#0072B2')).toBe('#0072B2');
  expect(cssColorToHex('rgba(1,2,3,0.5)')).toBe('rgba(1,2,3,0.5)');
});
