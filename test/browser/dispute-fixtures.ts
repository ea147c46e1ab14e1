/**
 * Graphs with disputes for the viewer's tests: a hand-made invented story (the Ostrel pier) whose disputes are
 * known by construction, and the invented harrow-ferry story (test/fixtures/stories) built by the real pipeline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { EDGE_COLORS, NODE_COLORS, SCHEMA_VERSION, type EdgeKind, type NodeKind } from '../../src/graph/schema';
import type { ClaimGraph } from '../../src/graph/load';
import { documentFromText } from '../../src/ingest/from-text';
import { extractDocument } from '../../src/pipeline/extract-document';
import { graphFromExtractions } from '../../src/pipeline/build-from-sources';

export const PIER_DOCS = [
  {
    id: 'pier-opens',
    title: 'Ostrel Pier Opens',
    date: '2030-04-01',
    text: 'Ostrel Pier Opens\n\nThe Harbour Board said the pier is safe. Captain Ines Arvo said the pier is closed.',
  },
  {
    id: 'pier-doubts',
    title: 'Doubts Over the Pier',
    date: '2030-04-03',
    source: 'Ostrel Times',
    text: "Doubts Over the Pier\n\nThe Dockers' Union denied that the pier is safe. Surveyor Tom Bale questioned whether the pier is safe. Warden Lusa Peck said the pier is not closed, the Ostrel Times reported.",
  },
  {
    id: 'pier-letter',
    title: 'A Letter on the Pier',
    text: 'A Letter on the Pier\n\nEngineer Rho Dant confirmed the pier is safe. Mayor Kiva Lorn denied that the pier is closed.',
  },
] as const;

/**
 * The Ostrel pier: "the pier is safe" stated and confirmed by two, denied and questioned by two, reported by an
 * outlet (no side); "the pier is closed" stated by Ines Arvo and denied by Kiva Lorn, and its negation stated by
 * Lusa Peck (who agrees with Kiva Lorn). Six disputes (PIER_DISPUTES).
 */
