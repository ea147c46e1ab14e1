/**
 * Cypher export: the script read back statement by statement with a reader written from the Cypher manual:
 * every node and relationship MERGEd once on its key, labelled by kind, with its properties exact.
 */
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { cypherName, cypherString, writeCypher } from '../../src/export/cypher';
import { readLiteral, readUnwind, splitStatements, type CypherLiteral } from './cypher-reader';
import { NASTY_LABELS, nastyGraph } from './nasty-graph';
import { miniClaimGraph as mini } from './test-graphs';


interface Loaded {
  nodes: Map<string, { labels: string[]; properties: Record<string, CypherLiteral> }>;
  relationships: Map<string, { type: string; source: string; target: string; properties: Record<string, CypherLiteral> }>;
  documents: Map<string, Record<string, CypherLiteral>>;
  constraints: string[];
}

const NODE_MERGE = /^MERGE \(n:ClaimgraphNode \{key: row\.key\}\) SET n \+= row\.properties, n:([A-Za-z_][A-Za-z0-9_]*)$/;
const RELATIONSHIP_MERGE =
  /^MATCH \(a:ClaimgraphNode \{key: row\.source\}\)\s+MATCH \(b:ClaimgraphNode \{key: row\.target\}\)\s+MERGE \(a\)-\[r:([A-Z_][A-Z0-9_]*) \{key: row\.key\}\]->\(b\) SET r \+= row\.properties$/;

/** What loading the script would store, read from its statements; anything the reader does not know fails. */
function load(script: string): Loaded {
  const loaded: Loaded = { nodes: new Map(), relationships: new Map(), documents: new Map(), constraints: [] };
  for (const statement of splitStatements(script)) {
    if (statement.startsWith('CREATE CONSTRAINT')) {
      expect(statement).toMatch(/ IF NOT EXISTS FOR \(\w+:\w+\) REQUIRE \w+\.\w+ IS UNIQUE$/);
      loaded.constraints.push(statement);
      continue;
    }
    const unwind = readUnwind(statement);
    if (!unwind) throw new Error(`unexpected statement: ${statement.slice(0, 80)}`);
    const rows = unwind.rows as Record<string, CypherLiteral>[];
    const node = NODE_MERGE.exec(unwind.rest);
    const relationship = RELATIONSHIP_MERGE.exec(unwind.rest);
    if (unwind.rest === 'MERGE (d:ClaimgraphDocument {id: row.id}) SET d += row') {
      for (const row of rows) loaded.documents.set(row.id as string, row);
    } else if (node) {
      for (const row of rows) {
        expect(loaded.nodes.has(row.key as string)).toBe(false);
        loaded.nodes.set(row.key as string, { labels: ['ClaimgraphNode', node[1]!], properties: row.properties as Record<string, CypherLiteral> });
      }
    } else if (relationship) {
      for (const row of rows) {
        expect(loaded.relationships.has(row.key as string)).toBe(false);
        loaded.relationships.set(row.key as string, {
          type: relationship[1]!, source: row.source as string, target: row.target as string, properties: row.properties as Record<string, CypherLiteral>,
        });
      }
    } else {
      throw new Error(`unexpected UNWIND statement: ${unwind.rest}`);
    }
  }
  return loaded;
}

