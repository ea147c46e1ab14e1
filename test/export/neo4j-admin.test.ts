/**
 * neo4j-admin export: the three CSV files parsed back with csv-parse and read as `neo4j-admin database import
 * full` reads them (header `name:type`, `:ID(space)`, `:LABEL`, `:START_ID(space)`, `:END_ID(space)`, `:TYPE`;
 * arrays split on the array delimiter; an empty unquoted cell is no property): every node, relationship and
 * document is there with its properties exact, and every relationship's ends are node ids.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ARRAY_DELIMITER, writeNeo4jAdmin } from '../../src/export/neo4j-admin';
import { labelForKind, relationshipTypeForKind } from '../../src/export/cypher';
import { graphFromJsonText, type ClaimGraph } from '../../src/graph/load';
import type { Evidence } from '../../src/graph/schema';
import { ROOT, runCli } from '../helpers/run-cli';
import { TEST_GRAPHS, miniClaimGraph } from './test-graphs';

type Value = string | number | boolean | string[];
interface Entity { id?: string; space?: string; labels: string[]; type?: string; start?: string; end?: string; properties: Record<string, Value> }

/** One header field: the property name and its type (`string` when none is given), or an importer field. */
function field(header: string): { name: string; type: string; space?: string } {
  const m = /^([^:]*)(?::(\w+(?:\[\])?)(?:\((\w+)\))?)?$/.exec(header);
  if (!m) throw new Error(`bad header field ${header}`);
  return { name: m[1]!, type: m[2] ?? 'string', ...(m[3] ? { space: m[3] } : {}) };
}

function value(text: string, type: string): Value {
  if (type.endsWith('[]')) return text.split(ARRAY_DELIMITER).map((t) => value(t, type.slice(0, -2)) as string);
  if (type === 'double' || type === 'long') {
    const n = Number(text);
    if (!Number.isFinite(n) || (type === 'long' && !Number.isInteger(n))) throw new Error(`${text} is no ${type}`);
    return n;
  }
  if (type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new Error(`${text} is no boolean`);
    return text === 'true';
  }
  if (type !== 'string') throw new Error(`unexpected type ${type}`);
  return text;
}

/** A file as the importer would load it; csv-parse says which cells were quoted, since only unquoted empties are null. */
function load(text: string): { headers: string[]; rows: Entity[] } {
  const records = parse(text, { cast: (cell, context) => ({ cell, quoted: context.quoting }), relax_column_count: false }) as unknown as { cell: string; quoted: boolean }[][];
  const headers = records[0]!.map((c) => c.cell);
  const fields = headers.map(field);
  const rows = records.slice(1).map((record) => {
    const row: Entity = { labels: [], properties: {} };
    record.forEach(({ cell, quoted }, i) => {
      const { name, type, space } = fields[i]!;
      if (cell === '' && !quoted) return;
      if (type === 'ID') {
        row.id = cell;
        row.space = space;
        if (name) row.properties[name] = cell;
      } else if (type === 'LABEL') row.labels = cell.split(ARRAY_DELIMITER);
      else if (type === 'TYPE') row.type = cell;
      else if (type === 'START_ID') row.start = `${space}/${cell}`;
      else if (type === 'END_ID') row.end = `${space}/${cell}`;
      else row.properties[name] = value(cell, type);
    });
    return row;
  });
  return { headers, rows };
}

/** `doc:start-end` back to evidence; the doc id is all before the last colon, so ids with colons survive. */
function evidence(items: Value | undefined): Evidence[] {
  return ((items ?? []) as string[]).map((item) => {
    const m = /^(.*):(\d+)-(\d+)$/.exec(item)!;
    return { doc: m[1]!, start: Number(m[2]), end: Number(m[3]) };
  });
}

const bundledGraph = (): ClaimGraph => graphFromJsonText(readFileSync(join(ROOT, 'graph-data', 'graph.json'), 'utf8'), 'graph-data/graph.json');

