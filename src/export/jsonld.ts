/**
 * claimgraph export: every claim as a schema.org `Claim` in JSON-LD, the shape fact-checking tools (ClaimReview) use.
 * The @context is inline, so expanding the file fetches nothing from schema.org.
 */
import type { ClaimGraph } from '../graph/load';
import { STANCE_KINDS, type ClaimAttributes, type Evidence, type GraphDocument, type NodeAttributes } from '../graph/schema';

const SCHEMA = 'https://schema.org/';

/** schema.org types for the node kinds; a kind added later and missing here is a plain `Thing`. */
const SCHEMA_TYPES: Readonly<Record<string, string>> = {
  agency: 'GovernmentOrganization',
  organization: 'Organization',
  media: 'NewsMediaOrganization',
  person: 'Person',
  spacecraft: 'Vehicle',
  place: 'Place',
  event: 'Event',
};

/** Edge kinds whose source speaks about the claim: the stances, and an outlet that carried it. */
const AUTHOR_EDGE_KINDS: ReadonlySet<string> = new Set([...STANCE_KINDS, 'reported']);

/** The terms this file uses, each mapped to its schema.org IRI: a JSON-LD processor needs nothing else. */
export const JSONLD_CONTEXT = {
  schema: SCHEMA,
  ...Object.fromEntries(
    ['Claim', 'Role', 'NewsArticle', 'Thing', ...new Set(Object.values(SCHEMA_TYPES))].map((t) => [t, `schema:${t}`]),
  ),
  identifier: 'schema:identifier',
  name: 'schema:name',
  alternateName: 'schema:alternateName',
  text: 'schema:text',
  author: 'schema:author',
  roleName: 'schema:roleName',
  about: 'schema:about',
  appearance: 'schema:appearance',
  headline: 'schema:headline',
  datePublished: 'schema:datePublished',
  url: { '@id': 'schema:url', '@type': '@id' },
} as const;

/** A stable IRI for a claimgraph node or document that has no web address of its own. */
function urn(space: 'node' | 'document', key: string): string {
  return `urn:claimgraph:${space}:${encodeURIComponent(key)}`;
}

const isWebAddress = (value: string | undefined): value is string => !!value && /^https?:\/\/\S+$/i.test(value);

function entity(key: string, node: NodeAttributes): Record<string, unknown> {
  return {
    '@id': urn('node', key),
    '@type': SCHEMA_TYPES[node.kind] ?? 'Thing',
    identifier: key,
    name: node.label,
    ...(node.aliases.length ? { alternateName: node.aliases } : {}),
  };
}

function article(document: GraphDocument): Record<string, unknown> {
  return {
    '@id': isWebAddress(document.source) ? document.source : urn('document', document.id),
    '@type': 'NewsArticle',
    identifier: document.id,
    headline: document.title,
    ...(document.date ? { datePublished: document.date } : {}),
    ...(isWebAddress(document.source) ? { url: document.source } : {}),
  };
}

/**
 * One schema.org Claim: its text; `author` one Role per speaker or outlet (roleName = the stance: stated, denied,
 * questioned, confirmed, reported); `about` the entities it is about; `appearance` the articles it appears in.
 */
function claim(graph: ClaimGraph, key: string, node: ClaimAttributes, documents: ReadonlyMap<string, GraphDocument>): Record<string, unknown> {
  const authors: Record<string, unknown>[] = [];
  const about: Record<string, unknown>[] = [];
  const evidence: Evidence[] = [...node.evidence];
  graph.forEachInEdge(key, (_edge, edge, source, _target, sourceNode) => {
    if (!AUTHOR_EDGE_KINDS.has(edge.kind)) return;
    authors.push({ '@type': 'Role', roleName: edge.kind, author: entity(source, sourceNode) });
    evidence.push(...edge.evidence);
  });
  graph.forEachOutEdge(key, (_edge, edge, _source, target, _sourceNode, targetNode) => {
    if (edge.kind === 'about') about.push(entity(target, targetNode));
  });
  // undirected edges are neither in- nor out-edges; a stance or an `about` is always directed in the contract
  const appearances = [...new Set(evidence.map((e) => e.doc))].flatMap((id) => {
    const document = documents.get(id);
    return document ? [article(document)] : [];
  });
  return {
    '@id': urn('node', key),
    '@type': 'Claim',
    identifier: key,
    name: node.label,
    text: node.text,
    ...(authors.length ? { author: authors } : {}),
    ...(about.length ? { about } : {}),
    ...(appearances.length ? { appearance: appearances } : {}),
  };
}

/** The JSON-LD document: the inline context and every claim of the graph, in graph order. */
export function claimsJsonLd(graph: ClaimGraph): { '@context': typeof JSONLD_CONTEXT; '@graph': Record<string, unknown>[] } {
  const documents = new Map(graph.getAttribute('documents').map((d) => [d.id, d]));
  const claims: Record<string, unknown>[] = [];
  graph.forEachNode((key, node) => {
    if (node.kind === 'claim') claims.push(claim(graph, key, node, documents));
  });
  return { '@context': JSONLD_CONTEXT, '@graph': claims };
}

/** The JSON-LD file's text. */
export function writeJsonLd(graph: ClaimGraph): string {
  return `${JSON.stringify(claimsJsonLd(graph), null, 2)}\n`;
}
