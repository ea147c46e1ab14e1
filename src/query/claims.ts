/**
 * claimgraph query `claims`: attributions filtered by speaker, stance, the entity a claim is about, the
 * document and the articles' dates, each with its claim, speaker, article and evidence sentence; in reading
 * order or by date.
 */
import type { ClaimGraph } from '../graph/load';
import { QUOTING_KINDS, type EdgeAttributes, type Evidence } from '../graph/schema';
import type { QueryIndex } from './graph-index';
import { aboutEdges, ATTRIBUTIONS, claimRow, compareClaimRows, isAttribution, sortByDate } from './attributions';
import { checkFilterDate, documentDay, inRange } from './dates';
import { QueryArgumentError } from './errors';
import { resolveDocument, resolveName } from './resolve';
import type { ClaimFilter, ClaimRow } from './types';

const SORTS: readonly string[] = ['reading', 'date'];

/**
 * A speaker's attribution edges: its stances on claims and the claims it reported. The sidecar index
 * (sidecar-write.ts) lists exactly these for each speaker, so `claims --by` reads them without the whole graph.
 */
export function speakerEdges(graph: ClaimGraph, speaker: string): string[] {
  const edges: string[] = [];
  graph.forEachOutEdge(speaker, (edge, attributes) => {
    if (isAttribution(attributes.kind)) edges.push(edge);
  });
  return edges;
}

/** Attribution edges to look at: the speaker's own edges, the edges into claims about an entity, or all. */
function candidateEdges(index: QueryIndex, speaker: string | undefined, about: string | undefined): string[] {
  const graph = index.graph;
  if (speaker !== undefined) return speakerEdges(graph, speaker);
  const edges: string[] = [];
  if (about !== undefined) {
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

const isAbout = (index: QueryIndex, claim: string, entity: string) => aboutEdges(index.graph, claim).some((edge) => index.graph.target(edge) === entity);

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

/**
 * Which evidence a row keeps under the document and date filters, or undefined when every evidence is kept.
 * A document's day is looked up once, not once per evidence.
 */
function evidenceFilter(index: QueryIndex, doc: string | undefined, since: string | undefined, until: string | undefined): ((e: Evidence) => boolean) | undefined {
  if (doc === undefined && since === undefined && until === undefined) return undefined;
  const dated = new Set<string>();
  if (since !== undefined || until !== undefined) {
    for (const [id, d] of index.documents) {
      const day = documentDay(d.date);
      if (day !== undefined && inRange(day, since, until)) dated.add(id);
    }
  }
  return (e) => (doc === undefined || e.doc === doc) && (since === undefined && until === undefined ? true : dated.has(e.doc));
}

/**
 * Checks what the filter asks of the rows (not the names it gives), throwing QueryArgumentError for what no graph
 * could satisfy; resolves to its days. Before any name is looked up, so a bad filter is told before a bad name.
 */
export function checkClaimFilter(filter: ClaimFilter): { since: string | undefined; until: string | undefined } {
  if (filter.minConfidence !== undefined && !(filter.minConfidence >= 0 && filter.minConfidence <= 1)) {
    throw new QueryArgumentError(`minimum confidence must be a number from 0 to 1, not "${String(filter.minConfidence)}"`);
  }
  if (filter.quoted !== undefined && !(QUOTING_KINDS as readonly string[]).includes(filter.quoted)) {
    throw new QueryArgumentError(`unknown quoting "${String(filter.quoted)}"; expected one of ${QUOTING_KINDS.join(', ')}`);
  }
  if (filter.stance !== undefined && !isAttribution(filter.stance)) {
    throw new QueryArgumentError(`unknown stance "${String(filter.stance)}"; expected one of ${ATTRIBUTIONS.join(', ')}`);
  }
  if (filter.sort !== undefined && !SORTS.includes(filter.sort)) {
    throw new QueryArgumentError(`unknown sort "${String(filter.sort)}"; expected one of ${SORTS.join(', ')}`);
  }
  const since = checkFilterDate('since', filter.since);
  const until = checkFilterDate('until', filter.until);
  if (since !== undefined && until !== undefined && since > until) {
    throw new QueryArgumentError(`since ${since} is after until ${until}: no day lies between them`);
  }
  return { since, until };
}

/** The attributions that pass every filter given, in reading order; an empty list when none does. */
export function findClaims(index: QueryIndex, filter: ClaimFilter = {}): ClaimRow[] {
  const { since, until } = checkClaimFilter(filter);
  const speaker = filter.by === undefined ? undefined : resolveName(index, filter.by, 'entity');
  const about = filter.about === undefined ? undefined : resolveName(index, filter.about, 'entity');
  const doc = filter.doc === undefined ? undefined : resolveDocument(index, filter.doc);
  const keep = evidenceFilter(index, doc, since, until);
  const graph = index.graph;
  const rows: ClaimRow[] = [];
  for (const edge of candidateEdges(index, speaker, about)) {
    if (filter.stance !== undefined && graph.getEdgeAttribute(edge, 'kind') !== filter.stance) continue;
    if (about !== undefined && speaker !== undefined && !isAbout(index, graph.target(edge), about)) continue;
    if (keep !== undefined && !graph.getEdgeAttribute(edge, 'evidence').some(keep)) continue;
    if (!passesMarks(graph.getEdgeAttributes(edge), filter)) continue;
    rows.push(claimRow(index, edge, keep));
  }
  rows.sort(compareClaimRows(index));
  return filter.sort === 'date' ? sortByDate(rows) : rows;
}
