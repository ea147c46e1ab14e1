/**
 * claimgraph query: attribution edges (a speaker's stance on a claim, or an outlet that reported it) and how
 * one becomes a ClaimRow.
 */
import { STANCE_KINDS } from '../graph/schema';
import type { QueryIndex } from './graph-index';
import { claimRef, compareEvidence, compareNodes, compareStrings, evidenceRows, nodeRef } from './refs';
import type { Attribution, ClaimRow, NodeRef } from './types';

/** Every attribution, stances first, in the order results list them. */
export const ATTRIBUTIONS: readonly Attribution[] = [...STANCE_KINDS, 'reported'];

const ATTRIBUTION_SET: ReadonlySet<string> = new Set(ATTRIBUTIONS);

export const isAttribution = (kind: unknown): kind is Attribution => typeof kind === 'string' && ATTRIBUTION_SET.has(kind);

/** The entities a claim is about, deduplicated, in label order. */
export function claimAbout(index: QueryIndex, claim: string): NodeRef[] {
  const keys = new Set<string>();
  index.graph.forEachOutEdge(claim, (_edge, attributes, _source, target) => {
    if (attributes.kind === 'about') keys.add(target);
  });
  return [...keys].map((k) => nodeRef(index, k)).sort(compareNodes);
}

/** The row for attribution edge `edge`; `doc`, when given, keeps only that document's evidence. */
export function claimRow(index: QueryIndex, edge: string, doc?: string): ClaimRow {
  const graph = index.graph;
  const attributes = graph.getEdgeAttributes(edge);
  const claim = graph.target(edge);
  const evidence = doc === undefined ? attributes.evidence : attributes.evidence.filter((e) => e.doc === doc);
  return {
    edge,
    speaker: nodeRef(index, graph.source(edge)),
    stance: attributes.kind as Attribution,
    claim: claimRef(index, claim),
    about: claimAbout(index, claim),
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
