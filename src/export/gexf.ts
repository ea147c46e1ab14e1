/**
 * claimgraph export: GEXF through graphology-gexf, 1.3 by default (Gephi 0.10, Gephi Lite, networkx 3.x) or 1.2
 * (networkx 2.8). Mends what graphology-gexf gets wrong for claimgraph graphs: object values, the 1.2 viz
 * namespace, control characters, hex-only colors in 1.3, and mixed graphs that networkx cannot read.
 * The CLI and the viewer's "GEXF" export both use this module, so there is one GEXF dialect.
 */
import { write } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import type { ClaimGraph } from '../graph/load';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/schema';
import { hexToRgb } from './color';
import { EDGE_CONTRACT_KEYS, NODE_CONTRACT_KEYS, edgeType, toScalar, type ScalarValue } from './attributes';
import { PRETTY_XML_LIMIT, xmlSafeText } from './xml-text';

export type GexfVersion = '1.2' | '1.3';
export const GEXF_VERSIONS: readonly GexfVersion[] = ['1.3', '1.2'];

export interface GexfOptions {
  /** '1.3' (default): Gephi 0.10, Gephi Lite, networkx 3.x; '1.2': networkx 2.8 and other older readers */
  version?: GexfVersion;
  /** indent the XML; default: only graphs of at most PRETTY_XML_LIMIT nodes and edges together */
  pretty?: boolean;
}

/** graphology-gexf 0.13 declares this (three slashes, 1.1 draft) in 1.2 mode; readers then drop every viz element. */
const BROKEN_GEXF12_VIZ_NAMESPACE = 'xmlns:viz="http:///www.gexf.net/1.1draft/viz"';
/** The namespace that Gephi writes and networkx looks for in a 1.2 file. */
const GEXF12_VIZ_NAMESPACE = 'xmlns:viz="http://www.gexf.net/1.2draft/viz"';

/**
 * A color as graphology-gexf should get it: "rgb(r,g,b)" for a hex color, so that it writes r, g and b. Given a
 * hex string in 1.3 it writes only `hex`, and networkx 3.x then fails (`int(None)`) reading the file; every GEXF
 * reader knows r, g, b. Other color texts pass as they are. Few distinct colors: cached.
 */
const rgbText = new Map<string, string>();
function vizColor(color: string): string {
  let text = rgbText.get(color);
  if (text === undefined) {
    const c = hexToRgb(color);
    text = c ? `rgb(${c.r},${c.g},${c.b})` : color;
    if (rgbText.size < 4096) rgbText.set(color, text);
  }
  return text;
}

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

/** Adds the extra attributes to `into`, names and string values made XML-safe (a loop, not a list: it runs per element). */
function addSafeExtras(into: Record<string, ScalarValue>, attributes: Record<string, unknown>, contractKeys: ReadonlySet<string>): void {
  for (const name in attributes) {
    if (contractKeys.has(name)) continue;
    const value = toScalar(attributes[name]);
    if (value !== undefined) into[xmlSafeText(name)] = typeof value === 'string' ? xmlSafeText(value) : value;
  }
}

/**
 * XML-safe versions of the keys that need one. Almost always empty, so the edges' sources and targets are not
 * checked one by one; only keys with characters XML forbids are renamed (the characters dropped).
 */
function renamedNodeKeys(graph: ClaimGraph): Map<string, string> {
  const renamed = new Map<string, string>();
  graph.forEachNode((key) => {
    const safe = xmlSafeText(key);
    if (safe !== key) renamed.set(key, safe);
  });
  return renamed;
}

/**
 * Node → GEXF element: label natively, style as viz, kind/aliases/evidence/text (and extras) as declared
 * attributes. `cleanEvidence` is false when no document id holds a character XML forbids: then evidence JSON
 * (whose only free text is document ids, JSON escaping the rest) needs no check.
 */
