/**
 * GraphML export: read back by networkx and graphology-graphml, on the mini fixture and on a graph of nasty labels.
 */
import Graph from 'graphology';
import { parse } from 'graphology-graphml';
import { writeGraphml } from '../../src/export/graphml';
import { graphFromJson } from '../../src/graph/load';
import { syntheticGraph } from '../fixtures/synthetic-graph';
import { PRETTY_XML_LIMIT } from '../../src/export/xml-text';
import { edgeKinds, expectNodesRead, type ReadNode } from './expect-graph';
import { readWithNetworkx, testWith, xmllint } from './external-tools';
import { NASTY_LABELS, nastyGraph } from './nasty-graph';
import { fileSaver, miniClaimGraph as mini, TEST_GRAPHS } from './test-graphs';

const save = fileSaver('claimgraph-graphml-');
const GRAPHS = TEST_GRAPHS;


describe('GraphML read back by graphology-graphml', () => {
  test.each(GRAPHS)('%s: same nodes, labels, kinds, colors, positions, sizes; same edges and kinds', (_name, make) => {
    const graph = make();
    const read = parse(Graph, writeGraphml(graph));
    expectNodesRead(graph, new Map(read.mapNodes((key, a) => [key, a as unknown as ReadNode])), { xml: true });
    expect(Object.fromEntries(read.mapEdges((key, a) => [key, a.kind]))).toEqual(edgeKinds(graph));
    graph.forEachNode((key, node) => {
      expect(JSON.parse(read.getNodeAttribute(key, 'aliases') as string)).toEqual(node.aliases);
      expect(JSON.parse(read.getNodeAttribute(key, 'evidence') as string)).toEqual(node.evidence);
      if (node.kind === 'claim') expect(read.getNodeAttribute(key, 'text')).toBe(node.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ''));
    });
    expect(JSON.parse(read.getAttribute('documents') as string)).toEqual(graph.getAttribute('documents'));
  });

  test('a mixed graph is written directed, with a `directed` attribute that names the undirected edges', () => {
    const graph = mini();
    const read = parse(Graph, writeGraphml(graph));
    expect(read.type).toBe('directed');
    expect(read.filterEdges((key) => read.getEdgeAttribute(key, 'directed') === false)).toEqual(graph.filterEdges((key) => graph.isUndirected(key)));
  });

  test('attributes outside the contract keep their types; objects become JSON text', () => {
    const read = parse(Graph, writeGraphml(nastyGraph()));
    const [first] = read.nodes();
    expect(read.getNodeAttribute(first!, 'community')).toBe(0);
    expect(read.getNodeAttribute(first!, 'central')).toBe(true);
    expect(read.getNodeAttribute(read.nodes()[1]!, 'odd name & "quote" `tick`')).toBe(1);
    expect(JSON.parse(read.getNodeAttribute(first!, 'extra') as string)).toEqual({ nested: [NASTY_LABELS[0]!.label] });
    expect(writeGraphml(nastyGraph())).not.toContain('[object Object]');
  });

  test('the same graph gives the same bytes', () => {
    expect(writeGraphml(nastyGraph())).toBe(writeGraphml(nastyGraph()));
  });
});

describe('GraphML read back by networkx', () => {
  testWith('networkx').each(GRAPHS)('%s: same nodes, labels, kinds, colors, positions; same edges and kinds', (name, make) => {
    const graph = make();
    const reading = readWithNetworkx(save(`${name}.graphml`, writeGraphml(graph)), 'graphml');
    expectNodesRead(graph, new Map(Object.entries(reading.nodes).map(([key, data]) => [key, data as unknown as ReadNode])), { xml: true });
    expect(reading.edges).toHaveLength(graph.size);
    expect(Object.fromEntries(reading.edges.map((e) => [e.id, e.data.kind]))).toEqual(edgeKinds(graph));
    for (const e of reading.edges) expect([e.source, e.target]).toEqual([graph.source(e.id!), graph.target(e.id!)]);
    expect(reading.graph.generator).toBe(graph.getAttribute('generator'));
  });

  testWith('networkx')('labels with line breaks, quotes and emoji come back exactly (carriage returns too)', () => {
    const reading = readWithNetworkx(save('nasty-labels.graphml', writeGraphml(nastyGraph())), 'graphml');
    const labels = Object.values(reading.nodes).map((n) => n.label);
    for (const { inXml } of NASTY_LABELS) expect(labels).toContain(inXml);
  });

  testWith('xmllint')('the nasty graph is well-formed XML', () => {
    expect(xmllint(save('nasty.wf.graphml', writeGraphml(nastyGraph())))).toEqual({ ok: true, output: '' });
  });
});

test('a graph above PRETTY_XML_LIMIT is written compact and reads back the same', () => {
  const graph = graphFromJson(syntheticGraph(5_000, PRETTY_XML_LIMIT).export(), 'synthetic graph');
  const graphml = writeGraphml(graph);
  expect(graphml.split('\n').length).toBeLessThan(4);
  const read = parse(Graph, graphml);
  expectNodesRead(graph, new Map(read.mapNodes((key, a) => [key, a as unknown as ReadNode])), { xml: true });
  expect(Object.fromEntries(read.mapEdges((key, a) => [key, a.kind]))).toEqual(edgeKinds(graph));
});
