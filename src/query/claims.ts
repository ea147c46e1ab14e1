/**
 * claimgraph query `claims`: attributions filtered by speaker, stance, the entity a claim is about and the
 * document, each with its claim, speaker and evidence sentence.
 */
import { QUOTING_KINDS, type EdgeAttributes } from '../graph/schema';
import type { QueryIndex } from './graph-index';
import { ATTRIBUTIONS, claimRow, compareClaimRows, isAttribution } from './attributions';
import { QueryArgumentError } from './errors';
import { resolveDocument, resolveName } from './resolve';
import type { ClaimFilter, ClaimRow } from './types';

/** Attribution edges to look at: the speaker's own edges, the edges into claims about an entity, or all. */
function candidateEdges(index: QueryIndex, speaker: string | undefined, about: string | undefined): string[] {
  const graph = index.graph;
  const edges: string[] = [];
  if (speaker !== undefined) {
    graph.forEachOutEdge(speaker, (edge, attributes) => {
      if (isAttribution(attributes.kind)) edges.push(edge);
    });
  } else if (about !== undefined) {
    const claims = new Set<string>();
    graph.forEachInEdge(about, (_edge, attributes, source) => {
      if (attributes.kind === 'about') claims.add(source);
    });
    for (const claim of claims) {
      graph.forEachInEdge(claim, (edge, attributes) => {
        if (isAttribution(attributes.kind)) edges.push(edge);
      });
    }
  } else {
    graph.forEachEdge((edge, attributes) => {
      if (isAttribution(attributes.kind)) edges.push(edge);
    });
  }
  return edges;
}

const isAbout = (index: QueryIndex, claim: string, entity: string) =>
  index.graph.someOutEdge(claim, (_edge, attributes, _source, target) => attributes.kind === 'about' && target === entity);

/**
 * The filters on what an edge says about itself. An edge without a mark (an outlet's `reported`, a file
 * older than the marks) passes no filter that asks for that mark, and is no belief.
 */
function passesMarks(a: EdgeAttributes, filter: ClaimFilter): boolean {
  if (filter.minConfidence !== undefined && !((a.confidence ?? -1) >= filter.minConfidence)) return false;
  if (filter.quoted !== undefined && a.quoted !== filter.quoted) return false;
  if (filter.unnamed !== undefined && a.unnamed !== filter.unnamed) return false;
  if (filter.beliefs === false && a.belief === true) return false;
  return true;
}

/** The attributions that pass every filter given, in reading order; an empty list when none does. */
export function findClaims(index: QueryIndex, filter: ClaimFilter = {}): ClaimRow[] {
  if (filter.minConfidence !== undefined && !(filter.minConfidence >= 0 && filter.minConfidence <= 1)) {
    throw new QueryArgumentError(`minimum confidence must be a number from 0 to 1, not "${String(filter.minConfidence)}"`);
  }
  if (filter.quoted !== undefined && !(QUOTING_KINDS as readonly string[]).includes(filter.quoted)) {
    throw new QueryArgumentError(`unknown quoting "${String(filter.quoted)}"; expected one of ${QUOTING_KINDS.join(', ')}`);
  }
  if (filter.stance !== undefined && !isAttribution(filter.stance)) {
    throw new QueryArgumentError(`unknown stance "${String(filter.stance)}"; expected one of ${ATTRIBUTIONS.join(', ')}`);
  }
  const speaker = filter.by === undefined ? undefined : resolveName(index, filter.by, 'entity');
  const about = filter.about === undefined ? undefined : resolveName(index, filter.about, 'entity');
  const doc = filter.doc === undefined ? undefined : resolveDocument(index, filter.doc);
  const graph = index.graph;
  const rows: ClaimRow[] = [];
  for (const edge of candidateEdges(index, speaker, about)) {
    if (filter.stance !== undefined && graph.getEdgeAttribute(edge, 'kind') !== filter.stance) continue;
    if (about !== undefined && speaker !== undefined && !isAbout(index, graph.target(edge), about)) continue;
    if (doc !== undefined && !graph.getEdgeAttribute(edge, 'evidence').some((e) => e.doc === doc)) continue;
    if (!passesMarks(graph.getEdgeAttributes(edge), filter)) continue;
    rows.push(claimRow(index, edge, doc));
  }
  return rows.sort(compareClaimRows(index));
}
