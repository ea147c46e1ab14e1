/**
 * The legend's model: which node and edge kinds a graph holds, with counts and colors in legend order, and
 * which nodes and edges stay visible when kinds are hidden. Pure: no DOM.
 */
import type Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import { EDGE_COLORS, EDGE_KINDS, NODE_COLORS, NODE_KINDS, STANCE_KINDS } from '../../../src/graph/schema';

export type EdgeGroup = 'stances' | 'reporting' | 'relations' | 'disputes';

export interface LegendEntry {
  kind: string;
  count: number;
  color: string;
}

export interface Legend {
  nodes: LegendEntry[];
  edges: { group: EdgeGroup; entries: LegendEntry[] }[];
}

const FALLBACK_COLOR = '#777777';

export const nodeColor = (kind: string): string => (NODE_COLORS as Record<string, string>)[kind] ?? FALLBACK_COLOR;
export const edgeColor = (kind: string): string => (EDGE_COLORS as Record<string, string>)[kind] ?? FALLBACK_COLOR;

/** Stances (stated/denied/questioned/confirmed), reporting (reported, about), disputes (contradicts) and relations (the rest). */
export function edgeGroupOf(kind: string): EdgeGroup {
  if ((STANCE_KINDS as readonly string[]).includes(kind)) return 'stances';
  if (kind === 'reported' || kind === 'about') return 'reporting';
  // claim against claim: neither a stance nor a relation between entities
  if (kind === 'contradicts') return 'disputes';
  return 'relations';
}

/** Known kinds in the schema's order, then kinds this viewer does not know yet, alphabetically. */
function ordered(counts: Map<string, number>, known: readonly string[], color: (k: string) => string): LegendEntry[] {
  const rest = [...counts.keys()].filter((k) => !known.includes(k)).sort();
  return [...known.filter((k) => counts.has(k)), ...rest].map((kind) => ({ kind, count: counts.get(kind) ?? 0, color: color(kind) }));
}

/** Counts every node and edge kind of the graph. */
export function buildLegend(graph: Graph): Legend {
  const nodeCounts = new Map<string, number>();
  const edgeCounts = new Map<string, number>();
  graph.forEachNode((_n, a) => nodeCounts.set(String(a.kind), (nodeCounts.get(String(a.kind)) ?? 0) + 1));
  graph.forEachEdge((_e, a) => edgeCounts.set(String(a.kind), (edgeCounts.get(String(a.kind)) ?? 0) + 1));
  const edges = ordered(edgeCounts, [...EDGE_KINDS], edgeColor);
  const groups: EdgeGroup[] = ['stances', 'reporting', 'relations', 'disputes'];
  return {
    nodes: ordered(nodeCounts, [...NODE_KINDS], nodeColor),
    edges: groups.map((group) => ({ group, entries: edges.filter((e) => edgeGroupOf(e.kind) === group) })).filter((g) => g.entries.length),
  };
}

export interface Visibility {
  hiddenNodeKinds: ReadonlySet<string>;
  hiddenEdgeKinds: ReadonlySet<string>;
  /** the stray nodes (strayNodes) are left out */
  hideStray?: boolean;
  stray?: ReadonlySet<string>;
  /** stray nodes that show all the same: the selected one and its neighbours, so a choice from search is seen whole */
  strayShown?: ReadonlySet<string>;
  /** nodes and edges whose every evidence lies in an article hidden by the article list or the date range (model/articles.ts) */
  outOfArticles?: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
}

/**
 * The largest group of nodes that counts as stray: a name alone, or a speaker with one claim. The layout packs
 * such groups in grid rows under the graph (a news graph has hundreds), where they add nothing to the graph's
 * structure but fill a third of the canvas. Three nodes can already be a story (two sources on one claim).
 */
export const STRAY_MAX = 2;

/** Nodes in connected components of at most STRAY_MAX nodes; none when that would be every node. */
export function strayNodes(graph: Graph): Set<string> {
  const stray = new Set<string>();
  for (const component of connectedComponents(graph)) if (component.length <= STRAY_MAX) for (const node of component) stray.add(node);
  return stray.size === graph.order ? new Set() : stray;
}

export function nodeVisible(graph: Graph, node: string, v: Visibility): boolean {
  if (v.hiddenNodeKinds.has(String(graph.getNodeAttribute(node, 'kind')))) return false;
  if (v.outOfArticles?.nodes.has(node)) return false;
  return !(v.hideStray && v.stray?.has(node) && !v.strayShown?.has(node));
}

/** An edge shows when its kind is shown, one of its articles is, and both its ends are. */
export function edgeVisible(graph: Graph, edge: string, v: Visibility): boolean {
  if (v.hiddenEdgeKinds.has(String(graph.getEdgeAttribute(edge, 'kind')))) return false;
  if (v.outOfArticles?.edges.has(edge)) return false;
  return nodeVisible(graph, graph.source(edge), v) && nodeVisible(graph, graph.target(edge), v);
}
