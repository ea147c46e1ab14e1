/**
 * Assertions shared by the export round-trip tests: what a reader got back, normalised to plain values,
 * against the graph that was written.
 */
import type { ClaimGraph } from '../../src/graph/load';

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
