/**
 * claimgraph export: a Cypher script that Neo4j's cypher-shell runs to load the graph (`cypher-shell -f graph.cypher`).
 * Nodes are labelled by kind and relationships typed by kind; everything is MERGEd on claimgraph's stable keys, so loading twice duplicates nothing.
 */
import type { ClaimGraph } from '../graph/load';
import type { EdgeAttributes, NodeAttributes } from '../graph/schema';
import { EDGE_CONTRACT_KEYS, NODE_CONTRACT_KEYS, extraAttributes } from './attributes';

/** Every claimgraph node has this label too, so one uniqueness constraint covers all keys whatever the kind. */
export const NODE_LABEL = 'ClaimgraphNode';
export const DOCUMENT_LABEL = 'ClaimgraphDocument';

/** Rows per UNWIND statement: big enough to load fast, small enough for a transaction on a small server. */
const BATCH_SIZE = 500;

type CypherValue = string | number | boolean | readonly string[];

/**
 * A Cypher string literal. JSON's escapes (\" \\ \b \f \n \r \t \uXXXX, lone surrogates as \uXXXX) are a subset
 * of Cypher's, so JSON.stringify gives a literal that Cypher reads back to the same string.
 */
export function cypherString(value: string): string {
  return JSON.stringify(value);
}

/** A number literal: Cypher's exponent takes no "+", and integers of x, y and size are written as floats so a property keeps one type. */
function cypherNumber(value: number, asFloat: boolean): string {
  const text = String(value).replace('e+', 'e');
  return asFloat && Number.isInteger(value) && !text.includes('e') ? `${text}.0` : text;
}

/** A label, relationship type or property name: as it is when it is a plain identifier, else in backticks. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** Node label for a kind: `agency` → `Agency`, `part_of` → `PartOf`. */
export function labelForKind(kind: string): string {
  return kind.split(/[_\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Unknown';
}

/** Relationship type for a kind: `stated` → `STATED`, `part_of` → `PART_OF`. */
export function relationshipTypeForKind(kind: string): string {
  return kind.replace(/[\s-]+/g, '_').toUpperCase() || 'RELATED';
}

function literal(value: CypherValue, asFloat = false): string {
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'number') return cypherNumber(value, asFloat);
  if (typeof value === 'boolean') return String(value);
  return `[${value.map(cypherString).join(', ')}]`;
}

/** A map literal; properties whose value is undefined are left out. */
function mapLiteral(entries: [string, CypherValue | undefined, boolean?][]): string {
  const parts: string[] = [];
  for (const [name, value, asFloat] of entries) if (value !== undefined) parts.push(`${cypherName(name)}: ${literal(value, asFloat)}`);
  return `{${parts.join(', ')}}`;
}

function nodeProperties(node: NodeAttributes): string {
  return mapLiteral([
    ['label', node.label],
    ['kind', node.kind],
    ['aliases', node.aliases],
    ['text', node.kind === 'claim' ? node.text : undefined],
    // Neo4j properties cannot hold maps, so evidence is JSON text: apoc.convert.fromJsonList reads it back
    ['evidence', JSON.stringify(node.evidence)],
    ['x', node.x, true],
    ['y', node.y, true],
    ['size', node.size, true],
    ['color', node.color],
    ...extraAttributes(node, NODE_CONTRACT_KEYS),
  ]);
}

function edgeProperties(edge: EdgeAttributes, undirected: boolean): string {
  return mapLiteral([
    ['kind', edge.kind],
    ['evidence', JSON.stringify(edge.evidence)],
    // Neo4j relationships always have a direction; an undirected edge keeps source → target and says so here
    ['directed', !undirected],
    ['size', edge.size, true],
    ['color', edge.color],
    ...extraAttributes(edge, EDGE_CONTRACT_KEYS),
  ]);
}

/** Rows grouped by a name (labels and types cannot be parameters in Cypher), groups in first-seen order, cut into batches. */
function batchesByGroup<T>(rows: Iterable<[string, T]>): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const [group, row] of rows) {
    const list = groups.get(group);
    if (list) list.push(row);
    else groups.set(group, [row]);
  }
  const batches: [string, T[]][] = [];
  for (const [group, list] of groups) {
    for (let i = 0; i < list.length; i += BATCH_SIZE) batches.push([group, list.slice(i, i + BATCH_SIZE)]);
  }
  return batches;
}

function unwind(rows: readonly string[]): string {
  return `UNWIND [\n  ${rows.join(',\n  ')}\n] AS row\n`;
}

/**
 * Writes the Cypher script: constraints, then documents, nodes and relationships in UNWIND batches.
 * Node properties: label, kind, aliases (a list), text (claims), evidence (JSON text), x, y, size, color and
 * any other attribute; relationship properties: key, kind, evidence, directed, size, color and the rest.
 */
export function writeCypher(graph: ClaimGraph): string {
  const attributes = graph.getAttributes();
  const out: string[] = [
    `// claimgraph graph for Neo4j 5, written by ${attributes.generator.replace(/[\r\n\u2028\u2029]+/g, ' ')} (schema ${attributes.schemaVersion}).`,
    '// Load: cypher-shell -u neo4j -p PASSWORD -f graph.cypher   (again: nothing is duplicated, properties are updated)',
    `CREATE CONSTRAINT claimgraph_node_key IF NOT EXISTS FOR (n:${NODE_LABEL}) REQUIRE n.key IS UNIQUE;`,
    `CREATE CONSTRAINT claimgraph_document_id IF NOT EXISTS FOR (d:${DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE;`,
    '',
  ];

  const documents = attributes.documents.map((d) =>
    mapLiteral([['id', d.id], ['title', d.title], ['date', d.date], ['source', d.source], ['author', d.author], ['path', d.path], ['text', d.text]]),
  );
  for (let i = 0; i < documents.length; i += BATCH_SIZE) {
    out.push(`${unwind(documents.slice(i, i + BATCH_SIZE))}MERGE (d:${DOCUMENT_LABEL} {id: row.id}) SET d += row;\n`);
  }

  const nodeRows = graph.mapNodes((key, node): [string, string] => [node.kind, `{key: ${cypherString(key)}, properties: ${nodeProperties(node)}}`]);
  for (const [kind, rows] of batchesByGroup(nodeRows)) {
    out.push(`${unwind(rows)}MERGE (n:${NODE_LABEL} {key: row.key}) SET n += row.properties, n:${cypherName(labelForKind(kind))};\n`);
  }

  const edgeRows = graph.mapEdges((key, edge, source, target, _sa, _ta, undirected): [string, string] => [
    edge.kind,
    `{key: ${cypherString(key)}, source: ${cypherString(source)}, target: ${cypherString(target)}, properties: ${edgeProperties(edge, undirected)}}`,
  ]);
  for (const [kind, rows] of batchesByGroup(edgeRows)) {
    out.push(
      // two MATCH clauses, each an index lookup on the key: one MATCH of two patterns reads as a cartesian product
      `${unwind(rows)}MATCH (a:${NODE_LABEL} {key: row.source})\nMATCH (b:${NODE_LABEL} {key: row.target})\n` +
        `MERGE (a)-[r:${cypherName(relationshipTypeForKind(kind))} {key: row.key}]->(b) SET r += row.properties;\n`,
    );
  }
  return out.join('\n');
}
