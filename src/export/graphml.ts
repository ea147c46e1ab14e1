/**
 * claimgraph export: GraphML, read by networkx, graphology-graphml, Gephi, yEd and Cytoscape.
 * graphology-graphml only parses, so the file is written with xml-writer, the XML writer the graphology I/O libraries use.
 */
import XMLWriter from 'xml-writer';
import type { ClaimGraph } from '../graph/load';
import type { EdgeAttributes, NodeAttributes } from '../graph/schema';
import {
  EDGE_CONTRACT_KEYS,
  NODE_CONTRACT_KEYS,
  edgeType,
  extraAttributeTypes,
  toScalar,
  type ScalarType,
  type ScalarValue,
} from './attributes';
import { hexToRgb } from './color';
import { PRETTY_XML_LIMIT, xmlSafeText, xmlTextContent } from './xml-text';

type Domain = 'graph' | 'node' | 'edge';

/** One GraphML <key>: a typed attribute of the graph, the nodes or the edges. */
interface DataKey {
  id: string;
  name: string;
  type: ScalarType;
}

const GRAPHML_TYPES: Readonly<Record<ScalarType, string>> = { boolean: 'boolean', integer: 'int', double: 'double', string: 'string' };

/** Keys for the contract attributes, in a fixed order, then for the extras (which never take a contract name). */
function declareKeys(domain: Domain, contract: [string, ScalarType][], extras: Map<string, ScalarType>): DataKey[] {
  const names = new Set(contract.map(([name]) => name));
  const keys = contract.map(([name, type]) => ({ id: `${domain}.${name}`, name, type }));
  let index = 0;
  for (const [name, type] of extras) {
    if (names.has(name)) continue;
    // GraphML key ids are XML name tokens: a name that is not one gets a numbered id (attr.name keeps the name;
    // the colon keeps numbered ids apart from named ones)
    const id = /^[\w.-]+$/.test(name) ? `${domain}.${name}` : `${domain}:${index}`;
    keys.push({ id, name: xmlSafeText(name), type });
    index++;
  }
  return keys;
}

function formatValue(value: ScalarValue): string {
  return typeof value === 'string' ? xmlTextContent(value) : String(value);
}

/** Writes one element's <data> children, in key order, skipping empty values. */
function writeData(writer: XMLWriter, keys: readonly DataKey[], values: Record<string, unknown>): void {
  for (const key of keys) {
    const value = toScalar(values[key.name]);
    if (value === undefined) continue;
    writer.startElement('data').writeAttribute('key', key.id).writeRaw(formatValue(value)).endElement();
  }
}

/** The values a node writes: contract attributes (aliases and evidence as JSON text), r/g/b from its color, extras. */
function nodeValues(node: NodeAttributes): Record<string, unknown> {
  return { ...node, ...hexToRgb(node.color) };
}

/**
 * Writes a claimgraph graph as GraphML. Node data: label, kind, aliases and evidence (JSON text), text (claims),
 * x, y, size, color (and r, g, b for Gephi), then any other attribute; edge data: kind, evidence, color, size.
 * Graph data keeps the schema version, the generator and the documents (JSON text). A graph with both directed
 * and undirected edges is written directed, with a `directed` edge attribute, since networkx cannot read a mixed graph.
 */
export function writeGraphml(graph: ClaimGraph): string {
  const type = edgeType(graph);
  const flattenDirection = type === 'mixed';
  const graphExtras = extraAttributeTypes((cb) => cb(graph.getAttributes()), new Set(['schemaVersion', 'generator', 'documents']));
  const graphKeys = declareKeys('graph', [['schemaVersion', 'integer'], ['generator', 'string'], ['documents', 'string']], graphExtras);
  const nodeKeys = declareKeys(
    'node',
    [['label', 'string'], ['kind', 'string'], ['aliases', 'string'], ['evidence', 'string'], ['text', 'string'],
      ['x', 'double'], ['y', 'double'], ['size', 'double'], ['color', 'string'], ['r', 'integer'], ['g', 'integer'], ['b', 'integer']],
    extraAttributeTypes((cb) => graph.forEachNode((_k, a) => cb(a)), NODE_CONTRACT_KEYS),
  );
  const edgeKeys = declareKeys(
    'edge',
    [['kind', 'string'], ['evidence', 'string'], ['color', 'string'], ['size', 'double'], ...(flattenDirection ? [['directed', 'boolean'] as [string, ScalarType]] : [])],
    extraAttributeTypes((cb) => graph.forEachEdge((_k, a) => cb(a)), EDGE_CONTRACT_KEYS),
  );

  const writer = new XMLWriter(graph.order + graph.size <= PRETTY_XML_LIMIT ? '  ' : false);
  writer.startDocument('1.0', 'UTF-8');
  writer
    .startElement('graphml')
    .writeAttribute('xmlns', 'http://graphml.graphdrawing.org/xmlns')
    .writeAttribute('xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance')
    .writeAttribute('xsi:schemaLocation', 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd');
  for (const [domain, keys] of [['graph', graphKeys], ['node', nodeKeys], ['edge', edgeKeys]] as const) {
    for (const key of keys) {
      writer.startElement('key').writeAttribute('id', key.id).writeAttribute('for', domain)
        .writeAttribute('attr.name', key.name).writeAttribute('attr.type', GRAPHML_TYPES[key.type]).endElement();
    }
  }

  writer.startElement('graph').writeAttribute('id', 'G').writeAttribute('edgedefault', type === 'undirected' ? 'undirected' : 'directed');
  writeData(writer, graphKeys, graph.getAttributes());
  graph.forEachNode((key, node) => {
    writer.startElement('node').writeAttribute('id', xmlSafeText(key));
    writeData(writer, nodeKeys, nodeValues(node));
    writer.endElement();
  });
  graph.forEachEdge((key, edge: EdgeAttributes, source, target, _sa, _ta, undirected) => {
    writer.startElement('edge').writeAttribute('id', xmlSafeText(key))
      .writeAttribute('source', xmlSafeText(source)).writeAttribute('target', xmlSafeText(target));
    writeData(writer, edgeKeys, flattenDirection ? { ...edge, directed: !undirected } : edge);
    writer.endElement();
  });
  writer.endElement().endElement();
  return `${writer.toString()}\n`;
}
