/**
 * claimgraph query indexes, built once when a graph is opened: normalized names → node keys, documents, adjacency.
 * Per-node claim lists need none: graphology gives a node's edges by direction in time proportional to its degree.
 */
import type { ClaimGraph } from '../graph/load';
import type { GraphDocument } from '../graph/schema';
import { buildAdjacency, type Adjacency } from './adjacency';
import { normalizeName } from './normalize';

/**
 * Normalized name → the key of the node that bears it, or the keys (in graph order) when several do.
 * Most names belong to one node; a bare string for them keeps a million-node index small and quick to build.
 */
export type NameTable = Map<string, string | string[]>;

/** The keys of the nodes that bear a normalized name. */
export function keysNamed(table: NameTable, normalized: string): string[] {
  const keys = table.get(normalized);
  return keys === undefined ? [] : typeof keys === 'string' ? [keys] : keys;
}

export interface QueryIndex {
  graph: ClaimGraph;
  /** normalized label → node keys */
  labels: NameTable;
  /** normalized alias → node keys */
  aliases: NameTable;
  documents: Map<string, GraphDocument>;
  /** a document's position in the graph's `documents` list, to sort evidence in reading order */
  documentOrder: Map<string, number>;
  /** how many nodes of each kind, in first-seen order */
  nodeKinds: Map<string, number>;
  adjacency: Adjacency;
}

function addTo(table: NameTable, name: string, key: string): void {
  const normalized = normalizeName(name);
  if (!normalized) return;
  const keys = table.get(normalized);
  if (keys === undefined) table.set(normalized, key);
  else if (typeof keys === 'string') {
    if (keys !== key) table.set(normalized, [keys, key]);
  } else if (keys[keys.length - 1] !== key) keys.push(key);
}

/**
 * The normalized names of every node: by label and by alias. The sidecar index (sidecar-write.ts) lists the same
 * names of its entities (normalizeName, none empty, the keys of a name in graph order and each once), so that a
 * name is looked up there as it would be here.
 */
export function nameTables(graph: ClaimGraph): Pick<QueryIndex, 'labels' | 'aliases'> {
  const labels: NameTable = new Map();
  const aliases: NameTable = new Map();
  graph.forEachNode((key, attributes) => {
    addTo(labels, attributes.label, key);
    for (const alias of attributes.aliases) addTo(aliases, alias, key);
  });
  return { labels, aliases };
}

export function buildIndex(graph: ClaimGraph): QueryIndex {
  const nodeKinds = new Map<string, number>();
  graph.forEachNode((_key, attributes) => {
    nodeKinds.set(attributes.kind, (nodeKinds.get(attributes.kind) ?? 0) + 1);
  });
  const documentList = graph.getAttribute('documents');
  return {
    graph,
    ...nameTables(graph),
    documents: new Map(documentList.map((d) => [d.id, d])),
    documentOrder: new Map(documentList.map((d, i) => [d.id, i])),
    nodeKinds,
    adjacency: buildAdjacency(graph),
  };
}
