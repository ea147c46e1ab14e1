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
  return new Map(nodes.map((n, i) => [n, sunflower({ x: 0, y: 0 }, 10 * Math.sqrt(i + 1), i)]));
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
 * Peels the trees that hang off a component: repeatedly takes away nodes with one neighbour left, recording
 * that neighbour as the node's hub. What stays is the component's cycles and the paths between them; for a
 * component that is a tree, its last node. Deterministic: nodes are peeled in key order, level by level.
 */
function peelTrees(nodes: string[], neighborsOf: Map<string, string[]>): { hubOf: Map<string, string>; peelOrder: string[] } {
  const degree = new Map(nodes.map((n) => [n, neighborsOf.get(n)!.length]));
  const hubOf = new Map<string, string>();
  const peelOrder: string[] = [];
  let level = nodes.filter((n) => degree.get(n) === 1);
  while (level.length) {
    const next: string[] = [];
    for (const n of level) {
      if (hubOf.size === nodes.length - 1) break;
      const hub = neighborsOf.get(n)!.find((m) => !hubOf.has(m));
      if (hub === undefined || hubOf.has(n)) continue;
      hubOf.set(n, hub);
      peelOrder.push(n);
      const left = degree.get(hub)! - 1;
      degree.set(hub, left);
      if (left === 1) next.push(hub);
    }
    level = next.sort(byString);
  }
  return { hubOf, peelOrder };
}

/**
 * Lays out one component. ForceAtlas2 runs over its core of entities only; then
 * - a satellite (a claim whose remaining neighbours are all core entities: its speakers, outlets and what it
 *   is about) goes to the centre of its neighbours, ForceAtlas2 having pulled them together as if joined;
 * - the trees peeled off (a claim with only its speaker, and an entity named only in that claim) go on
 *   sunflower discs around their hubs, each level closer in than the one before.
 * Neither adds structure, and leaving them out makes ForceAtlas2 several times faster on news graphs, whose
 * nodes are mostly claims (its cost grows with the nodes it moves).
 */
function layoutComponent(graph: ClaimGraph, nodes: string[], options: ComponentLayoutOptions): Map<string, Point> {
  if (nodes.length < 3) return forceLayout(graph, nodes, options);
  const neighborsOf = new Map(nodes.map((n) => [n, graph.neighbors(n).sort(byString)]));
  const { hubOf, peelOrder } = peelTrees(nodes, neighborsOf);
  const isEntity = (m: string) => graph.getNodeAttribute(m, 'kind') !== 'claim';
  const satellites = new Map<string, string[]>();
  for (const n of nodes) {
    if (hubOf.has(n) || isEntity(n)) continue;
    const ends = neighborsOf.get(n)!.filter((m) => !hubOf.has(m));
    if (ends.length >= 2 && ends.every(isEntity)) satellites.set(n, ends);
  }
  const core = nodes.filter((n) => !hubOf.has(n) && !satellites.has(n));
  const pulls: [string, string][] = [];
  for (const ends of satellites.values()) for (let i = 0; i < ends.length; i++) for (let j = i + 1; j < ends.length; j++) pulls.push([ends[i]!, ends[j]!]);
  const positions = forceLayout(graph, core, options, pulls);
  const unit = typicalUnit(graph, positions);
  placeSatellites(satellites, positions, unit);

  // Trees: hubs before what hangs off them (the reverse of the peel order), each hub's nodes on a sunflower,
  // smaller for nodes that hang off a node that was itself peeled.
  const hung = new Map<string, number>();
  for (let i = peelOrder.length - 1; i >= 0; i--) {
    const n = peelOrder[i]!;
    const hub = hubOf.get(n)!;
    const k = hung.get(hub) ?? 0;
    hung.set(hub, k + 1);
    const scale = hubOf.has(hub) ? 0.5 : 1;
    positions.set(n, sunflower(positions.get(hub)!, scale * unit * (1 + 0.6 * Math.sqrt(k)), k));
  }
  return positions;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function sunflower(centre: Point, radius: number, i: number): Point {
  return { x: centre.x + radius * Math.cos(i * GOLDEN_ANGLE), y: centre.y + radius * Math.sin(i * GOLDEN_ANGLE) };
}

/**
 * Satellites at the centre of their neighbours. Several with the same neighbours spread out: across the segment
 * when there are two ends (so that each stays between them), on a small sunflower around the centre otherwise.
 */
function placeSatellites(satellites: Map<string, string[]>, positions: Map<string, Point>, unit: number): void {
  const seen = new Map<string, number>();
  for (const [n, ends] of satellites) {
    const group = ends.join('\u0000');
    const k = seen.get(group) ?? 0;
    seen.set(group, k + 1);
    const points = ends.map((e) => positions.get(e)!);
    const centre = { x: points.reduce((s, p) => s + p.x, 0) / points.length, y: points.reduce((s, p) => s + p.y, 0) / points.length };
    if (points.length === 2) {
      const [pa, pb] = points as [Point, Point];
      const length = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1;
      const offset = unit * 0.6 * Math.ceil(k / 2) * (k % 2 === 0 ? 1 : -1);
      positions.set(n, { x: centre.x - ((pb.y - pa.y) / length) * offset, y: centre.y + ((pb.x - pa.x) / length) * offset });
    } else {
      positions.set(n, k === 0 ? centre : sunflower(centre, unit * 0.6 * Math.sqrt(k), k));
    }
  }
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
