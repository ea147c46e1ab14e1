/**
 * claimgraph query indexes, built once when a graph is opened: normalized label and alias → node keys, the
 * documents by id with their order, and an undirected adjacency for path search. Per-node claim lists need no
 * index of their own: graphology already gives a node's edges by direction in time proportional to its degree.
 */
import type { ClaimGraph } from '../graph/load';
import type { GraphDocument } from '../graph/schema';
import { buildAdjacency, type Adjacency } from './adjacency';
import { normalizeName } from './normalize';

export interface QueryIndex {
  graph: ClaimGraph;
  /** normalized label → keys of the nodes with that label, in graph order */
  labels: Map<string, string[]>;
  /** normalized alias → keys of the nodes with that alias, in graph order */
  aliases: Map<string, string[]>;
  documents: Map<string, GraphDocument>;
  /** a document's position in the graph's `documents` list, to sort evidence in reading order */
  documentOrder: Map<string, number>;
  /** how many nodes of each kind, in first-seen order */
  nodeKinds: Map<string, number>;
  adjacency: Adjacency;
}

function addTo(map: Map<string, string[]>, name: string, key: string): void {
  const normalized = normalizeName(name);
  if (!normalized) return;
  const keys = map.get(normalized);
  if (!keys) map.set(normalized, [key]);
  else if (keys[keys.length - 1] !== key) keys.push(key);
}

export function buildIndex(graph: ClaimGraph): QueryIndex {
  const labels = new Map<string, string[]>();
  const aliases = new Map<string, string[]>();
  const nodeKinds = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    nodeKinds.set(attributes.kind, (nodeKinds.get(attributes.kind) ?? 0) + 1);
    addTo(labels, attributes.label, key);
    for (const alias of attributes.aliases) addTo(aliases, alias, key);
  });
  const documentList = graph.getAttribute('documents');
  return {
    graph,
    labels,
    aliases,
    documents: new Map(documentList.map((d) => [d.id, d])),
    documentOrder: new Map(documentList.map((d, i) => [d.id, i])),
    nodeKinds,
    adjacency: buildAdjacency(graph),
  };
}
