/**
 * Export of the visible graph (hidden kinds and hidden stray nodes left out) as graphology JSON or GEXF,
 * with the viewer's own drawing attributes removed. GEXF is written by the CLI's exporter (src/export/gexf.ts),
 * bundled into the page, so that the page and `claimgraph export` write one GEXF dialect. The PNG is image.ts.
 */
import Graph from 'graphology';
import type { ClaimGraph } from '../../../src/graph/load';
import { writeGexf } from '../../../src/export/gexf';
import { edgeVisible, nodeVisible, type Visibility } from '../model/filters';
import { VIEWER_EDGE_ATTRIBUTES } from './renderer';

/** A copy of the graph with only what the filters show; graph attributes (documents) are kept. */
export function visibleSubgraph(graph: ClaimGraph, visibility: Visibility): ClaimGraph {
  const copy: ClaimGraph = new Graph({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops });
  copy.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((node, attrs) => {
    if (nodeVisible(graph, node, visibility)) copy.addNode(node, { ...attrs });
  });
  graph.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => {
    if (!edgeVisible(graph, edge, visibility)) return;
    const clean: Record<string, unknown> = { ...attrs };
    for (const name of VIEWER_EDGE_ATTRIBUTES) delete clean[name];
    if (undirected) copy.addUndirectedEdgeWithKey(edge, source, target, clean as typeof attrs);
    else copy.addDirectedEdgeWithKey(edge, source, target, clean as typeof attrs);
  });
  return copy;
}

/** Offers `text` as a file download named `name`. */
export function download(name: string, type: string, data: Blob | string): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the download has started by the next turn; the URL can go a little later
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const exportJson = (graph: ClaimGraph, visibility: Visibility): void =>
  download('claimgraph-view.json', 'application/json', `${JSON.stringify(visibleSubgraph(graph, visibility).export(), null, 2)}\n`);

/** GEXF 1.3, as `claimgraph export --format gexf` writes it (the article texts stay out: GEXF has no place for them). */
export const exportGexf = (graph: ClaimGraph, visibility: Visibility): void =>
  download('claimgraph-view.gexf', 'application/gexf+xml', writeGexf(visibleSubgraph(graph, visibility)));