test.each([['mini graph', mini], ['nasty graph', nastyGraph]] as const)('%s: every node and relationship, labelled by kind, properties exact', (_name, make) => {
  const graph = make();
  const loaded = load(writeCypher(graph));
  expect(loaded.constraints).toHaveLength(2);
  expect(loaded.nodes.size).toBe(graph.order);
  graph.forEachNode((key, node) => {
    const got = loaded.nodes.get(key);
    if (!got) throw new Error(`node ${key} not loaded`);
    // the label is the kind in PascalCase: claim → Claim, agency → Agency
    expect(got.labels[1]!.toLowerCase()).toBe(node.kind.replace(/_/g, ''));
    expect(got.properties).toMatchObject({
      label: node.label, kind: node.kind, aliases: node.aliases, color: node.color,
      x: node.x + 0, y: node.y + 0, size: node.size,
      ...(node.kind === 'claim' ? { text: node.text } : {}),
    });
    expect(JSON.parse(got.properties.evidence as string)).toEqual(node.evidence);
  });
  expect(loaded.relationships.size).toBe(graph.size);
  graph.forEachEdge((key, edge, source, target, _sa, _ta, undirected) => {
    const got = loaded.relationships.get(key);
    if (!got) throw new Error(`edge ${key} not loaded`);
    expect({ type: got.type, source: got.source, target: got.target }).toEqual({ type: edge.kind.toUpperCase(), source, target });
    expect(got.properties).toMatchObject({ kind: edge.kind, directed: !undirected });
    expect(JSON.parse(got.properties.evidence as string)).toEqual(edge.evidence);
  });
  expect([...loaded.documents.keys()]).toEqual(graph.getAttribute('documents').map((d) => d.id));
  expect(loaded.documents.get(graph.getAttribute('documents')[0]!.id)!.text).toBe(graph.getAttribute('documents')[0]!.text);
});

test('loading twice duplicates nothing: nodes and relationships are only MERGEd on their keys, never CREATEd', () => {
  const script = writeCypher(nastyGraph());
  for (const statement of splitStatements(script)) {
    if (/\bCREATE\b/.test(statement)) expect(statement).toMatch(/^CREATE CONSTRAINT \w+ IF NOT EXISTS /);
  }
  expect(script).toMatch(/MERGE \(n:ClaimgraphNode \{key: row\.key\}\)/);
});

test('nasty labels survive exactly, control characters included, as Cypher escapes', () => {
  const loaded = load(writeCypher(nastyGraph()));
  const labels = [...loaded.nodes.values()].map((n) => n.properties.label);
  for (const { label } of NASTY_LABELS) expect(labels).toContain(label);
  const first = [...loaded.nodes.values()][0]!;
  // attributes outside the contract: scalars kept, objects as JSON text (Neo4j properties cannot hold maps)
  expect(first.properties).toMatchObject({ community: 0, central: true });
  expect([...loaded.nodes.values()][1]!.properties['odd name & "quote" `tick`']).toBe(1);
  expect(JSON.parse(first.properties.extra as string)).toEqual({ nested: [NASTY_LABELS[0]!.label] });
});

test('string literals read back to the same string, whatever they hold', () => {
  const samples = ['', 'plain', '"double" \'single\'', 'back\\slash\\', '\\u0041 is not A', 'nl\n cr\r tab\t', '\u0000\u0001\u001f\u007f', '🚀 \ud800 lone', '// ; `', 'é中'];
  for (const sample of samples) expect(readLiteral(cypherString(sample), 0).value).toBe(sample);
});

test('names that are not plain identifiers are quoted with backticks, inner backticks doubled', () => {
  expect(cypherName('kind')).toBe('kind');
  expect(cypherName('has space')).toBe('`has space`');
  expect(cypherName('a`b')).toBe('`a``b`');
  expect(readLiteral(`{${cypherName('a`b')}: 1}`, 0).value).toEqual({ 'a`b': 1 });
});

test('the reader fails on a script that cypher-shell would reject, so the tests above can fail', () => {
  expect(() => splitStatements('MATCH (n) RETURN "unterminated;')).toThrow(/unterminated/);
  expect(() => readLiteral('"bad \\q escape"', 0)).toThrow(/unknown escape/);
});

describe("Neo4j's own Cypher parser (@neo4j-cypher/language-support)", () => {
  test('finds no error nor warning in the script of either graph, and does find them in a broken one', () => {
    for (const graph of [mini(), nastyGraph()]) {
      const { diagnostics } = lintCypherQuery(writeCypher(graph), {});
      expect(diagnostics.map((d) => d.message)).toEqual([]);
    }
    const broken = writeCypher(mini()).replace('"agency:nha"', '"agency:nha');
    expect(lintCypherQuery(broken, {}).diagnostics.length).toBeGreaterThan(0);
  }, 180_000);
});
