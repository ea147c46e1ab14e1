/**
 * claimgraph query: attribution edges (a speaker's stance on a claim, or an outlet that reported it) and how
 * one becomes a ClaimRow.
 */
import type { ClaimGraph } from '../graph/load';
import { STANCE_KINDS, type Evidence } from '../graph/schema';
import { documentDay } from './dates';
import type { QueryIndex } from './graph-index';
import { claimRef, compareEvidence, compareNodes, compareStrings, evidenceRows, nodeRef } from './refs';
import type { Attribution, ClaimRow, NodeRef } from './types';

/** Every attribution, stances first, in the order results list them. */
export const ATTRIBUTIONS: readonly Attribution[] = [...STANCE_KINDS, 'reported'];

const ATTRIBUTION_SET: ReadonlySet<string> = new Set(ATTRIBUTIONS);

export const isAttribution = (kind: unknown): kind is Attribution => typeof kind === 'string' && ATTRIBUTION_SET.has(kind);

/** A claim's `about` edges. The sidecar index (sidecar-write.ts) lists exactly these with each claim of a speaker. */
export function aboutEdges(graph: ClaimGraph, claim: string): string[] {
  const edges: string[] = [];
  graph.forEachOutEdge(claim, (edge, attributes) => {
    if (attributes.kind === 'about') edges.push(edge);
  });
  return edges;
}

/** The entities a claim is about, deduplicated, in label order. */
export function claimAbout(index: QueryIndex, claim: string): NodeRef[] {
  const keys = new Set(aboutEdges(index.graph, claim).map((edge) => index.graph.target(edge)));
  return [...keys].map((k) => nodeRef(index, k)).sort(compareNodes);
}

/**
 * The article a row is dated by: the earliest dated document among its evidence's, else the first in reading
 * order. Earliest, because a speaker's one edge may gather the same words from several articles, and "when
 * was this said" asks for the first time.
 */
function rowArticle(index: QueryIndex, evidence: readonly Evidence[]): Pick<ClaimRow, 'doc' | 'title' | 'date'> {
  let best: { id: string; day: string | undefined; order: number } | undefined;
  for (const e of evidence) {
    const day = documentDay(index.documents.get(e.doc)?.date);
    const order = index.documentOrder.get(e.doc) ?? Infinity;
    const better = !best || (day !== undefined && (best.day === undefined || day < best.day)) || (day === best.day && order < best.order);
    if (better) best = { id: e.doc, day, order };
  }
  const document = best && index.documents.get(best.id);
  return { doc: best?.id ?? null, title: document?.title ?? null, date: document?.date ?? null };
}

/** The row for attribution edge `edge`; `keep`, when given, keeps only the evidence it accepts (a document, a date range). */
export function claimRow(index: QueryIndex, edge: string, keep?: (e: Evidence) => boolean): ClaimRow {
  const graph = index.graph;
  const attributes = graph.getEdgeAttributes(edge);
  const claim = graph.target(edge);
  const evidence = keep === undefined ? attributes.evidence : attributes.evidence.filter(keep);
  return {
    edge,
    speaker: nodeRef(index, graph.source(edge)),
    stance: attributes.kind as Attribution,
    claim: claimRef(index, claim),
    about: claimAbout(index, claim),
    ...rowArticle(index, evidence),
    evidence: evidenceRows(index, evidence),
    ...(attributes.confidence !== undefined ? { confidence: attributes.confidence } : {}),
    ...(attributes.quoted !== undefined ? { quoted: attributes.quoted } : {}),
    ...(attributes.unnamed !== undefined ? { unnamed: attributes.unnamed } : {}),
    ...(attributes.belief !== undefined ? { belief: attributes.belief } : {}),
  };
}

/** Reading order: first evidence (document, then offset), then edge key. */
export const compareClaimRows = (index: QueryIndex) => (a: ClaimRow, b: ClaimRow): number =>
  compareEvidence(index, a.evidence[0], b.evidence[0]) || compareStrings(a.edge, b.edge);

/**
 * Date order for rows already in reading order: by the row's day, rows without one last. Array sort is stable,
 * so rows of one day keep their reading order.
 */
export function sortByDate(rows: ClaimRow[]): ClaimRow[] {
  return rows.sort((a, b) => compareDates(a.date, b.date));
}

/** Two rows' dates by their day, oldest first; a date that gives no day (or none) sorts last. */
export function compareDates(a: string | null, b: string | null): number {
  const x = documentDay(a ?? undefined);
  const y = documentDay(b ?? undefined);
  return x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : compareStrings(x, y);
}
