/**
 * claimgraph layout: ForceAtlas2 run on each connected component apart (from a seeded golden-angle spiral),
 * then the components packed in rows, largest first. News graphs are mostly many small components (a claim
 * and its speaker); laying each out alone is fast and keeps them from drifting into each other.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { connectedComponents } from 'graphology-components';
import type { ClaimGraph } from '../graph/load';

export interface Point {
  x: number;
  y: number;
}

export interface ComponentLayoutOptions {
  /** ForceAtlas2 iterations for every component; by default each gets as many as a fixed budget of work allows */
  iterations?: number;
}

/** Node-iterations that one component's ForceAtlas2 may spend (nodes × iterations): keeps big graphs fast. */
const WORK_BUDGET = 15_000;
const MAX_ITERATIONS = 100;
const MIN_ITERATIONS = 15;
/** Components above this order use the Barnes-Hut approximation. */
const BARNES_HUT_FROM = 1000;
/** Room around each packed component, in layout units. */
const GAP = 12;

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A spread-out, deterministic start: the golden-angle spiral, in the given node order. */
function spiral(nodes: string[]): Map<string, Point> {
  const golden = Math.PI * (3 - Math.sqrt(5));
  return new Map(nodes.map((n, i) => [n, { x: 10 * Math.sqrt(i + 1) * Math.cos(i * golden), y: 10 * Math.sqrt(i + 1) * Math.sin(i * golden) }]));
}

/**
 * ForceAtlas2 over some nodes of a component (a plain copy of them, the edges among them and `extraEdges`),
 * from the spiral start.
 */
function forceLayout(graph: ClaimGraph, nodes: string[], options: ComponentLayoutOptions, extraEdges: [string, string][] = []): Map<string, Point> {
  const start = spiral(nodes);
  // one or two nodes: the spiral start is already a fine layout, and ForceAtlas2 would only rescale it
  if (nodes.length < 3) return start;
  const sub = new Graph({ type: 'undirected', multi: true, allowSelfLoops: false });
  for (const n of nodes) sub.addNode(n, { ...start.get(n)! });
  // each directed edge from its source, each undirected edge from its recorded source: every edge once
  for (const n of nodes) {
    graph.forEachOutEdge(n, (_e, _a, source, target) => {
      if (source !== target && sub.hasNode(target)) sub.addEdge(source, target);
    });
    graph.forEachUndirectedEdge(n, (_e, _a, source, target) => {
      if (source === n && source !== target && sub.hasNode(target)) sub.addEdge(source, target);
    });
  }
  for (const [a, b] of extraEdges) if (a !== b) sub.addEdge(a, b);
  const iterations = options.iterations ?? Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, Math.floor(WORK_BUDGET / nodes.length)));
  const settings = { ...forceAtlas2.inferSettings(sub), barnesHutOptimize: nodes.length > BARNES_HUT_FROM };
  const positions = forceAtlas2(sub, { iterations, settings, getEdgeWeight: null });
  return new Map(nodes.map((n) => [n, positions[n] ?? start.get(n)!]));
}

