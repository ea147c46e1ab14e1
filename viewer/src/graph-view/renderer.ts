/**
 * The Sigma renderer of a claimgraph graph: programs (claims as squares, curved arrows for parallel edges),
 * colors by kind, the reducers that hide filtered kinds and fade all but the hovered or selected node's
 * neighbourhood (or all but a chosen dispute), as in Sigma's own examples, and labels placed so that they
 * neither overlap nor leave the canvas (labels.ts). Edges take clicks.
 */
import Sigma from 'sigma';
import type Graph from 'graphology';
import { EdgeArrowProgram, EdgeRectangleProgram, NodeCircleProgram, type EdgeProgramType, type NodeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import EdgeCurveProgram, { DEFAULT_EDGE_CURVATURE, EdgeCurvedArrowProgram, indexParallelEdgesIndex } from '@sigma/edge-curve';
import type { Settings } from 'sigma/settings';
import { edgeColor, edgeVisible, nodeColor, nodeVisible, type Visibility } from '../model/filters';
import { drawNodeHover, LabelLayer, PlacedSquareProgram } from './labels';

export interface FocusState {
  hovered: string | null;
  selected: string | null;
  /** nodes rows of the claims list point at (an entity's claims, say); drawn highlighted */
  marked: ReadonlySet<string>;
  /**
   * a chosen dispute's speakers, claims and edges (model/disputes.ts): while set, and nothing is hovered, they
   * alone keep their color and the rest fades, as a node's neighbourhood does when it is selected
   */
  highlight: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null;
  visibility: Visibility;
}

/** Attributes the viewer adds to edges for drawing; stripped again on export. */
export const VIEWER_EDGE_ATTRIBUTES = ['parallelIndex', 'parallelMinIndex', 'parallelMaxIndex', 'curvature'] as const;

const FADED_NODE = '#e4e4e4';
const CLAIM_LABEL_MAX = 48;
const FORCED_LABELS_MAX = 7;
const FORCED_ENTITY_LABELS_MAX = 300;
const SMALL_GRAPH = 80;
const LARGE_GRAPH_EDGES = 5000;

/** Claim labels are sentences: cut to a readable length on the canvas (the panel shows them whole). */
export function shortLabel(label: string, max = CLAIM_LABEL_MAX): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** Curvature for the i-th of a bundle of parallel edges, after Sigma's parallel-edges example. */
function curvatureFor(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  const amplitude = 3.5;
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * DEFAULT_EDGE_CURVATURE;
  return (maxCurvature * index) / maxIndex;
}

/** Marks parallel edges (same pair of nodes) so that they are drawn as distinct curves. */
export function indexParallelEdges(graph: Graph): void {
  indexParallelEdgesIndex(graph, { edgeIndexAttribute: 'parallelIndex', edgeMinIndexAttribute: 'parallelMinIndex', edgeMaxIndexAttribute: 'parallelMaxIndex' });
  graph.forEachEdge((edge, attrs) => {
    const index = attrs.parallelIndex as number | null | undefined;
    const max = attrs.parallelMaxIndex as number | null | undefined;
    if (typeof index === 'number' && typeof max === 'number') graph.setEdgeAttribute(edge, 'curvature', curvatureFor(index, max));
    else graph.removeEdgeAttribute(edge, 'curvature');
  });
}

/** The neighbourhood that stays when `node` has the focus: itself and every node one edge away. */
export function neighbourhood(graph: Graph, node: string | null): Set<string> {
  if (node === null || !graph.hasNode(node)) return new Set();
  return new Set([node, ...graph.neighbors(node)]);
}

/**
 * Only the programs this graph draws: each one is a WebGL shader pair to compile, which is the bulk of the
 * first frame under software rendering.
 */
function programsFor(graph: Graph): { nodeProgramClasses: Record<string, NodeProgramType>; edgeProgramClasses: Record<string, EdgeProgramType> } {
  const nodeProgramClasses: Record<string, NodeProgramType> = { circle: NodeCircleProgram };
  const edgeProgramClasses: Record<string, EdgeProgramType> = { arrow: EdgeArrowProgram };
  if (graph.someNode((_n, a) => a.kind === 'claim')) nodeProgramClasses.square = PlacedSquareProgram;
  graph.forEachEdge((edge, attrs) => {
    const curved = typeof attrs.curvature === 'number';
    const undirected = graph.isUndirected(edge);
    if (curved && undirected) edgeProgramClasses.curvedLine = EdgeCurveProgram;
    else if (curved) edgeProgramClasses.curved = EdgeCurvedArrowProgram;
    // a straight line with the edge's width (Sigma's EdgeLineProgram draws every line one pixel wide)
    else if (undirected) edgeProgramClasses.line = EdgeRectangleProgram;
  });
  return { nodeProgramClasses, edgeProgramClasses };
}

export function createRenderer(graph: Graph, container: HTMLElement, focus: () => FocusState): Sigma {
  indexParallelEdges(graph);
  let cachedFocus: string | null = null;
  let cachedNeighbours = new Set<string>();
  const neighboursOf = (node: string | null) => {
    if (node !== cachedFocus) {
      cachedFocus = node;
      cachedNeighbours = neighbourhood(graph, node);
    }
    return cachedNeighbours;
  };

  const nodeReducer = (node: string, data: Record<string, unknown>): Partial<NodeDisplayData> => {
    const state = focus();
    const kind = String(data.kind);
    const label = String(data.label ?? node);
    const res: Partial<NodeDisplayData> = {
      ...(data as Partial<NodeDisplayData>),
      type: kind === 'claim' ? 'square' : 'circle',
      color: nodeColor(kind),
      label: kind === 'claim' ? shortLabel(label) : label,
    };
    // the selected node shows even when a filter hides it: search can pick a stray node
    if (!nodeVisible(graph, node, state.visibility) && node !== state.selected) return { ...res, hidden: true };
    // in a small graph every entity is named; a large one leaves the choice to Sigma's label grid
    if (kind !== 'claim' && graph.order <= SMALL_GRAPH) res.forceLabel = true;
    const highlight = state.hovered === null ? state.highlight : null;
    const focusNode = highlight ? null : state.hovered ?? state.selected;
    if (highlight) {
      if (highlight.nodes.has(node)) {
        // the speakers' names always show; a claim's sentence where it leaves them room (the panel has it whole)
        res.forceLabel = true;
        res.highlighted = kind !== 'claim';
        res.zIndex = kind === 'claim' ? 2 : 3;
      } else {
        res.color = FADED_NODE;
        res.label = '';
        res.forceLabel = false;
        res.zIndex = 0;
      }
    } else if (focusNode !== null) {
      const neighbours = neighboursOf(focusNode);
      if (neighbours.has(node)) {
        // entity names show, unless the neighbourhood is a crowd; claim sentences in a small neighbourhood or a
        // small graph; else Sigma's label grid offers some. The label layer keeps only those that fit.
        res.forceLabel = kind !== 'claim' ? neighbours.size <= FORCED_ENTITY_LABELS_MAX : neighbours.size <= FORCED_LABELS_MAX || graph.order <= SMALL_GRAPH;
        res.zIndex = 2;
      } else {
        res.color = FADED_NODE;
        res.label = '';
        res.forceLabel = false;
        res.zIndex = 0;
      }
    }
    if (node === state.selected || state.marked.has(node)) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 3;
    }
    return res;
  };

  const edgeReducer = (edge: string, data: Record<string, unknown>): Partial<EdgeDisplayData> => {
    const state = focus();
    const res: Partial<EdgeDisplayData> & { curvature?: number } = { ...(data as Partial<EdgeDisplayData>), color: edgeColor(String(data.kind)) };
    const curved = typeof data.curvature === 'number';
    const undirected = graph.isUndirected(edge);
    res.type = curved ? (undirected ? 'curvedLine' : 'curved') : undirected ? 'line' : 'arrow';
    if (!edgeVisible(graph, edge, state.visibility)) return { ...res, hidden: true };
    const highlight = state.hovered === null ? state.highlight : null;
    const focusNode = highlight ? null : state.hovered ?? state.selected;
    if (highlight) {
      if (!highlight.edges.has(edge)) res.hidden = true;
      else {
        res.size = Math.max(Number(data.size ?? 1), 1) * 2;
        res.zIndex = 2;
      }
    } else if (focusNode !== null && !graph.extremities(edge).includes(focusNode)) res.hidden = true;
    else if (focusNode !== null) {
      res.size = Math.max(Number(data.size ?? 1), 1) * 1.6;
      res.zIndex = 1;
    }
    return res;
  };

  const { nodeProgramClasses, edgeProgramClasses } = programsFor(graph);
  const labels = new LabelLayer();
  const sigma = new Sigma(graph, container, {
    nodeProgramClasses,
    edgeProgramClasses,
    defaultNodeType: 'circle',
    defaultEdgeType: 'arrow',
    renderEdgeLabels: false,
    ...LABEL_SETTINGS,
    defaultDrawNodeLabel: labels.queueLabel,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 8,
    stagePadding: 40,
    // clicking an edge opens its evidence
    enableEdgeEvents: true,
    // a large graph pans and zooms with its edges and labels hidden, as Gephi Lite and Retina do
    hideEdgesOnMove: graph.size > LARGE_GRAPH_EDGES,
    hideLabelsOnMove: graph.size > LARGE_GRAPH_EDGES,
    nodeReducer,
    edgeReducer,
  });
  labels.attach(sigma);
  return sigma;
}

/**
 * How labels look and how many Sigma offers: one candidate per 140-pixel cell (about a short label's width),
 * more as one zooms in, at 0.7 of Sigma's default density, and none for nodes drawn smaller than 6 pixels;
 * the label layer then drops those that would overlap.
 */
export const LABEL_SETTINGS = {
  labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  labelSize: 13,
  labelWeight: '500',
  labelColor: { color: '#1d2330' },
  labelDensity: 0.7,
  labelGridCellSize: 140,
  labelRenderedSizeThreshold: 6,
  defaultDrawNodeHover: drawNodeHover,
} satisfies Partial<Settings>;

/** Settings for another renderer of the same graph (the image export), with its own label layer. */
export function labelSettingsFor(): { settings: Partial<Settings>; layer: LabelLayer } {
  const layer = new LabelLayer();
  return { settings: { ...LABEL_SETTINGS, defaultDrawNodeLabel: layer.queueLabel }, layer };
}