describe.each([...TEST_GRAPHS, ['bundled graph-data/graph.json', bundledGraph] as [string, () => ClaimGraph]])('%s', (_name, make) => {
  const graph = make();
  const files = writeNeo4jAdmin(graph);
  const documents = load(files.documents);
  const nodes = load(files.nodes);
  const relationships = load(files.relationships);

  test('headers name the importer fields and type every property', () => {
    expect(documents.headers).toEqual(['id:ID(ClaimgraphDocument)', ':LABEL', 'title', 'date', 'source', 'author', 'path', 'text']);
    expect(nodes.headers.slice(0, 11)).toEqual(['key:ID(ClaimgraphNode)', ':LABEL', 'label', 'kind', 'aliases:string[]', 'text', 'evidence:string[]', 'x:double', 'y:double', 'size:double', 'color']);
    expect(relationships.headers.slice(0, 13)).toEqual([
      ':START_ID(ClaimgraphNode)', ':END_ID(ClaimgraphNode)', ':TYPE', 'key', 'kind', 'evidence:string[]', 'directed:boolean',
      'confidence:double', 'quoted:string', 'unnamed:boolean', 'belief:boolean', 'size:double', 'color',
    ]);
    for (const h of [...nodes.headers, ...relationships.headers]) expect(field(h).type).toMatch(/^(ID|LABEL|TYPE|START_ID|END_ID|string|double|long|boolean)(\[\])?$/);
  });

  test('every node once, labelled by kind, its properties exact and its evidence an array', () => {
    expect(nodes.rows).toHaveLength(graph.order);
    expect(new Set(nodes.rows.map((r) => r.id)).size).toBe(graph.order);
    for (const row of nodes.rows) {
      const node = graph.getNodeAttributes(row.id!);
      expect(row.labels).toEqual(['ClaimgraphNode', labelForKind(node.kind)]);
      expect(row.properties).toMatchObject({ key: row.id, label: node.label, kind: node.kind, x: node.x + 0, y: node.y + 0, size: node.size, color: node.color });
      expect(row.properties.aliases ?? []).toEqual(node.aliases);
      expect(row.properties.text).toBe(node.kind === 'claim' ? node.text : undefined);
      expect(Array.isArray(row.properties.evidence)).toBe(true);
      expect(evidence(row.properties.evidence)).toEqual(node.evidence);
    }
  });

  test('every edge once as a relationship typed by kind, between node ids, its marks typed', () => {
    const ids = new Set(nodes.rows.map((r) => `${r.space}/${r.id}`));
    expect(relationships.rows).toHaveLength(graph.size);
    for (const row of relationships.rows) {
      expect(ids.has(row.start!) && ids.has(row.end!)).toBe(true);
      const key = row.properties.key as string;
      expect(graph.hasEdge(key)).toBe(true);
      const edge = graph.getEdgeAttributes(key);
      expect([row.start, row.end]).toEqual([`ClaimgraphNode/${graph.source(key)}`, `ClaimgraphNode/${graph.target(key)}`]);
      expect(row.type).toBe(relationshipTypeForKind(edge.kind));
      expect(row.properties).toMatchObject({ kind: edge.kind, directed: !graph.isUndirected(key), size: edge.size, color: edge.color });
      expect(evidence(row.properties.evidence)).toEqual(edge.evidence);
      for (const mark of ['confidence', 'quoted', 'unnamed', 'belief'] as const) expect(row.properties[mark]).toBe(edge[mark]);
    }
    expect(new Set(relationships.rows.map((r) => r.properties.key)).size).toBe(graph.size);
  });

  test('every document, its text exact', () => {
    const docs = graph.getAttribute('documents');
    expect(documents.rows.map((r) => r.id)).toEqual(docs.map((d) => d.id));
    documents.rows.forEach((row, i) => {
      expect(row.labels).toEqual(['ClaimgraphDocument']);
      const { id, title, date, source, author, path, text } = docs[i]!;
      expect(row.properties).toEqual(Object.fromEntries(Object.entries({ id, title, date, source, author, path, text }).filter(([, v]) => v !== undefined)));
    });
  });
});

test('the bundled graph has speaker marks, so the typed mark columns are really exercised', () => {
  const { rows } = load(writeNeo4jAdmin(bundledGraph()).relationships);
  const stated = rows.find((r) => r.type === 'STATED')!;
  expect(typeof stated.properties.confidence).toBe('number');
  expect(typeof stated.properties.belief).toBe('boolean');
});

test('attributes outside the contract get typed columns; an element holding the array delimiter is not split', () => {
  const graph = miniClaimGraph();
  const key = graph.nodes()[0]!;
  graph.mergeNodeAttributes(key, { aliases: [`one${ARRAY_DELIMITER}two`], community: 3, central: true, score: 0.25, 'odd name': 'x' });
  const { headers, rows } = load(writeNeo4jAdmin(graph).nodes);
  expect(headers.slice(11)).toEqual(['community:long', 'central:boolean', 'score:double', 'attr_odd_name:string']);
  const row = rows.find((r) => r.id === key)!;
  expect(row.properties).toMatchObject({ aliases: ['one\ufffdtwo'], community: 3, central: true, score: 0.25, attr_odd_name: 'x' });
});

test('claimgraph export --format neo4j-admin --out DIR writes the three files into DIR (created), and needs --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-neo4j-admin-'));
  const graphFile = join(dir, 'graph.json');
  writeFileSync(graphFile, JSON.stringify(miniClaimGraph().export()));
  const result = runCli(['export', graphFile, '--format', 'neo4j-admin', '--out', join(dir, 'import')]);
  expect(result).toMatchObject({ code: 0, stdout: '' });
  expect(readdirSync(join(dir, 'import')).sort()).toEqual(['documents.csv', 'nodes.csv', 'relationships.csv']);
  expect(load(readFileSync(join(dir, 'import', 'nodes.csv'), 'utf8')).rows).toHaveLength(miniClaimGraph().order);
  const usage = runCli(['export', graphFile, '--format', 'neo4j-admin']);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/--out/);
}, 120_000);
