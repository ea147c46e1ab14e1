/**
 * A contract-valid graph whose labels, aliases and texts hold what breaks writers: XML and CSV specials, quotes,
 * line breaks, emoji, backslashes, Cypher comment and statement marks, and control characters that XML 1.0 forbids.
 */
import Graph from 'graphology';
import { EDGE_COLORS, NODE_COLORS, SCHEMA_VERSION } from '../../src/graph/schema';
import { graphFromJson, type ClaimGraph } from '../../src/graph/load';

/** Each nasty label with what an XML format must read back: the same text without the characters XML 1.0 forbids. */
export const NASTY_LABELS: readonly { label: string; inXml: string }[] = [
  { label: 'AT&T <Labs> & "Friends"', inXml: 'AT&T <Labs> & "Friends"' },
  { label: "O'Brien \"the 'Quoted'\" `tick`", inXml: "O'Brien \"the 'Quoted'\" `tick`" },
  { label: 'line one\nline two\r\nline three\rend', inXml: 'line one\nline two\r\nline three\rend' },
  { label: '\ttabbed,  comma, "and" ; semicolon // not a comment', inXml: '\ttabbed,  comma, "and" ; semicolon // not a comment' },
  { label: 'emoji 🚀🛰️ and 中文 and é', inXml: 'emoji 🚀🛰️ and 中文 and é' },
  { label: 'bell\u0007 nul\u0000 esc\u001b vt\u000b ff\u000c end', inXml: 'bell nul esc vt ff end' },
  { label: 'back\\slash \\n not a newline \\u0041 ]]> --> <!--', inXml: 'back\\slash \\n not a newline \\u0041 ]]> --> <!--' },
  { label: '  leading and trailing spaces  ', inXml: '  leading and trailing spaces  ' },
  { label: '=1+2 @SUM(A1) -3', inXml: '=1+2 @SUM(A1) -3' },
];

/** Keys with characters that need escaping in XML, CSV, Cypher and IRIs (but no control characters). */
export const NASTY_KEYS = ['person:a&b <c>', 'person:"quoted" \'key\'', 'person:emoji 🚀', 'person:comma,semi;colon', 'person:back\\slash`tick`'];

export function nastyGraph(): ClaimGraph {
  const text = NASTY_LABELS.map((n) => n.label).join(' | ') + ' said that the nasty claim holds.';
  const g = new Graph({ type: 'mixed', multi: true });
  g.replaceAttributes({
    schemaVersion: SCHEMA_VERSION,
    generator: 'claimgraph test <nasty> & "generator"',
    documents: [{ id: 'nasty & doc', title: 'Title with <tags> & "quotes"\u0001', date: '2024-01-02', source: 'https://example.org/a?b=1&c=2', text }],
  });
  const evidence = [{ doc: 'nasty & doc', start: 0, end: 5 }];
  NASTY_LABELS.forEach(({ label }, i) => {
    g.addNode(NASTY_KEYS[i % NASTY_KEYS.length] + (i >= NASTY_KEYS.length ? `-${i}` : ''), {
      kind: 'person', label, aliases: [label, 'alias|with|pipes', 'alias, with "commas"'], evidence,
      x: i * 10.5, y: 0 - i * 3, size: 1 + i, color: NODE_COLORS.person,
      // attributes outside the contract: a builder may add any; objects must not become "[object Object]"
      community: i % 2, central: i === 0, extra: { nested: [label] }, 'odd name & "quote" `tick`': i,
    });
  });
  const claimText = `the claim "${NASTY_LABELS[0]!.label}"\nholds\u0002 🚀`;
  g.addNode('claim:nasty', { kind: 'claim', label: claimText, text: claimText, aliases: [], evidence, x: 0, y: 0, size: 2, color: NODE_COLORS.claim });
  const keys = g.nodes().filter((k) => k !== 'claim:nasty');
  const stances = ['stated', 'denied', 'questioned', 'confirmed'] as const;
  keys.forEach((key, i) => {
    const kind = stances[i % stances.length]!;
    g.addDirectedEdgeWithKey(`${kind} <${i}> & "edge"`, key, 'claim:nasty', { kind, evidence, size: 1, color: EDGE_COLORS[kind], weightish: i / 2 });
  });
  g.addDirectedEdgeWithKey('about:claim->0', 'claim:nasty', keys[0]!, { kind: 'about', evidence, size: 1, color: EDGE_COLORS.about });
  // a parallel edge, and an undirected one: the graph is a mixed multigraph
  g.addDirectedEdgeWithKey('about:claim->0 again', 'claim:nasty', keys[0]!, { kind: 'about', evidence, size: 2, color: EDGE_COLORS.about });
  g.addUndirectedEdgeWithKey('meets:0--1', keys[0]!, keys[1]!, { kind: 'meets', evidence, size: 1, color: EDGE_COLORS.meets });
  // through the loader, as every exporter's input is: this also checks the fixture follows the contract
  return graphFromJson(g.export(), 'nasty graph');
}
