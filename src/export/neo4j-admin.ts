/**
 * claimgraph export: the CSV files of `neo4j-admin database import full`, Neo4j's offline bulk importer, for
 * graphs too large for the Cypher script's MERGEs. documents.csv and nodes.csv are node files (`:ID`, `:LABEL`),
 * relationships.csv the relationship file (`:START_ID`, `:END_ID`, `:TYPE`); every property column is typed
 * in its header (`x:double`, `aliases:string[]`). The database that the import gives holds what the Cypher
 * script gives (labels, types, keys, properties), except that evidence is an array here. docs/neo4j.md has
 * the import command.
 */
import { stringify } from 'csv-stringify/sync';
import type { ClaimGraph } from '../graph/load';
import type { Evidence } from '../graph/schema';
import { EDGE_CONTRACT_KEYS, NODE_CONTRACT_KEYS, extraAttributeTypes, toScalar, type ScalarType } from './attributes';
import { DOCUMENT_LABEL, NODE_LABEL, labelForKind, relationshipTypeForKind } from './cypher';

/**
 * Between array elements (and labels). The importer has no escape for it, so it must be a character that no
 * element holds: U+001F, the ASCII unit separator, made for this. The import command passes it as
 * --array-delimiter=U+001F; an element that holds one anyway gets U+FFFD in its place.
 */
export const ARRAY_DELIMITER = '\u001f';

/** Node ids live in two id spaces, so that no document id can ever be taken for a node key. */
const NODE_SPACE = NODE_LABEL;
const DOCUMENT_SPACE = DOCUMENT_LABEL;

/** Speaker-edge fields of the contract, written with their own types (not inferred: a confidence of 1 is still a double). */
const SPEAKER_COLUMNS = [['confidence', 'double'], ['quoted', 'string'], ['unnamed', 'boolean'], ['belief', 'boolean']] as const;

type Cell = string | number | boolean | undefined;
type Column = { header: string; cell: (attributes: Record<string, unknown>) => Cell };

const IMPORTER_TYPE: Readonly<Record<ScalarType, string>> = { boolean: 'boolean', integer: 'long', double: 'double', string: 'string' };

const CSV_OPTIONS = {
  // Every string quoted, so an empty string ("") stays a property while an empty cell is none; numbers and
  // booleans bare. Quotes are doubled (RFC 4180), which is the importer's default reading.
  quoted_string: true,
  cast: { boolean: (value: boolean) => String(value) },
} as const;

/** An array cell: elements joined by the array delimiter; no elements is no property (the importer has no empty array). */
function arrayCell(items: readonly string[]): string | undefined {
  return items.length ? items.map((i) => i.replaceAll(ARRAY_DELIMITER, '\ufffd')).join(ARRAY_DELIMITER) : undefined;
}

/** Evidence as `doc:start-end` strings: Neo4j properties hold no maps, and a string array is indexable and readable. */
export const evidenceItem = (e: Evidence): string => `${e.doc}:${e.start}-${e.end}`;

