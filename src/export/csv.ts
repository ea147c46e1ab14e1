/**
 * claimgraph export: nodes.csv and edges.csv, one row per node or edge, RFC 4180 quoting through csv-stringify,
 * with the column names that Gephi's spreadsheet importer knows (Id, Label; Source, Target, Type, Id, Label).
 */
import { stringify } from 'csv-stringify/sync';
import type { ClaimGraph } from '../graph/load';
import type { Evidence } from '../graph/schema';
import { EDGE_CONTRACT_KEYS, NODE_CONTRACT_KEYS, extraAttributeTypes, toScalar, type ScalarValue } from './attributes';

export const NODE_COLUMNS = ['Id', 'Label', 'Kind', 'Color', 'Size', 'X', 'Y', 'Aliases', 'Text', 'Evidence', 'EvidenceText'] as const;
export const EDGE_COLUMNS = ['Id', 'Source', 'Target', 'Type', 'Kind', 'Label', 'Color', 'Size', 'Evidence', 'EvidenceText'] as const;

type Cell = ScalarValue | undefined;

/** Separates the quotes of several evidence spans in the EvidenceText column (a reading aid; Evidence is exact). */
const QUOTE_SEPARATOR = ' … ';

const CSV_OPTIONS = {
  header: true,
  // RFC 4180: CRLF between records, and every field holding a line break quoted. csv-stringify quotes
  // delimiters and quotes by itself but not a bare LF or CR once the record delimiter is CRLF, hence quoted_match.
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/** Column names for extra attributes: the attribute's own name unless a fixed column has it. */
function extraColumns(names: Iterable<string>, fixed: readonly string[]): { name: string; column: string }[] {
  return [...names].map((name) => ({ name, column: fixed.includes(name) ? `attr:${name}` : name }));
}

/** The text that evidence spans cover, so a spreadsheet shows the sentence that supports a row. */
function quoteEvidence(evidence: readonly Evidence[], documentText: ReadonlyMap<string, string>): string {
  return evidence.map((e) => documentText.get(e.doc)?.slice(e.start, e.end) ?? '').join(QUOTE_SEPARATOR);
}

function extraCells(attributes: Record<string, unknown>, extras: readonly { name: string }[]): Cell[] {
  return extras.map(({ name }) => toScalar(attributes[name]));
}

/**
 * Writes the graph as two CSV texts. Aliases and Evidence are JSON arrays (exact); EvidenceText quotes the
 * evidence from the articles; edge Type is Directed or Undirected, Kind the relation. Attributes outside the
 * contract follow as columns of their own; objects in them are JSON text.
 */
export function writeCsv(graph: ClaimGraph): { nodes: string; edges: string } {
  const documentText = new Map(graph.getAttribute('documents').map((d) => [d.id, d.text]));
  const nodeExtras = extraColumns(extraAttributeTypes((cb) => graph.forEachNode((_k, a) => cb(a)), NODE_CONTRACT_KEYS).keys(), NODE_COLUMNS);
  const edgeExtras = extraColumns(extraAttributeTypes((cb) => graph.forEachEdge((_k, a) => cb(a)), EDGE_CONTRACT_KEYS).keys(), EDGE_COLUMNS);

  const nodeRows = graph.mapNodes((key, node): Cell[] => [
    key, node.label, node.kind, node.color, node.size, node.x, node.y,
    JSON.stringify(node.aliases), node.kind === 'claim' ? node.text : undefined,
    JSON.stringify(node.evidence), quoteEvidence(node.evidence, documentText),
    ...extraCells(node, nodeExtras),
  ]);
  const edgeRows = graph.mapEdges((key, edge, source, target, _sa, _ta, undirected): Cell[] => [
    key, source, target, undirected ? 'Undirected' : 'Directed', edge.kind,
    typeof edge.label === 'string' ? edge.label : edge.kind, edge.color, edge.size,
    JSON.stringify(edge.evidence), quoteEvidence(edge.evidence, documentText),
    ...extraCells(edge, edgeExtras),
  ]);

  return {
    nodes: stringify(nodeRows, { ...CSV_OPTIONS, columns: [...NODE_COLUMNS, ...nodeExtras.map((e) => e.column)] }),
    edges: stringify(edgeRows, { ...CSV_OPTIONS, columns: [...EDGE_COLUMNS, ...edgeExtras.map((e) => e.column)] }),
  };
}