/** Half the median distance between neighbours placed so far: the scale for halos and offsets. */
function typicalUnit(graph: ClaimGraph, positions: Map<string, Point>): number {
  const lengths: number[] = [];
  for (const [n, a] of positions) {
    for (const m of graph.neighbors(n)) {
      const b = positions.get(m);
      if (b && n < m) lengths.push(Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  lengths.sort((a, b) => a - b);
  return Math.max(1, 0.25 * (lengths[Math.floor(lengths.length / 2)] ?? 8));
}

/**
 * Lays out one component. ForceAtlas2 runs over its core only; then
 * - a bridge (a claim between exactly two core entities: a speaker and what it is about) goes on the line
 *   between them, ForceAtlas2 having pulled them together as if joined directly;
 * - a leaf (one neighbour: most claims, with a speaker and nothing else) goes on a sunflower disc around it.
 * Neither adds structure, and leaving them out makes ForceAtlas2 several times faster on news graphs.
 */
function layoutComponent(graph: ClaimGraph, nodes: string[], options: ComponentLayoutOptions): Map<string, Point> {
  if (nodes.length < 3) return forceLayout(graph, nodes, options);
  const neighborsOf = new Map(nodes.map((n) => [n, graph.neighbors(n).sort(byString)]));
  const hubOf = new Map<string, string>();
  for (const [n, neighbors] of neighborsOf) if (neighbors.length === 1) hubOf.set(n, neighbors[0]!);
  // a leaf whose only neighbour is a leaf too is a two-node component, handled above
  const bridges = new Map<string, [string, string]>();
  for (const [n, neighbors] of neighborsOf) {
    if (neighbors.length !== 2 || hubOf.has(n) || graph.getNodeAttribute(n, 'kind') !== 'claim') continue;
    const [a, b] = neighbors as [string, string];
    const inCore = (m: string) => !hubOf.has(m) && graph.getNodeAttribute(m, 'kind') !== 'claim';
    if (inCore(a) && inCore(b)) bridges.set(n, [a, b]);
  }
  const core = nodes.filter((n) => !hubOf.has(n) && !bridges.has(n));
  const positions = forceLayout(graph, core, options, [...bridges.values()]);
  const unit = typicalUnit(graph, positions);

  // bridges: on the segment's midpoint, several between the same two ends spread across it
  const perPair = new Map<string, number>();
  for (const [n, [a, b]] of bridges) {
    const pa = positions.get(a)!, pb = positions.get(b)!;
    const k = perPair.get(`${a}\u0000${b}`) ?? 0;
    perPair.set(`${a}\u0000${b}`, k + 1);
    const length = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1;
    const offset = unit * 0.6 * Math.ceil(k / 2) * (k % 2 === 0 ? 1 : -1);
    positions.set(n, { x: (pa.x + pb.x) / 2 - ((pb.y - pa.y) / length) * offset, y: (pa.y + pb.y) / 2 + ((pb.x - pa.x) / length) * offset });
  }

  // leaves: a sunflower disc around their hub
  const golden = Math.PI * (3 - Math.sqrt(5));
  const leavesOf = new Map<string, string[]>();
  for (const n of nodes) {
    const hub = hubOf.get(n);
    if (hub !== undefined) leavesOf.set(hub, [...(leavesOf.get(hub) ?? []), n]);
  }
  for (const [hub, leaves] of leavesOf) {
    const centre = positions.get(hub)!;
    leaves.forEach((leaf, i) => {
      const r = unit * (1 + 0.6 * Math.sqrt(i));
      positions.set(leaf, { x: centre.x + r * Math.cos(i * golden), y: centre.y + r * Math.sin(i * golden) });
    });
  }
  return positions;
}

interface Placed {
  positions: Map<string, Point>;
  minX: number;
  minY: number;
  width: number;
  height: number;
}

function bounds(positions: Map<string, Point>): Placed {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const { x, y } of positions.values()) {
    minX = Math.min(minX, x); minY = Math.min(minY, y); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
  }
  return { positions, minX, minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Positions for every node: each component laid out alone, then packed in rows about as wide as the packing
 * is tall, largest components first (ties by their first key), centred on the origin.
 */
export function componentLayout(graph: ClaimGraph, options: ComponentLayoutOptions = {}): Map<string, Point> {
  const components = connectedComponents(graph)
    .map((c) => c.sort(byString))
    .sort((a, b) => b.length - a.length || byString(a[0]!, b[0]!));
  const placed = components.map((nodes) => bounds(layoutComponent(graph, nodes, options)));
  const area = placed.reduce((s, p) => s + (p.width + GAP) * (p.height + GAP), 0);
  const rowWidth = Math.max(Math.sqrt(area), ...placed.map((p) => p.width + GAP));
  const out = new Map<string, Point>();
  let cursorX = 0, cursorY = 0, rowHeight = 0, maxX = 0;
  for (const p of placed) {
    if (cursorX > 0 && cursorX + p.width >= rowWidth) {
      cursorX = 0;
      cursorY += rowHeight + GAP;
      rowHeight = 0;
    }
    for (const [n, { x, y }] of p.positions) out.set(n, { x: cursorX + (x - p.minX), y: cursorY + (y - p.minY) });
    cursorX += p.width + GAP;
    maxX = Math.max(maxX, cursorX);
    rowHeight = Math.max(rowHeight, p.height);
  }
  const midX = (maxX - GAP) / 2, midY = (cursorY + rowHeight) / 2;
  // y grows downwards in the packing; viewers draw y upwards, so the largest component ends at the top
  for (const p of out.values()) {
    p.x -= midX;
    p.y = midY - p.y;
  }
  return out;
}
