/**
 * GEXF export: read back by graphology-gexf (1.3 and 1.2) and Debian's networkx 2.8 (1.2), validated against the
 * official GEXF 1.3 schema with xmllint, on the mini fixture and on a graph of nasty labels. networkx 3.x reads
 * both versions in gexf-networkx3.test.ts.
 */
import { join } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { writeGexf } from '../../src/export/gexf';
import { graphFromJson } from '../../src/graph/load';
import { syntheticGraph } from '../fixtures/synthetic-graph';
import { PRETTY_XML_LIMIT } from '../../src/export/xml-text';
import { edgeKinds, expectGexfReadByNetworkx, expectNodesRead, rgb, type ReadNode } from './expect-graph';
import { readWithNetworkx, testWith, xmllint } from './external-tools';
import { NASTY_KEYS, NASTY_LABELS, nastyGraph } from './nasty-graph';
import { fileSaver, miniClaimGraph as mini, TEST_GRAPHS } from './test-graphs';

/** The official XSD, vendored with its licence note (test/fixtures/schemas/gexf-1.3/README.md): a clone alone runs this. */
const GEXF_13_XSD = join(__dirname, '..', 'fixtures', 'schemas', 'gexf-1.3', 'gexf.xsd');

const save = fileSaver('claimgraph-gexf-');
const GRAPHS = TEST_GRAPHS;


/** A graphology graph's nodes in the shape the shared assertions take. */
function graphologyNodes(read: Graph): Map<string, ReadNode> {
  return new Map(read.mapNodes((key, a) => [key, a as unknown as ReadNode]));
}

describe.each(['1.3', '1.2'] as const)('GEXF %s read back by graphology-gexf', (version) => {
  test.each(GRAPHS)('%s: same nodes, labels, kinds, colors, positions, sizes; same edges and kinds', (_name, make) => {
    const graph = make();
    const read = parse(Graph, writeGexf(graph, { version }));
    expectNodesRead(graph, graphologyNodes(read), { xml: true });
    expect(Object.fromEntries(read.mapEdges((key, a) => [key, a.kind]))).toEqual(edgeKinds(graph));
    graph.forEachNode((key, node) => {
      // JSON text escapes control characters, so aliases and evidence come back exact, even what XML forbids
      expect(JSON.parse(read.getNodeAttribute(key, 'aliases') as string)).toEqual(node.aliases);
      expect(JSON.parse(read.getNodeAttribute(key, 'evidence') as string)).toEqual(node.evidence);
    });
    graph.forEachEdge((key, edge, source, target) => {
      expect([read.source(key), read.target(key)]).toEqual([source, target]);
      expect(JSON.parse(read.getEdgeAttribute(key, 'evidence') as string)).toEqual(edge.evidence);
      expect(rgb(read.getEdgeAttribute(key, 'color'))).toEqual(rgb(edge.color));
    });
  });
});

test.each(['1.3', '1.2'] as const)('GEXF %s writes a mixed graph directed and says which edges were not (networkx reads no mixed file)', (version) => {
  const graph = mini();
  const undirected = graph.filterEdges((key) => graph.isUndirected(key));
  expect(undirected.length).toBeGreaterThan(0);
  const gexf = writeGexf(graph, { version });
  expect(gexf).not.toContain('type="undirected"');
  const read = parse(Graph, gexf);
  expect(read.type).toBe('directed');
  expect(read.filterEdges((key) => read.getEdgeAttribute(key, 'directed') === false)).toEqual(undirected);
});

test.each(['1.3', '1.2'] as const)('GEXF %s writes colors as r, g, b (networkx reads no hex)', (version) => {
  const gexf = writeGexf(mini(), { version });
  const colors = gexf.match(/<viz:color\b[^>]*>/g) ?? [];
  expect(colors.length).toBeGreaterThan(mini().order);
  for (const color of colors) expect(color).toMatch(/ r="\d+" g="\d+" b="\d+"/);
});

test('the nasty labels come back as written, less the control characters XML 1.0 forbids', () => {
  const read = parse(Graph, writeGexf(nastyGraph()));
  const labels = read.mapNodes((_key, a) => a.label as string);
  for (const { inXml } of NASTY_LABELS) expect(labels).toContain(inXml);
  for (const key of NASTY_KEYS) expect(read.hasNode(key)).toBe(true);
  expect(read.getNodeAttribute('claim:nasty', 'text')).toBe(`the claim "${NASTY_LABELS[0]!.label}"\nholds 🚀`);
});

