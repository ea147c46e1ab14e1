/**
 * Tests of the evidence checker itself (test/build/evidence-check.ts): it passes a graph whose spans are right
 * and names each span that is wrong, so that its silence over real graphs means something.
 */
import { buildGraph } from '../../src/graph/build';
import { applyLayout } from '../../src/layout/layout';
import type { SerializedClaimGraph } from '../../src/graph/schema';
import { validateSerializedGraph } from '../../src/graph/schema';
import { evidenceCount, evidenceProblems } from './evidence-check';
import { spanOf, syntheticExtraction } from './synthetic-extraction';

function serialized(): SerializedClaimGraph {
  const graph = buildGraph([syntheticExtraction()]);
  applyLayout(graph);
  return validateSerializedGraph(JSON.parse(JSON.stringify(graph.export())));
}

describe('evidenceProblems', () => {
  it('finds nothing wrong in a graph whose spans are right, and it has spans of every sort', () => {
    const graph = serialized();
    expect(evidenceProblems(graph)).toEqual([]);
    expect(evidenceCount(graph)).toBeGreaterThan(10);
    const kinds = new Set(graph.edges.map((e) => e.attributes.kind));
    for (const k of ['stated', 'denied', 'about', 'meets', 'located_in']) expect(kinds).toContain(k);
  });

  it('names a span outside its document, a name span shifted by one, a cue that is no cue and a claim span that is not its text', () => {
    const graph = serialized();
    const text = graph.attributes.documents[0]!.text;
    const node = (label: string) => graph.nodes.find((n) => n.attributes.label === label)!;
    node('Elmsby').attributes.evidence[0]!.end = text.length + 5;
    const mayor = node('Lina Ostrova').attributes.evidence[0]!;
    mayor.start += 1;
    mayor.end += 1;
    const stated = graph.edges.find((e) => e.attributes.kind === 'stated' && e.source.startsWith('organization:harbor'))!;
    stated.attributes.evidence = [{ doc: stated.attributes.evidence[0]!.doc, ...spanOf(text, 'on Monday') }];
    const claim = graph.nodes.find((n) => n.attributes.kind === 'claim' && n.attributes.text === 'costs had doubled')!;
    claim.attributes.evidence = [{ doc: claim.attributes.evidence[0]!.doc, ...spanOf(text, 'costs had') }];
    const problems = evidenceProblems(graph);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^node place:elmsby: span \d+-\d+ is empty or outside/),
      expect.stringMatching(/^node person:lina-ostrova .*is neither its label, an alias nor a pronoun/),
      expect.stringMatching(/\(stated\): evidence "on Monday" is not a reporting cue/),
      expect.stringMatching(/evidence "costs had" is not the claim text/),
    ]));
  });

  it("accepts a paraphrase's own words on its speaker's edge and in its claim's evidence, and only there", () => {
    const graph = serialized();
    const text = graph.attributes.documents[0]!.text;
    const claim = graph.nodes.find((n) => n.attributes.kind === 'claim' && n.attributes.text === 'costs had doubled')!;
    const doc = claim.attributes.evidence[0]!.doc;
    const wording = { doc, ...spanOf(text, 'costs had') };
    claim.attributes.evidence.push(wording);
    expect(evidenceProblems(graph)).toEqual([expect.stringMatching(/evidence "costs had" is not the claim text/)]);
    const edge = graph.edges.find((e) => e.target === claim.key && ['stated', 'denied', 'questioned', 'confirmed'].includes(e.attributes.kind))!;
    edge.attributes.evidence.push({ ...wording });
    expect(evidenceProblems(graph)).toEqual([]);
  });
});
