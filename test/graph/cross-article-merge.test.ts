/**
 * Entities across articles (issue 8, part 1), on invented fixture stories with known answers
 * (test/fixtures/stories): a surname joins the one person named in full, by title when two share it, and stays
 * apart when nothing tells them apart; a shorter organisation name joins the one longer form; designators that
 * differ never join; events join only as one incident (a shared place, articles dated near). Every join is
 * recorded on the node and shown by `query entity`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';
import { buildGraph } from '../../src/graph/build';
import { designatorOf, groupEntities, NEAR_DAYS } from '../../src/graph/merge-entities';
import { validateSerializedGraph, type EntityAttributes, type MergeRecord } from '../../src/graph/schema';
import { queryGraph } from '../../src/query';
import { renderEntity } from '../../src/query/render/text';
import type { ClaimGraph } from '../../src/graph/load';
import type { DocumentExtraction } from '../../src/types';

const STORIES = join(__dirname, '..', 'fixtures', 'stories');

function extractStory(story: string): DocumentExtraction[] {
  const dir = join(STORIES, story);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => extractDocument(documentFromText(f.replace(/\.txt$/, ''), readFileSync(join(dir, f), 'utf8'))));
}

/** The graph of one story, built once for its describe block. */
function storyGraph(story: string): () => ClaimGraph {
  let graph: ClaimGraph | undefined;
  beforeAll(() => {
    graph = graphFromExtractions(extractStory(story));
  });
  return () => graph!;
}

const entity = (graph: ClaimGraph, key: string): EntityAttributes => {
  expect(graph.hasNode(key)).toBe(true);
  return graph.getNodeAttributes(key) as EntityAttributes;
};
const merged = (graph: ClaimGraph, key: string): Pick<MergeRecord, 'doc' | 'name' | 'reason' | 'via' | 'context'>[] =>
  (entity(graph, key).merged ?? []).map(({ doc, name, reason, via, context }) => ({ doc, name, reason, via, ...(context ? { context } : {}) }));
/** The entity nodes whose label is `label`, by key. */
const keysLabelled = (graph: ClaimGraph, label: string) => graph.filterNodes((_k, a) => a.kind !== 'claim' && a.label === label).sort();

describe('people across articles (valmont-quarry)', () => {
  const graph = storyGraph('valmont-quarry');

  it('joins a bare surname to the one person named in full with it, and says so', () => {
    expect(merged(graph(), 'person:osric-tamm')).toEqual([{ doc: 'q2-quarry-appeal', name: 'Tamm', reason: 'surname', via: 'Osric Tamm' }]);
    expect(keysLabelled(graph(), 'Tamm')).toEqual([]);
    // the merged name keeps its evidence: its first mention in the later article
    const [record] = entity(graph(), 'person:osric-tamm').merged!;
    const doc = graph().getAttribute('documents').find((d) => d.id === record!.doc)!;
    expect(doc.text.slice(record!.evidence[0]!.start, record!.evidence[0]!.end)).toBe('Tamm');
  });

  it('tells two people of one surname apart by title, and keeps a bare surname with no context apart', () => {
    expect(merged(graph(), 'person:idris-falkenrath')).toEqual([
      { doc: 'q2-quarry-appeal', name: 'Falkenrath', reason: 'surname-context', via: 'Idris Falkenrath', context: 'both titled mayor' },
    ]);
    expect(merged(graph(), 'person:mara-falkenrath')).toEqual([]);
    // q3's bare "Falkenrath" could be either: its own node, naming both
    const bare = entity(graph(), 'person:falkenrath');
    expect(bare.evidence.map((e) => e.doc)).toEqual(['q3-quarry-hearing']);
    expect(bare.ambiguous).toEqual(['person:idris-falkenrath', 'person:mara-falkenrath']);
  });

  it('joins an organisation\'s shorter name to the one longer form in the build', () => {
    expect(merged(graph(), 'agency:northport-port-authority')).toEqual([
      { doc: 'q2-quarry-appeal', name: 'Port Authority', reason: 'shorter-name', via: 'Northport Port Authority' },
    ]);
    expect(keysLabelled(graph(), 'Port Authority')).toEqual([]);
  });

  it('query entity shows why the names were joined, and what a kept-apart surname could be', () => {
    const q = queryGraph(graph());
    const report = q.entity('Mayor Falkenrath');
    expect(report.entity.key).toBe('person:idris-falkenrath');
    expect(report.merged).toEqual([
      expect.objectContaining({ doc: 'q2-quarry-appeal', name: 'Falkenrath', reason: 'surname-context', via: 'Idris Falkenrath', context: 'both titled mayor' }),
    ]);
    expect(report.merged[0]!.evidence[0]).toMatchObject({ quote: 'Mayor Falkenrath', sentence: 'Mayor Falkenrath denied that the council had acted in haste.' });
    const text = renderEntity(report);
    expect(text).toMatch(/Merged names \(1\)/);
    expect(text).toMatch(/Falkenrath +surname-context: both titled mayor +Idris Falkenrath +q2-quarry-appeal:\d+ +Mayor Falkenrath denied/);

    const bare = q.entity('person:falkenrath');
    expect(bare.ambiguous.map((n) => n.label)).toEqual(['Idris Falkenrath', 'Mara Falkenrath']);
    expect(renderEntity(bare)).toContain('kept apart: the surname could be Idris Falkenrath (person) or Mara Falkenrath (person)');
  });
});

