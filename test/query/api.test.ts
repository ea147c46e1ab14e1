/**
 * The query API over the mini fixture graph, loaded from a file as users load theirs. Expected values are
 * computed from the fixture graph itself where possible, so the tests follow the fixture if it grows.
 */
import { writeFileSync } from 'node:fs';
import { miniGraph } from '../fixtures/mini-graph';
import { GraphContractError, STANCE_KINDS } from '../../src/graph/schema';
import { AmbiguousNameError, GraphFileError, loadGraph, NameNotFoundError, QueryArgumentError, queryGraph, type GraphQueries } from '../../src/query';
import { writeGraphFile } from './helpers';

let q: GraphQueries;
const fixture = miniGraph();

beforeAll(async () => {
  q = await loadGraph(writeGraphFile());
});

/** Edges of the fixture, straight from graphology, to compare results with. */
const fixtureEdges = (keep: (kind: string, source: string, target: string) => boolean) =>
  fixture.filterEdges((_e, a, s, t) => keep(a.kind as string, s, t));

describe('loadGraph', () => {
  it('names a missing file', async () => {
    await expect(loadGraph('/nonexistent/graph.json')).rejects.toThrow(GraphFileError);
    await expect(loadGraph('/nonexistent/graph.json')).rejects.toThrow('/nonexistent/graph.json: no such graph file');
  });

  it('rejects a file that breaks the contract, naming the file', async () => {
    const g = miniGraph();
    g.setNodeAttribute('agency:nha', 'kind', 'planet');
    const path = writeGraphFile(g);
    await expect(loadGraph(path)).rejects.toThrow(GraphContractError);
    await expect(loadGraph(path)).rejects.toThrow(path);
  });

  it('rejects text that is not JSON', async () => {
    const path = writeGraphFile();
    writeFileSync(path, '{"nodes": [');
    await expect(loadGraph(path)).rejects.toThrow(`${path}: not valid JSON`);
  });
});

describe('resolve', () => {
  it('finds a node by label, alias or key, ignoring case and accents', () => {
    expect(q.resolve('nha').key).toBe('agency:nha');
    expect(q.resolve('Nordby Harbour Authority').key).toBe('agency:nha');
    expect(q.resolve('kx-04').key).toBe('spacecraft:kestrel-harbour-tender');
    expect(q.resolve('RÁVENLINE').key).toBe('agency:ravenline');
    expect(q.resolve('person:officials').label).toBe('officials');
  });

  it('leaves claims out of entity names but not out of node names', () => {
    expect(() => q.resolve('the crew is safe')).toThrow(NameNotFoundError);
    expect(q.resolve('the crew is safe', 'node').key).toBe('claim:c4');
  });

  it('suggests close names for a name that matches nothing', () => {
    const error = captureError(() => q.resolve('Quel'));
    expect(error).toBeInstanceOf(NameNotFoundError);
    expect((error as NameNotFoundError).suggestions.map((s) => s.key)).toEqual(['person:mara-quell']);
    expect(error.message).toContain('did you mean: Mara Quell');
  });

  it('lists every candidate when a name matches several nodes', async () => {
    const g = miniGraph();
    g.addNode('person:officials-follow-up', { ...g.getNodeAttributes('person:officials'), evidence: [] });
    const two = await loadGraph(writeGraphFile(g));
    const error = captureError(() => two.claims({ by: 'Officials' }));
    expect(error).toBeInstanceOf(AmbiguousNameError);
    expect((error as AmbiguousNameError).candidates.map((c) => c.key)).toEqual(['person:officials', 'person:officials-follow-up']);
    expect(two.claims({ by: 'person:officials-follow-up' })).toEqual([]);
  });

  it('prefers a label to an alias', async () => {
    const g = miniGraph();
    g.setNodeAttribute('agency:ravenline', 'aliases', ['NHA']);
    expect((await loadGraph(writeGraphFile(g))).resolve('NHA').key).toBe('agency:nha');
  });
});

