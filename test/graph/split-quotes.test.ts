/**
 * A quotation split around its frame in the graph: one claim node whose text is its parts joined by " … ", one
 * evidence span per part (each exactly those words), its edges' evidence among those spans, and the same
 * proposition in another article, quoted whole, on the same node.
 */
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';
import { validateSerializedGraph } from '../../src/graph/schema';
import { evidenceProblems } from '../build/evidence-check';

const SPLIT = 'Lowmarsh Pier\n\n“The pier will reopen in May,” Mayor Ana Ruiz said. “The ferry will return in June.”\n';
const WHOLE = 'Lowmarsh Ferry\n\nMayor Ana Ruiz said: “The pier will reopen in May. The ferry will return in June.”\n';

test('one claim node in two parts, each part its own evidence', () => {
  const graph = graphFromExtractions([extractDocument(documentFromText('split', SPLIT))]);
  const claims = graph.filterNodes((_n, a) => a.kind === 'claim');
  expect(claims).toHaveLength(1);
  const node = graph.getNodeAttributes(claims[0]!);
  expect(node.kind === 'claim' && node.text).toBe('The pier will reopen in May … The ferry will return in June');
  expect(node.evidence.map((e) => SPLIT.slice(e.start, e.end))).toEqual(['The pier will reopen in May', 'The ferry will return in June']);
  const serialized = validateSerializedGraph(graph.export(), 'split');
  expect(evidenceProblems(serialized)).toEqual([]);
  graph.forEachOutEdge(claims[0]!, (_e, a) => {
    if (a.kind === 'about') for (const e of a.evidence) expect(node.evidence).toContainEqual(e);
  });
});

test('the whole quotation in another article is the same proposition, on the same node', () => {
  const graph = graphFromExtractions([extractDocument(documentFromText('split', SPLIT)), extractDocument(documentFromText('whole', WHOLE))]);
  const claims = graph.filterNodes((_n, a) => a.kind === 'claim');
  expect(claims).toHaveLength(1);
  expect(new Set(graph.getNodeAttribute(claims[0]!, 'evidence').map((e) => e.doc))).toEqual(new Set(['split', 'whole']));
});