describe('designators and organisations (kestrel-barges)', () => {
  const graph = storyGraph('kestrel-barges');

  it('joins the same designated name across articles and keeps different designators apart', () => {
    expect(merged(graph(), 'organization:kestrel-kx-04')).toEqual([{ doc: 'b2-barge-delay', name: 'Kestrel KX-04', reason: 'same-name', via: 'Kestrel KX-04' }]);
    expect(merged(graph(), 'organization:kestrel-kx-09')).toEqual([]);
    expect(merged(graph(), 'organization:flight-370')).toEqual([{ doc: 'b2-barge-delay', name: 'Flight 370', reason: 'same-name', via: 'Flight 370' }]);
    expect(merged(graph(), 'organization:flight-371')).toEqual([]);
  });

  it('keeps a shorter organisation name apart when two longer ones end with it', () => {
    expect(merged(graph(), 'agency:port-authority')).toEqual([]);
    expect(merged(graph(), 'agency:northgate-port-authority')).toEqual([]);
    expect(merged(graph(), 'agency:southgate-port-authority')).toEqual([]);
  });

  it('finds the rejection: a crew rejecting "that account" disputes the claim before it', () => {
    const g = graph();
    const disputes = g.filterEdges((_e, a) => a.kind === 'contradicts').map((e) => [g.getNodeAttribute(g.source(e), 'text'), g.source(e) === g.target(e), g.getEdgeAttribute(e, 'reason')]);
    expect(disputes).toEqual([['the Kestrel KX-09 barge was delayed by fog', true, 'rejection']]);
  });

  it('joins a surname in a story with one such person', () => {
    expect(merged(graph(), 'person:tobiah-renn')).toEqual([{ doc: 'b2-barge-delay', name: 'Renn', reason: 'surname', via: 'Tobiah Renn' }]);
  });

  it('reads designators as written', () => {
    expect(designatorOf('Kestrel KX-04')).toBe('kx04');
    expect(designatorOf('Kestrel KX-09')).toBe('kx09');
    expect(designatorOf('Flight 370')).toBe('370');
    expect(designatorOf('Kestrel')).toBeUndefined();
  });
});

describe('events across articles (lorrin-refinery)', () => {
  const graph = storyGraph('lorrin-refinery');

  it('joins one incident: the same name at the same place, articles dated near', () => {
    expect(merged(graph(), 'event:fire')).toEqual([
      { doc: 'r2-refinery-inquiry', name: 'fire', reason: 'same-incident', via: 'fire', context: 'both at Lorrin Refinery, articles 3 days apart' },
    ]);
    expect([...new Set(entity(graph(), 'event:fire').evidence.map((e) => e.doc))]).toEqual(['r1-refinery-fire', 'r2-refinery-inquiry']);
  });

  it('never joins events by the head word alone: another place, or the same place months later', () => {
    expect(NEAR_DAYS).toBeLessThan(30);
    expect(keysLabelled(graph(), 'fire')).toEqual(['event:fire', 'event:fire@r3-mill-fire', 'event:fire@r4-second-refinery-fire']);
    expect(merged(graph(), 'event:fire@r3-mill-fire')).toEqual([]);
    expect(merged(graph(), 'event:fire@r4-second-refinery-fire')).toEqual([]);
  });
});

describe('merged graphs', () => {
  const stories = ['valmont-quarry', 'kestrel-barges', 'lorrin-refinery'];
  let all: DocumentExtraction[];
  beforeAll(() => {
    all = stories.flatMap(extractStory);
  });

  it('follow the contract, merge records included', () => {
    const graph = buildGraph(all);
    expect(() => validateSerializedGraph(graph.export(), 'stories')).not.toThrow();
    const ambiguous = graph.filterNodes((_k, a) => a.kind !== 'claim' && !!a.ambiguous);
    for (const key of ambiguous) for (const other of (graph.getNodeAttributes(key) as EntityAttributes).ambiguous!) expect(graph.hasNode(other)).toBe(true);
  });

  it('do not depend on the order the documents come in', () => {
    const forward = JSON.stringify(buildGraph(all).export());
    const backward = JSON.stringify(buildGraph([...all].reverse()).export());
    expect(backward).toBe(forward);
  });

  it('name every member of a group once: n members, n - 1 links', () => {
    for (const group of groupEntities([...all].sort((a, b) => (a.doc.id < b.doc.id ? -1 : 1))).groups) {
      expect(group.links).toHaveLength(group.members.length - 1);
    }
  });

  it('read merge records back from JSON text, as GEXF and GraphML carry them', () => {
    const data = buildGraph(extractStory('valmont-quarry')).export();
    const flat = JSON.parse(JSON.stringify(data)) as typeof data;
    for (const n of flat.nodes) {
      const a = n.attributes as unknown as Record<string, unknown>;
      for (const name of ['merged', 'ambiguous']) if (a[name] !== undefined) a[name] = JSON.stringify(a[name]);
    }
    expect(validateSerializedGraph(flat, 'flat').nodes).toEqual(validateSerializedGraph(data, 'json').nodes);
  });

  it('refuse an ambiguous surname naming a node the file does not hold', () => {
    const data = buildGraph(extractStory('valmont-quarry')).export();
    (data.nodes.find((n) => n.key === 'person:falkenrath')!.attributes as EntityAttributes).ambiguous = ['person:nobody'];
    expect(() => validateSerializedGraph(data, 'broken')).toThrow(/ambiguous names unknown node "person:nobody"/);
  });

  it('refuse a merge record whose evidence lies outside its document', () => {
    const data = buildGraph(extractStory('valmont-quarry')).export();
    const node = data.nodes.find((n) => n.key === 'person:osric-tamm')!;
    (node.attributes as EntityAttributes).merged![0]!.evidence = [{ doc: 'q2-quarry-appeal', start: 0, end: 10_000_000 }];
    expect(() => validateSerializedGraph(data, 'broken')).toThrow(/merged name "Tamm": evidence .* lies outside/);
  });
});