function nodeFormatter(cleanEvidence: boolean) {
  return (_key: string, node: NodeAttributes) => {
    const evidence = JSON.stringify(node.evidence);
    const attributes: Record<string, ScalarValue> = {
      kind: node.kind,
      // JSON text, not a GEXF list: a 1.2 list joins on "|", which aliases may contain, and evidence items are objects
      aliases: xmlSafeText(JSON.stringify(node.aliases)),
      evidence: cleanEvidence ? xmlSafeText(evidence) : evidence,
    };
    if (node.kind === 'claim') attributes.text = xmlSafeText(node.text);
    addSafeExtras(attributes, node, NODE_CONTRACT_KEYS);
    return { label: xmlSafeText(node.label), attributes, viz: { color: vizColor(node.color), size: node.size, x: node.x, y: node.y } };
  };
}

/**
 * Writes a claimgraph graph as GEXF. Nodes keep their label, kind (attribute), aliases and evidence (JSON text),
 * color, size and position; edges their kind (GEXF's own `kind` and an attribute, since networkx ignores the
 * former), evidence, color and thickness; a label and weight only when the edge has its own. A mixed graph is
 * written with every edge directed and an edge attribute `directed` saying which were not, in 1.3 as in 1.2:
 * networkx (2.8 and 3.x) refuses a file that mixes the two ("Undirected edge found in directed graph").
 */
export function writeGexf(graph: ClaimGraph, options: GexfOptions = {}): string {
  const version = options.version ?? '1.3';
  const flattenDirection = edgeType(graph) === 'mixed';
  const meta = gexfMeta(graph.getAttributes());
  const renamed = renamedNodeKeys(graph);
  const safeKey = renamed.size ? (key: string) => renamed.get(key) ?? key : (key: string) => key;
  const cleanEvidence = graph.getAttribute('documents').some((d) => xmlSafeText(d.id) !== d.id);

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
          target.forEachNode((key, attributes) => callback(safeKey(key), attributes));
      }
      if (property === 'forEachEdge') {
        return (callback: (key: string, a: EdgeAttributes, s: string, t: string, sa: NodeAttributes, ta: NodeAttributes, u: boolean) => void) =>
          target.forEachEdge((key, attributes, source, target_, sourceAttributes, targetAttributes, undirected) => {
            currentEdgeUndirected = undirected;
            callback(xmlSafeText(key), attributes, safeKey(source), safeKey(target_), sourceAttributes, targetAttributes,
              flattenDirection ? false : undirected);
          });
      }
      if (flattenDirection && property === 'type') return 'directed';
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });

  const formatEdge = (_key: string, edge: EdgeAttributes) => {
    const evidence = JSON.stringify(edge.evidence);
    const attributes: Record<string, ScalarValue> = { kind: edge.kind, evidence: cleanEvidence ? xmlSafeText(evidence) : evidence };
    if (flattenDirection) attributes.directed = !currentEdgeUndirected;
    addSafeExtras(attributes, edge, EDGE_CONTRACT_KEYS);
    // The relation is GEXF's own `kind` and the `kind` attribute; a label only when the edge has one of its own.
    const formatted: { kind: string; attributes: typeof attributes; viz: { color?: string; thickness?: number }; label?: string; weight?: number } =
      { kind: edge.kind, attributes, viz: {} };
    if (typeof edge.label === 'string') formatted.label = xmlSafeText(edge.label);
    if (typeof edge.weight === 'number' && Number.isFinite(edge.weight)) formatted.weight = edge.weight;
    if (edge.color) formatted.viz.color = vizColor(edge.color);
    if (edge.size !== undefined) formatted.viz.thickness = edge.size;
    return formatted;
  };

  const gexf = write<NodeAttributes, EdgeAttributes>(view, {
    version,
    pedantic: true,
    pretty: options.pretty ?? graph.order + graph.size <= PRETTY_XML_LIMIT,
    formatNode: nodeFormatter(cleanEvidence),
    formatEdge,
  });
  return version === '1.2' ? gexf.replace(BROKEN_GEXF12_VIZ_NAMESPACE, GEXF12_VIZ_NAMESPACE) : gexf;
}
