/**
 * Assertions shared by the export round-trip tests: what a reader got back, normalised to plain values,
 * against the graph that was written.
 */
import type { ClaimGraph } from '../../src/graph/load';
import type { NetworkxReading } from './external-tools';

/** A node as any reader gives it back. */
export interface ReadNode {
  label: unknown;
  kind: unknown;
  color: unknown;
  x: unknown;
  y: unknown;
  size: unknown;
}

/** A color as [r, g, b], from "#rrggbb", "#rgb", "rgb(r,g,b)" or networkx's {r, g, b}. */
export function rgb(color: unknown): [number, number, number] {
  if (typeof color === 'object' && color !== null && 'r' in color) {
    const c = color as { r: number; g: number; b: number };
    return [c.r, c.g, c.b];
  }
  const text = String(color).trim();
  const hex = /^#([0-9a-f]{6})$/i.exec(text)?.[1];
  if (hex) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const short = /^#([0-9a-f]{3})$/i.exec(text)?.[1];
  if (short) return [...short].map((c) => parseInt(c + c, 16)) as [number, number, number];
  const fn = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(text);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  throw new Error(`not a color: ${JSON.stringify(color)}`);
}

/** The characters XML 1.0 cannot carry (C0 controls but tab, LF, CR), removed: what an XML reader can get back. */
export function withoutXmlForbidden(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Every node of `graph` came back with its label, kind, color, position and size. */
export function expectNodesRead(graph: ClaimGraph, read: ReadonlyMap<string, ReadNode>, options: { xml: boolean }): void {
  expect(read.size).toBe(graph.order);
  graph.forEachNode((key, node) => {
    const got = read.get(key);
    if (!got) throw new Error(`node ${JSON.stringify(key)} was not read back`);
    expect({ key, label: got.label, kind: got.kind }).toEqual({ key, label: options.xml ? withoutXmlForbidden(node.label) : node.label, kind: node.kind });
    expect(rgb(got.color)).toEqual(rgb(node.color));
    expect(Number(got.x)).toBeCloseTo(node.x, 5);
    expect(Number(got.y)).toBeCloseTo(node.y, 5);
    expect(Number(got.size)).toBeCloseTo(node.size, 5);
  });
}

/** Edge kinds by edge key, as the graph holds them. */
export function edgeKinds(graph: ClaimGraph): Record<string, string> {
  return Object.fromEntries(graph.mapEdges((key, edge) => [key, edge.kind]));
}

/**
 * A GEXF file as networkx read it (2.8 or 3.x): every node with its label, kind, color, position and size; as
 * many edges, each with its kind, ends and evidence; and in a mixed graph (written directed) the `directed`
 * attribute that says which edges were undirected.
 */
export function expectGexfReadByNetworkx(graph: ClaimGraph, reading: NetworkxReading): void {
  const nodes = new Map(Object.entries(reading.nodes).map(([key, data]) => {
    const viz = data.viz as { color: unknown; size: unknown; position: { x: unknown; y: unknown } };
    return [key, { label: data.label, kind: data.kind, color: viz.color, size: viz.size, x: viz.position.x, y: viz.position.y }];
  }));
  expectNodesRead(graph, nodes, { xml: true });
  expect(reading.edges).toHaveLength(graph.size);
  expect(Object.fromEntries(reading.edges.map((e) => [e.id, e.data.kind]))).toEqual(edgeKinds(graph));
  const undirected = new Set(graph.filterEdges((key) => graph.isUndirected(key)));
  for (const e of reading.edges) {
    expect([e.source, e.target]).toEqual([graph.source(e.id!), graph.target(e.id!)]);
    expect(JSON.parse(e.data.evidence as string)).toEqual(graph.getEdgeAttribute(e.id!, 'evidence'));
    if (undirected.size) expect(e.data.directed).toBe(!undirected.has(e.id!));
  }
}
