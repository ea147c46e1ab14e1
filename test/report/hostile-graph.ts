/**
 * Test helper: a hand-made graph (contract-valid) whose every text is hostile to a writer that does not escape:
 * script tags, an image with an event handler, ampersands and entities, quotes, Markdown links and emphasis, a
 * line break, and article paths that are a javascript: URL and a file name with spaces, quotes and brackets.
 */
import { miniGraph } from '../fixtures/mini-graph';
import { EDGE_COLORS, NODE_COLORS } from '../../src/graph/schema';
import { graphFromJson, type ClaimGraph } from '../../src/graph/load';

export const HOSTILE = {
  title: 'Tolls <script>alert("title")</script> & "Fees"',
  speaker: 'Mallory <img src=x onerror=alert(1)> & Co',
  claim: 'the toll is <b>50 &amp; rising</b> & "final" [see](javascript:alert(2)) *now* \'ok\'',
  rival: 'Trent O\'Hare',
};

/** Two articles: one whose path is a javascript: URL, one a file name full of characters to encode. */
export function hostileGraph(): ClaimGraph {
  const g = miniGraph();
  g.clear();
  const one = `${HOSTILE.title}\n\n${HOSTILE.speaker} said ${HOSTILE.claim}.`;
  const two = `Reply\n\n${HOSTILE.rival} denied that ${HOSTILE.claim}.\nA second <script>line</script>.`;
  g.replaceAttributes({
    ...g.getAttributes(),
    documents: [
      { id: 'tolls', title: HOSTILE.title, date: '2031-06-01', path: 'javascript:alert(3)', text: one },
      { id: 'reply', title: 'Reply', date: '2031-06-02', path: 'in dir/it\'s (1) #2.txt', text: two },
    ],
  });
  const at = (doc: string, text: string, needle: string) => ({ doc, start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });
  const node = (key: string, kind: 'person' | 'claim', label: string, evidence: ReturnType<typeof at>[]) =>
    g.addNode(key, { kind, label, aliases: [], evidence, ...(kind === 'claim' ? { text: label } : {}), x: 0, y: 0, size: 1, color: NODE_COLORS[kind] });
  node('person:mallory', 'person', HOSTILE.speaker, [at('tolls', one, HOSTILE.speaker)]);
  node('person:trent', 'person', HOSTILE.rival, [at('reply', two, HOSTILE.rival)]);
  node('claim:toll', 'claim', HOSTILE.claim, [at('tolls', one, HOSTILE.claim), at('reply', two, HOSTILE.claim)]);
  g.addDirectedEdgeWithKey('stated:person:mallory->claim:toll', 'person:mallory', 'claim:toll', { kind: 'stated', evidence: [at('tolls', one, 'said')], size: 1, color: EDGE_COLORS.stated });
  g.addDirectedEdgeWithKey('denied:person:trent->claim:toll', 'person:trent', 'claim:toll', { kind: 'denied', evidence: [at('reply', two, 'denied')], size: 1, color: EDGE_COLORS.denied });
  g.addUndirectedEdgeWithKey('contradicts:claim:toll--claim:toll', 'claim:toll', 'claim:toll', {
    kind: 'contradicts', reason: 'opposite-stance', evidence: g.getNodeAttribute('claim:toll', 'evidence'), size: 1, color: EDGE_COLORS.contradicts,
  });
  return graphFromJson(g.export(), 'hostile'); // checked against the contract, as a reader would
}
