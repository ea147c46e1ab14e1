/**
 * Export of the current view: a PNG of the canvas (@sigma/export-image), and the visible part of the graph
 * (hidden kinds left out) as graphology JSON or GEXF, with the viewer's own drawing attributes removed.
 */
import Graph from 'graphology';
import type Sigma from 'sigma';
import { downloadAsPNG } from '@sigma/export-image';
import { write as writeGexf } from 'graphology-gexf/browser';
import { edgeVisible, nodeVisible, type Visibility } from '../model/filters';
import { VIEWER_EDGE_ATTRIBUTES } from './renderer';

/** A copy of the graph with only what the filters show; graph attributes (documents) are kept. */
export function visibleSubgraph(graph: Graph, visibility: Visibility): Graph {
  const copy = new Graph({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops });
  copy.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((node, attrs) => {
    if (nodeVisible(graph, node, visibility)) copy.addNode(node, { ...attrs });
  });
  graph.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => {
    if (!edgeVisible(graph, edge, visibility)) return;
    const clean = { ...attrs };
    for (const name of VIEWER_EDGE_ATTRIBUTES) delete clean[name];
    if (undirected) copy.addUndirectedEdgeWithKey(edge, source, target, clean);
    else copy.addDirectedEdgeWithKey(edge, source, target, clean);
  });
  return copy;
}

/** GEXF carries only flat values: lists of objects (evidence, documents) are written as JSON text. */
export function toGexf(graph: Graph): string {
  const flat = graph.copy();
  const flatten = (value: unknown) => (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null) ? JSON.stringify(value) : value);
  flat.updateEachNodeAttributes((_n, attrs) => ({ ...attrs, evidence: flatten(attrs.evidence) }));
  flat.updateEachEdgeAttributes((_e, attrs) => ({ ...attrs, evidence: flatten(attrs.evidence) }));
  flat.updateAttributes((attrs) => ({ ...attrs, documents: flatten(attrs.documents) }));
  return writeGexf(flat, { pretty: true });
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const exportJson = (graph: Graph, visibility: Visibility): void =>
  download('claimgraph-view.json', 'application/json', `${JSON.stringify(visibleSubgraph(graph, visibility).export(), null, 2)}\n`);

export const exportGexf = (graph: Graph, visibility: Visibility): void =>
  download('claimgraph-view.gexf', 'application/gexf+xml', toGexf(visibleSubgraph(graph, visibility)));

export const exportPng = (sigma: Sigma): Promise<void> => downloadAsPNG(sigma, { fileName: 'claimgraph-view', backgroundColor: '#ffffff' });
