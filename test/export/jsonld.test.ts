/**
 * JSON-LD export: expanded by the jsonld library with a document loader that refuses every URL, so the test
 * proves the file needs nothing from schema.org; every claim comes out a schema.org Claim with author roles.
 */
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { claimsJsonLd, writeJsonLd } from '../../src/export/jsonld';
import { nastyGraph } from './nasty-graph';
import { miniClaimGraph as mini } from './test-graphs';

const S = 'https://schema.org/';

type Expanded = Record<string, unknown>[];
const requested: string[] = [];

/** Offline: any attempt to load a remote context or document fails the expansion (and is recorded). */
const offlineLoader = async (url: string): Promise<never> => {
  requested.push(url);
  throw new Error(`offline test: refused to load ${url}`);
};

async function expand(text: string): Promise<Expanded> {
  return (await jsonld.expand(JSON.parse(text) as JsonLdDocument, { documentLoader: offlineLoader as never })) as Expanded;
}

const values = (node: Record<string, unknown>, property: string): unknown[] =>
  ((node[S + property] ?? []) as Record<string, unknown>[]).map((v) => ('@value' in v ? v['@value'] : v));

afterAll(() => expect(requested).toEqual([]));

test('every claim expands to a schema.org Claim with its text, author roles, about and appearance', async () => {
  const graph = mini();
  const expanded = await expand(writeJsonLd(graph));
  const claims = graph.filterNodes((_key, a) => a.kind === 'claim');
  expect(expanded).toHaveLength(claims.length);
  for (const node of expanded) expect(node['@type']).toEqual([`${S}Claim`]);

  const byId = new Map(expanded.map((n) => [values(n, 'identifier')[0] as string, n]));
  for (const key of claims) {
    const claim = byId.get(key)!;
    expect(values(claim, 'text')).toEqual([graph.getNodeAttribute(key, 'text')]);
    // one author Role per stance or reporting edge into the claim, roleName = the edge kind
    const roles = values(claim, 'author') as Record<string, unknown>[];
    const expectedRoles = graph.inEdges(key).map((e) => [graph.getEdgeAttribute(e, 'kind'), graph.getNodeAttribute(graph.source(e), 'label')]);
    expect(roles.map((r) => [values(r, 'roleName')[0], values((values(r, 'author')[0] as Record<string, unknown>), 'name')[0]]).sort())
      .toEqual(expectedRoles.sort());
    for (const role of roles) expect(role['@type']).toEqual([`${S}Role`]);
    const about = (values(claim, 'about') as Record<string, unknown>[]).map((a) => values(a, 'name')[0]);
    expect(about.sort()).toEqual(graph.outEdges(key).filter((e) => graph.getEdgeAttribute(e, 'kind') === 'about').map((e) => graph.getNodeAttribute(graph.target(e), 'label')).sort());
    const appearance = values(claim, 'appearance') as Record<string, unknown>[];
    expect(appearance.length).toBeGreaterThan(0);
    for (const article of appearance) {
      expect(article['@type']).toEqual([`${S}NewsArticle`]);
      const doc = graph.getAttribute('documents').find((d) => d.id === values(article, 'identifier')[0])!;
      expect(values(article, 'headline')).toEqual([doc.title]);
      expect(values(article, 'datePublished')).toEqual([doc.date]);
    }
  }
});

test('a speaker who denies a claim is its author with roleName "denied"', async () => {
  const expanded = await expand(writeJsonLd(mini()));
  const denied = expanded.flatMap((c) => (values(c, 'author') as Record<string, unknown>[]).filter((r) => values(r, 'roleName')[0] === 'denied'));
  expect(denied).toHaveLength(1);
  const speaker = values(denied[0]!, 'author')[0] as Record<string, unknown>;
  expect(speaker['@type']).toEqual([`${S}GovernmentOrganization`]);
  expect(values(speaker, 'name')).toEqual(['Ravenline']);
});

test('nasty texts expand exactly; a document with a web address appears under that address', async () => {
  const graph = nastyGraph();
  const [claim] = await expand(writeJsonLd(graph));
  expect(values(claim!, 'text')).toEqual([graph.getNodeAttribute('claim:nasty', 'text')]);
  const article = (values(claim!, 'appearance') as Record<string, unknown>[])[0]!;
  expect(article['@id']).toBe('https://example.org/a?b=1&c=2');
  const names = (values(claim!, 'author') as Record<string, unknown>[]).map((r) => values(values(r, 'author')[0] as Record<string, unknown>, 'name')[0]);
  expect(names).toContain(graph.getNodeAttribute(graph.nodes()[5]!, 'label'));
  // every node @id is an absolute IRI, even for keys with spaces, quotes and emoji
  for (const role of values(claim!, 'author') as Record<string, unknown>[]) {
    expect((values(role, 'author')[0] as Record<string, unknown>)['@id']).toMatch(/^urn:claimgraph:node:[A-Za-z0-9%._~!*'()-]+$/);
  }
});

test('a remote @context would be refused: the loader is really offline', async () => {
  const remote = { '@context': 'https://schema.org/', '@type': 'Claim', text: 'x' };
  await expect(jsonld.expand(remote as JsonLdDocument, { documentLoader: offlineLoader as never })).rejects.toThrow();
  requested.length = 0;
});

test('the document is deterministic and lists only claims', () => {
  expect(writeJsonLd(nastyGraph())).toBe(writeJsonLd(nastyGraph()));
  expect(claimsJsonLd(mini())['@graph'].map((c) => c.identifier)).toEqual(['claim:c1', 'claim:c2', 'claim:c3', 'claim:c4']);
});