/** Columns for attributes outside the fixed ones, named so that a header can never be misread (no ':' in a name). */
function extraColumns(types: Map<string, ScalarType>, taken: readonly string[]): Column[] {
  const used = new Set(taken);
  const columns: Column[] = [];
  for (const [name, type] of types) {
    let column = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !used.has(name) ? name : `attr_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    for (let n = 2; used.has(column); n++) column = `attr_${name.replace(/[^A-Za-z0-9_]/g, '_')}_${n}`;
    used.add(column);
    columns.push({ header: `${column}:${IMPORTER_TYPE[type]}`, cell: (a) => toScalar(a[name]) });
  }
  return columns;
}

/** The header bare (the names need no quotes, and a header reads best so), the rows through csv-stringify. */
function csv(rows: Cell[][], columns: readonly Column[]): string {
  return `${columns.map((c) => c.header).join(',')}\n${stringify(rows, CSV_OPTIONS)}`;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value + 0 : undefined);
const bool = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const evidenceCell = (value: unknown): string | undefined => arrayCell((value as Evidence[]).map(evidenceItem));

/** The three files' texts. */
export function writeNeo4jAdmin(graph: ClaimGraph): { documents: string; nodes: string; relationships: string } {
  const documentColumns: Column[] = [
    { header: `id:ID(${DOCUMENT_SPACE})`, cell: (d) => str(d.id) },
    { header: ':LABEL', cell: () => DOCUMENT_LABEL },
    ...['title', 'date', 'source', 'author', 'path', 'text'].map((name): Column => ({ header: name, cell: (d) => str(d[name]) })),
  ];
  const documents = graph.getAttribute('documents').map((d) => documentColumns.map((c) => c.cell(d)));

  const fixedNodes: Column[] = [
    { header: `key:ID(${NODE_SPACE})`, cell: (n) => str(n.key) },
    { header: ':LABEL', cell: (n) => arrayCell([NODE_LABEL, labelForKind(String(n.kind))]) },
    { header: 'label', cell: (n) => str(n.label) },
    { header: 'kind', cell: (n) => str(n.kind) },
    { header: 'aliases:string[]', cell: (n) => arrayCell(n.aliases as string[]) },
    { header: 'text', cell: (n) => str(n.text) },
    { header: 'evidence:string[]', cell: (n) => evidenceCell(n.evidence) },
    ...['x', 'y', 'size'].map((name): Column => ({ header: `${name}:double`, cell: (n) => num(n[name]) })),
    { header: 'color', cell: (n) => str(n.color) },
  ];
  const nodeExtras = extraColumns(extraAttributeTypes((cb) => graph.forEachNode((_k, a) => cb(a)), new Set([...NODE_CONTRACT_KEYS, 'key'])), fixedNodes.map((c) => c.header.split(':')[0]!));
  const nodeColumns = [...fixedNodes, ...nodeExtras];
  const nodes = graph.mapNodes((key, attributes) => {
    const row: Record<string, unknown> = { ...attributes, key };
    return nodeColumns.map((c) => c.cell(row));
  });

  const fixedEdges: Column[] = [
    { header: `:START_ID(${NODE_SPACE})`, cell: (e) => str(e.source) },
    { header: `:END_ID(${NODE_SPACE})`, cell: (e) => str(e.target) },
    { header: ':TYPE', cell: (e) => relationshipTypeForKind(String(e.kind)) },
    { header: 'key', cell: (e) => str(e.key) },
    { header: 'kind', cell: (e) => str(e.kind) },
    { header: 'evidence:string[]', cell: (e) => evidenceCell(e.evidence) },
    // Neo4j relationships always have a direction; an undirected edge keeps source → target and says so here
    { header: 'directed:boolean', cell: (e) => bool(e.directed) },
    ...SPEAKER_COLUMNS.map(([name, type]): Column => ({ header: `${name}:${type}`, cell: (e) => (type === 'double' ? num(e[name]) : type === 'boolean' ? bool(e[name]) : str(e[name])) })),
    { header: 'size:double', cell: (e) => num(e.size) },
    { header: 'color', cell: (e) => str(e.color) },
  ];
  const edgeFixedKeys = new Set([...EDGE_CONTRACT_KEYS, ...SPEAKER_COLUMNS.map(([name]) => name), 'key', 'directed', 'source', 'target']);
  const edgeExtras = extraColumns(extraAttributeTypes((cb) => graph.forEachEdge((_k, a) => cb(a)), edgeFixedKeys), fixedEdges.map((c) => c.header.split(':')[0]!));
  const edgeColumns = [...fixedEdges, ...edgeExtras];
  const relationships = graph.mapEdges((key, attributes, source, target, _sa, _ta, undirected) => {
    const row: Record<string, unknown> = { ...attributes, key, source, target, directed: !undirected };
    return edgeColumns.map((c) => c.cell(row));
  });

  return { documents: csv(documents, documentColumns), nodes: csv(nodes, nodeColumns), relationships: csv(relationships, edgeColumns) };
}