describe('claims', () => {
  it('lists every attribution once, in reading order', () => {
    const rows = q.claims();
    const attributions = fixtureEdges((k) => (STANCE_KINDS as readonly string[]).includes(k) || k === 'reported');
    expect(rows.map((r) => r.edge).sort()).toEqual([...attributions].sort());
    const positions = rows.map((r) => [r.evidence[0]!.doc === 'agency-statement' ? 0 : 1, r.evidence[0]!.start]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('gives speaker, stance, claim text, about and the evidence sentence', () => {
    const [row, ...rest] = q.claims({ by: 'Ravenline' });
    expect(rest).toEqual([]);
    expect(row!.speaker.key).toBe('agency:ravenline');
    expect(row!.stance).toBe('denied');
    expect(row!.claim.text).toBe(fixture.getNodeAttribute('claim:c2', 'text'));
    expect(row!.about.map((a) => a.key)).toEqual(['event:breach']);
    expect(row!.evidence).toEqual([
      expect.objectContaining({ doc: 'agency-statement', quote: 'denied', sentence: 'Ravenline denied that the breach was a welding fault.' }),
    ]);
  });

  it('filters by stance, about and document, and combines filters', () => {
    for (const stance of [...STANCE_KINDS, 'reported' as const]) {
      expect(q.claims({ stance }).map((r) => r.edge).sort()).toEqual(fixtureEdges((k) => k === stance).sort());
    }
    const aboutBreach = q.claims({ about: 'crack' });
    expect(aboutBreach.map((r) => r.claim.key).sort()).toEqual(['claim:c1', 'claim:c2']);
    expect(q.claims({ about: 'breach', stance: 'denied' }).map((r) => r.speaker.label)).toEqual(['Ravenline']);
    expect(q.claims({ by: 'NHA', about: 'breach', stance: 'denied' })).toEqual([]);
    const followUp = q.claims({ doc: 'follow-up' });
    expect(followUp.map((r) => r.speaker.label).sort()).toEqual(['AnchorWire', 'NHA spokesperson']);
    expect(followUp.every((r) => r.evidence.every((e) => e.doc === 'follow-up'))).toBe(true);
  });

  it('rejects an unknown document or stance', () => {
    expect(() => q.claims({ doc: 'follow' })).toThrow(/no document named "follow"; did you mean: Follow-up/);
    expect(() => q.claims({ stance: 'whispered' as never })).toThrow(QueryArgumentError);
  });
});

describe('entity', () => {
  it('reports kind, aliases, mentions, claims made and about, and relations', () => {
    const report = q.entity('breach');
    expect(report.entity).toEqual({ key: 'event:breach', label: 'breach', kind: 'event' });
    expect(report.aliases).toEqual(fixture.getNodeAttribute('event:breach', 'aliases'));
    expect(report.mentions.map((m) => m.quote)).toEqual(['small breach', 'crack']);
    expect(report.claimsMade).toEqual([]);
    expect(report.claimsAbout.map((c) => [c.claim.key, c.attributions.map((a) => `${a.speaker.label} ${a.stance}`)])).toEqual([
      ['claim:c1', ['NHA stated']],
      ['claim:c2', ['Ravenline denied']],
    ]);
    expect(report.relations.map((r) => [r.kind, r.direction, r.other.label])).toEqual([
      ['investigates', 'in', 'NHA'],
      ['investigates', 'in', 'Ravenline'],
    ]);
  });

  it('gives the direction of each relation as seen from the entity', () => {
    const relations = q.entity('NHA').relations.map((r) => `${r.kind}:${r.direction}:${r.other.key}`);
    expect(relations).toEqual(
      expect.arrayContaining(['leads:in:person:mara-quell', 'employs:out:person:nha-spokesperson', 'meets:undirected:agency:ravenline']),
    );
    expect(q.entity('NHA').claimsMade.map((c) => c.claim.key)).toEqual(['claim:c1']);
  });
});

describe('neighbors', () => {
  it('lists the nodes one hop away, edges followed either way', () => {
    const expected = new Set(fixture.neighbors('agency:ravenline'));
    expect(new Set(q.neighbors('Ravenline').map((r) => r.node.key))).toEqual(expected);
  });

  it('walks further with depth and filters by kind without stopping the walk', () => {
    const rows = q.neighbors('Ravenline', { depth: 2, kind: 'person' });
    expect(rows.map((r) => [r.node.label, r.depth, r.via.from.label, r.via.kind])).toEqual([
      ['Mara Quell', 2, 'NHA', 'leads'],
      ['NHA spokesperson', 2, 'NHA', 'employs'],
    ]);
  });

  it('rejects a depth below 1 and an unknown kind', () => {
    expect(() => q.neighbors('NHA', { depth: 0 })).toThrow(QueryArgumentError);
    expect(() => q.neighbors('NHA', { kind: 'planet' })).toThrow(/unknown node kind "planet"/);
  });
});

describe('path', () => {
  it('finds a shortest path against edge direction, with each edge and its evidence', () => {
    const result = q.path('Regional media', 'officials')!;
    expect(result.steps.map((s) => [s.from.label, s.kind, s.direction, s.to.label])).toEqual([
      ['Regional media', 'reported', 'out', 'divers cut the hull'],
      ['divers cut the hull', 'questioned', 'in', 'officials'],
    ]);
    expect(result.steps[1]!.evidence[0]!.quote).toBe('questioned whether');
  });

  it('has as many steps as the shortest undirected path', () => {
    const result = q.path('KX-04', 'AnchorWire')!;
    expect(result.steps).toHaveLength(bfsDistance('spacecraft:kestrel-harbour-tender', 'media:anchorwire'));
    expect(result.steps.length).toBeGreaterThan(2);
    result.steps.forEach((s, i) => {
      if (i > 0) expect(s.from.key).toBe(result.steps[i - 1]!.to.key);
      expect(fixture.hasEdge(s.edge)).toBe(true);
    });
  });

  it('returns null when nothing joins the two nodes', async () => {
    const g = miniGraph();
    g.addNode('place:nowhere', { ...g.getNodeAttributes('event:breach'), kind: 'place', label: 'Nowhere', aliases: [] });
    expect((await loadGraph(writeGraphFile(g))).path('NHA', 'Nowhere')).toBeNull();
  });
});

describe('speakers', () => {
  it('counts claims by stance for every source, most first', () => {
    const rows = q.speakers();
    for (const row of rows) {
      const out = fixtureEdges((k, s) => s === row.speaker.key && k !== 'about' && (STANCE_KINDS as readonly string[]).concat('reported').includes(k));
      expect(row.total).toBe(out.length);
      expect(Object.values(row.stances).reduce((a, b) => a + b, 0)).toBe(row.total);
    }
    expect(rows.map((r) => r.speaker.key)).toContain('media:anchorwire');
    expect(rows.find((r) => r.speaker.key === 'agency:ravenline')!.stances).toEqual({ stated: 0, denied: 1, questioned: 0, confirmed: 0, reported: 0 });
  });
});

describe('stats', () => {
  it('counts nodes and edges by kind', () => {
    const stats = q.stats();
    expect(stats.documents).toBe(2);
    expect(stats.nodes.total).toBe(fixture.order);
    expect(stats.edges.total).toBe(fixture.size);
    expect(stats.nodes.byKind.claim).toBe(fixture.filterNodes((_n, a) => a.kind === 'claim').length);
    expect(stats.nodes.byKind.organization).toBe(0);
    expect(Object.values(stats.edges.byKind).reduce((a, b) => a + b, 0)).toBe(fixture.size);
  });

  it('ranks entities by degree and PageRank, claims left out', () => {
    const { byDegree, byPagerank } = q.stats({ top: 3 }).central;
    expect(byDegree).toHaveLength(3);
    expect(byDegree[0]!.key).toBe('agency:nha');
    expect(byDegree[0]!.degree).toBe(fixture.degree('agency:nha'));
    expect(byPagerank.every((n) => n.kind !== 'claim')).toBe(true);
    expect(byPagerank.map((n) => n.pagerank)).toEqual([...byPagerank.map((n) => n.pagerank)].sort((a, b) => b - a));
  });

  it('ranks a graph with undirected self-loops (disputes within one claim), on which plain PageRank never converges', () => {
    // the shape that makes graphology-metrics' PageRank diverge: a run of nodes that each pass rank on and have
    // a self-loop; the edges' kinds do not matter to the rank
    const g = miniGraph();
    const style = { aliases: [], evidence: [], x: 0, y: 0, size: 1, color: '#888888' };
    for (let i = 0; i < 50; i++) g.addNode(`person:p${i}`, { kind: 'person', label: `P${i}`, ...style });
    for (let i = 0; i < 49; i++) g.addDirectedEdgeWithKey(`chain-${i}`, `person:p${i}`, `person:p${i + 1}`, { kind: 'employs', evidence: [] });
    for (let i = 0; i < 20; i++) g.addUndirectedEdgeWithKey(`loop-${i}`, `person:p${i}`, `person:p${i}`, { kind: 'contradicts', reason: 'opposite-stance', evidence: [] });
    const ranks = queryGraph(g as unknown as Parameters<typeof queryGraph>[0]).stats({ top: 100 }).central.byPagerank;
    expect(ranks.length).toBeGreaterThan(50);
    expect(ranks.reduce((sum, n) => sum + n.pagerank, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('splits the graph into communities that cover every node, the same way each time', () => {
    const { communities } = q.stats({ top: 100 });
    expect(communities.largest.reduce((n, c) => n + c.size, 0)).toBe(fixture.order);
    expect(communities.count).toBe(communities.largest.length);
    expect(communities.count).toBeGreaterThan(1);
    expect(q.stats({ top: 100 }).communities).toEqual(communities);
  });
});

/** Hop count between two fixture nodes by a plain breadth-first search, edges either way. */
function bfsDistance(from: string, to: string): number {
  const distance = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift()!;
    for (const next of fixture.neighbors(node)) {
      if (distance.has(next)) continue;
      distance.set(next, distance.get(node)! + 1);
      queue.push(next);
    }
  }
  return distance.get(to) ?? -1;
}

function captureError(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}
