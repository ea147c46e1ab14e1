/**
 * claimgraph export: GEXF through graphology-gexf, 1.3 by default (Gephi 0.10, Gephi Lite) or 1.2 (networkx).
 * Mends what graphology-gexf gets wrong for claimgraph graphs: object values, the 1.2 viz namespace, control characters.
 */
import { write } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import type { ClaimGraph } from '../graph/load';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/schema';
import { EDGE_CONTRACT_KEYS, NODE_CONTRACT_KEYS, edgeType, extraAttributes, type ScalarValue } from './attributes';
import { xmlSafeText } from './xml-text';

export type GexfVersion = '1.2' | '1.3';
export const GEXF_VERSIONS: readonly GexfVersion[] = ['1.3', '1.2'];

export interface GexfOptions {
  /** '1.3' (default): Gephi 0.10 and Gephi Lite; '1.2': networkx 2.8 and other older readers */
  version?: GexfVersion;
}

/** graphology-gexf 0.13 declares this (three slashes, 1.1 draft) in 1.2 mode; readers then drop every viz element. */
const BROKEN_GEXF12_VIZ_NAMESPACE = 'xmlns:viz="http:///www.gexf.net/1.1draft/viz"';
/** The namespace that Gephi writes and networkx looks for in a 1.2 file. */
const GEXF12_VIZ_NAMESPACE = 'xmlns:viz="http://www.gexf.net/1.2draft/viz"';

/** A GEXF `<meta>` that the schema accepts: only creator, keywords and description (pedantic mode drops the rest). */
function gexfMeta(attributes: GraphAttributes): Attributes {
  const articles = attributes.documents.map((d) => (d.date ? `${d.title} (${d.date})` : d.title));
  return {
    creator: xmlSafeText(attributes.generator),
    description: xmlSafeText(
      `claimgraph graph, schema ${attributes.schemaVersion}, from ${articles.length} article(s)${articles.length ? `: ${articles.join('; ')}` : ''}`,
    ),
  };
}

/** Extra attributes, with their names and string values made XML-safe. */
function safeExtras(attributes: Record<string, unknown>, contractKeys: ReadonlySet<string>, into: Record<string, ScalarValue>): void {
  for (const [name, value] of extraAttributes(attributes, contractKeys)) {
    into[xmlSafeText(name)] = typeof value === 'string' ? xmlSafeText(value) : value;
  }
}

/** Node → GEXF element: label natively, style as viz, kind/aliases/evidence/text (and extras) as declared attributes. */
function formatNode(_key: string, node: NodeAttributes) {
  const attributes: Record<string, ScalarValue> = {
    kind: node.kind,
    // JSON text, not a GEXF list: a 1.2 list joins on "|", which aliases may contain, and evidence items are objects
    aliases: xmlSafeText(JSON.stringify(node.aliases)),
    evidence: xmlSafeText(JSON.stringify(node.evidence)),
  };
  if (node.kind === 'claim') attributes.text = xmlSafeText(node.text);
  safeExtras(node, NODE_CONTRACT_KEYS, attributes);
  return { label: xmlSafeText(node.label), attributes, viz: { color: node.color, size: node.size, x: node.x, y: node.y } };
}

/**
 * Writes a claimgraph graph as GEXF. Nodes keep their label, kind (attribute), aliases and evidence (JSON text),
 * color, size and position; edges their kind (GEXF's own `kind` and an attribute, since networkx ignores the
 * former), evidence, color and thickness. In 1.2, a mixed graph is written with every edge directed and an edge
 * attribute `directed` saying which were not, because networkx cannot read a mixed graph.
 */
export function writeGexf(graph: ClaimGraph, options: GexfOptions = {}): string {
  const version = options.version ?? '1.3';
  const flattenDirection = version === '1.2' && edgeType(graph) === 'mixed';
  const meta = gexfMeta(graph.getAttributes());

  // Set by the view's forEachEdge just before graphology-gexf formats that edge (it formats inside the callback).
  let currentEdgeUndirected = false;

  /**
   * The graph as graphology-gexf should see it: the GEXF meta as its attributes, XML-safe keys, and in
   * flattened mode every edge directed. A Proxy, so a graph of 100k nodes is not copied to be written.
   */
  const view = new Proxy(graph, {
    get(target, property) {
      if (property === 'getAttributes') return () => meta;
      if (property === 'forEachNode') {
        return (callback: (key: string, attributes: NodeAttributes) => void) =>
          target.forEachNode((key, attributes) => callback(xmlSafeText(key), attributes));
      }
      if (property === 'forEachEdge') {
        return (callback: (key: string, a: EdgeAttributes, s: string, t: string, sa: NodeAttributes, ta: NodeAttributes, u: boolean) => void) =>
          target.forEachEdge((key, attributes, source, target_, sourceAttributes, targetAttributes, undirected) => {
            currentEdgeUndirected = undirected;
            callback(xmlSafeText(key), attributes, xmlSafeText(source), xmlSafeText(target_), sourceAttributes, targetAttributes,
              flattenDirection ? false : undirected);
          });
      }
      if (flattenDirection && property === 'type') return 'directed';
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });

  const formatEdge = (_key: string, edge: EdgeAttributes) => {
    const attributes: Record<string, ScalarValue> = { kind: edge.kind, evidence: xmlSafeText(JSON.stringify(edge.evidence)) };
    if (flattenDirection) attributes.directed = !currentEdgeUndirected;
    safeExtras(edge, EDGE_CONTRACT_KEYS, attributes);
    const label = typeof edge.label === 'string' ? xmlSafeText(edge.label) : edge.kind;
    const weight = typeof edge.weight === 'number' && Number.isFinite(edge.weight) ? edge.weight : undefined;
    return {
      kind: edge.kind,
      label,
      ...(weight === undefined ? {} : { weight }),
      attributes,
      viz: { ...(edge.color ? { color: edge.color } : {}), ...(edge.size === undefined ? {} : { thickness: edge.size }) },
    };
  };

  const gexf = write<NodeAttributes, EdgeAttributes>(view, { version, pedantic: true, formatNode, formatEdge });
  return version === '1.2' ? gexf.replace(BROKEN_GEXF12_VIZ_NAMESPACE, GEXF12_VIZ_NAMESPACE) : gexf;
}