export function pierGraph(): Graph {
  const g = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  g.replaceAttributes({ schemaVersion: SCHEMA_VERSION, generator: 'claimgraph test fixture', documents: PIER_DOCS.map((d) => ({ ...d })) });
  const at = (doc: (typeof PIER_DOCS)[number]['id'], needle: string) => {
    const text = PIER_DOCS.find((d) => d.id === doc)!.text;
    const start = text.indexOf(needle);
    if (start < 0) throw new Error(`pier fixture: "${needle}" not in ${doc}`);
    return { doc, start, end: start + needle.length };
  };
  let i = 0;
  const node = (key: string, kind: NodeKind, label: string, evidence: ReturnType<typeof at>[]) => {
    const angle = (i++ / 12) * 2 * Math.PI;
    g.addNode(key, {
      kind, label, aliases: [], evidence, ...(kind === 'claim' ? { text: label } : {}),
      x: Math.round(Math.cos(angle) * 100), y: Math.round(Math.sin(angle) * 100), size: kind === 'claim' ? 4 : 8, color: NODE_COLORS[kind],
    });
  };
  const edge = (kind: EdgeKind, source: string, target: string, evidence: ReturnType<typeof at>[]) =>
    g.addDirectedEdgeWithKey(`${kind}:${source}->${target}`, source, target, { kind, evidence, size: 1, color: EDGE_COLORS[kind] });
  const contradicts = (source: string, target: string, reason: string, evidence: ReturnType<typeof at>[]) =>
    g.addUndirectedEdgeWithKey(`contradicts:${source}--${target}`, source, target, { kind: 'contradicts', reason, evidence, size: 1, color: EDGE_COLORS.contradicts });
  node('organization:harbour-board', 'organization', 'Harbour Board', [at('pier-opens', 'Harbour Board')]);
  node('person:ines-arvo', 'person', 'Ines Arvo', [at('pier-opens', 'Captain Ines Arvo')]);
  node('organization:dockers-union', 'organization', "Dockers' Union", [at('pier-doubts', "Dockers' Union")]);
  node('person:tom-bale', 'person', 'Tom Bale', [at('pier-doubts', 'Surveyor Tom Bale')]);
  node('person:lusa-peck', 'person', 'Lusa Peck', [at('pier-doubts', 'Warden Lusa Peck')]);
  node('media:ostrel-times', 'media', 'Ostrel Times', [at('pier-doubts', 'Ostrel Times')]);
  node('person:rho-dant', 'person', 'Rho Dant', [at('pier-letter', 'Engineer Rho Dant')]);
  node('person:kiva-lorn', 'person', 'Kiva Lorn', [at('pier-letter', 'Mayor Kiva Lorn')]);
  const safe = ['pier-opens', 'pier-doubts', 'pier-letter'].map((d) => at(d as 'pier-opens', 'the pier is safe'));
  node('claim:safe', 'claim', 'the pier is safe', safe);
  node('claim:closed', 'claim', 'the pier is closed', [at('pier-opens', 'the pier is closed'), at('pier-letter', 'the pier is closed')]);
  node('claim:not-closed', 'claim', 'the pier is not closed', [at('pier-doubts', 'the pier is not closed')]);
  edge('stated', 'organization:harbour-board', 'claim:safe', [at('pier-opens', 'said')]);
  edge('denied', 'organization:dockers-union', 'claim:safe', [at('pier-doubts', 'denied')]);
  edge('questioned', 'person:tom-bale', 'claim:safe', [at('pier-doubts', 'questioned whether')]);
  edge('confirmed', 'person:rho-dant', 'claim:safe', [at('pier-letter', 'confirmed')]);
  edge('reported', 'media:ostrel-times', 'claim:safe', [at('pier-doubts', 'reported')]);
  edge('stated', 'person:ines-arvo', 'claim:closed', [at('pier-opens', 'said the pier is closed')]);
  edge('denied', 'person:kiva-lorn', 'claim:closed', [at('pier-letter', 'denied')]);
  edge('stated', 'person:lusa-peck', 'claim:not-closed', [at('pier-doubts', 'said')]);
  contradicts('claim:safe', 'claim:safe', 'opposite-stance', safe);
  contradicts('claim:closed', 'claim:closed', 'opposite-stance', [at('pier-opens', 'the pier is closed'), at('pier-letter', 'the pier is closed')]);
  contradicts('claim:closed', 'claim:not-closed', 'negation', [at('pier-opens', 'the pier is closed'), at('pier-doubts', 'the pier is not closed')]);
  return g;
}

/** The pier's disputes in list order, each side as `speaker stance claim date`. */
export const PIER_DISPUTES = [
  ['Harbour Board stated the pier is safe 2030-04-01', "Dockers' Union denied the pier is safe 2030-04-03"],
  ['Harbour Board stated the pier is safe 2030-04-01', 'Tom Bale questioned the pier is safe 2030-04-03'],
  ['Ines Arvo stated the pier is closed 2030-04-01', 'Lusa Peck stated the pier is not closed 2030-04-03'],
  ['Ines Arvo stated the pier is closed 2030-04-01', 'Kiva Lorn denied the pier is closed no date'],
  ["Dockers' Union denied the pier is safe 2030-04-03", 'Rho Dant confirmed the pier is safe no date'],
  ['Tom Bale questioned the pier is safe 2030-04-03', 'Rho Dant confirmed the pier is safe no date'],
];

export const HARROW_FERRY = join(__dirname, '..', 'fixtures', 'stories', 'harrow-ferry');

/** The invented harrow-ferry story, built as `claimgraph build` builds it (extraction, graph, layout). */
export function harrowFerryGraph(): ClaimGraph {
  const extractions = readdirSync(HARROW_FERRY).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => extractDocument(documentFromText(f.replace(/\.txt$/, ''), readFileSync(join(HARROW_FERRY, f), 'utf8'))));
  return graphFromExtractions(extractions);
}