test('objects are written as JSON text, never "[object Object]"; graph attributes go to creator and description only', () => {
  const gexf = writeGexf(nastyGraph());
  expect(gexf).not.toContain('[object Object]');
  const read = parse(Graph, gexf);
  expect(JSON.parse(read.getNodeAttribute(NASTY_KEYS[0]!, 'extra') as string)).toEqual({ nested: [NASTY_LABELS[0]!.label] });
  expect(read.getNodeAttribute(NASTY_KEYS[0]!, 'central')).toBe(true);
  expect(read.getNodeAttribute(NASTY_KEYS[1]!, 'odd name & "quote" `tick`')).toBe(1);
  expect(Object.keys(read.getAttributes()).sort()).toEqual(['creator', 'description']);
  expect(read.getAttribute('creator')).toBe('claimgraph test <nasty> & "generator"');
});

test('GEXF 1.2 declares the viz namespace readers look for (graphology-gexf writes a malformed one)', () => {
  const gexf = writeGexf(mini(), { version: '1.2' });
  expect(gexf).toContain('xmlns:viz="http://www.gexf.net/1.2draft/viz"');
  expect(gexf).not.toContain('http:///');
  expect(gexf).toContain('xmlns="http://www.gexf.net/1.2draft"');
});

test('the same graph gives the same bytes, and writing leaves the graph as it was', () => {
  const graph = nastyGraph();
  const before = JSON.stringify(graph.export());
  expect(writeGexf(graph)).toBe(writeGexf(nastyGraph()));
  expect(JSON.stringify(graph.export())).toBe(before);
});

describe('GEXF 1.2 read back by Debian\'s networkx 2.8 (networkx 3: gexf-networkx3.test.ts)', () => {
  testWith('networkx').each(GRAPHS)('%s: same nodes, labels, kinds, colors, positions; same edges and kinds', (name, make) => {
    const graph = make();
    const reading = readWithNetworkx(save(`${name}.1.2.gexf`, writeGexf(graph, { version: '1.2' })), 'gexf');
    expectGexfReadByNetworkx(graph, reading);
  });

  testWith('networkx')('a 1.3 file is what networkx 2.8 cannot read (why 1.2 exists)', () => {
    expect(() => readWithNetworkx(save('mini.1.3.gexf', writeGexf(mini())), 'gexf')).toThrow(/No <graph> element|could not read/);
  });
});

describe('GEXF 1.3 against the official XSD', () => {
  testWith('xmllint').each(GRAPHS)('%s validates once its viz elements are set aside', (name, make) => {
    const gexf = writeGexf(make());
    // The XSD declares viz elements without their namespace (see its README): check those by reading back instead.
    const vizElements = gexf.match(/<viz:[a-z]+\b[^>]*\/>/g) ?? [];
    expect(vizElements.length).toBeGreaterThan(make().order * 2);
    const withoutViz = save(`${name}.noviz.gexf`, gexf.replace(/\s*<viz:[a-z]+\b[^>]*\/>/g, ''));
    const verdict = xmllint(withoutViz, GEXF_13_XSD);
    expect(verdict.output).toContain('validates');
    expect(verdict.ok).toBe(true);
  });

  testWith('xmllint')('the schema check can fail: an element the schema does not know is rejected', () => {
    const gexf = writeGexf(mini()).replace(/\s*<viz:[a-z]+\b[^>]*\/>/g, '').replace('<nodes>', '<nodes><bogus/>');
    expect(xmllint(save('bogus.gexf', gexf), GEXF_13_XSD).ok).toBe(false);
  });

  testWith('xmllint').each(['1.3', '1.2'] as const)('GEXF %s of the nasty graph is well-formed XML', (version) => {
    const verdict = xmllint(save(`nasty.${version}.wf.gexf`, writeGexf(nastyGraph(), { version })));
    expect(verdict).toEqual({ ok: true, output: '' });
  });
});

test('a graph above PRETTY_XML_LIMIT is written compact and reads back the same; `pretty` overrides', () => {
  const graph = graphFromJson(syntheticGraph(5_000, PRETTY_XML_LIMIT).export(), 'synthetic graph');
  const gexf = writeGexf(graph);
  expect(gexf.split('\n').length).toBeLessThan(4);
  const read = parse(Graph, gexf);
  expect([read.order, read.size]).toEqual([graph.order, graph.size]);
  expectNodesRead(graph, graphologyNodes(read), { xml: true });
  expect(Object.fromEntries(read.mapEdges((key, a) => [key, a.kind]))).toEqual(edgeKinds(graph));
  expect(writeGexf(graph, { pretty: true }).split('\n').length).toBeGreaterThan(graph.order);
  expect(writeGexf(mini(), { pretty: false }).split('\n').length).toBeLessThan(4);
});
