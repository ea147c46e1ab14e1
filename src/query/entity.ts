/**
 * claimgraph query `entity`: everything the graph holds about one entity: kind, aliases, mentions with their
 * sentences, the claims it made, the claims about it (with who took which stance) and its relations.
 */
import { EDGE_KINDS } from '../graph/schema';
import type { QueryIndex } from './graph-index';
import { claimRow, compareClaimRows, isAttribution } from './attributions';
import { claimRef, compareEvidence, compareNodes, compareStrings, evidenceRows, nodeRef } from './refs';
import { resolveName } from './resolve';
import type { AboutClaim, EdgeDirection, EntityReport, MergeRow, NodeRef, RelationRow } from './types';
import type { Evidence } from '../graph/schema';

/** Contract kinds in schema order, then kinds added later in name order. */
export function compareEdgeKinds(a: string, b: string): number {
  const rank = (k: string) => {
    const i = (EDGE_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? EDGE_KINDS.length : i;
  };
  return rank(a) - rank(b) || compareStrings(a, b);
}

function claimsAbout(index: QueryIndex, entity: string): AboutClaim[] {
  const graph = index.graph;
  const evidenceByClaim = new Map<string, Evidence[]>();
  graph.forEachInEdge(entity, (_edge, attributes, source) => {
    if (attributes.kind !== 'about') return;
    evidenceByClaim.set(source, [...(evidenceByClaim.get(source) ?? []), ...attributes.evidence]);
  });
  const result = [...evidenceByClaim].map(([claim, evidence]): AboutClaim => {
    const attributions: AboutClaim['attributions'] = [];
    graph.forEachInEdge(claim, (_edge, attributes, source) => {
      if (isAttribution(attributes.kind)) attributions.push({ speaker: nodeRef(index, source), stance: attributes.kind });
    });
    attributions.sort((a, b) => compareNodes(a.speaker, b.speaker) || compareStrings(a.stance, b.stance));
    return { claim: claimRef(index, claim), attributions, evidence: evidenceRows(index, evidence) };
  });
  return result.sort((a, b) => compareEvidence(index, a.evidence[0], b.evidence[0]) || compareStrings(a.claim.key, b.claim.key));
}

function relations(index: QueryIndex, entity: string): RelationRow[] {
  const rows: RelationRow[] = [];
  index.graph.forEachEdge(entity, (edge, attributes, source, target, _sa, _ta, undirected) => {
    if (attributes.kind === 'about' || isAttribution(attributes.kind)) return;
    const direction: EdgeDirection = undirected ? 'undirected' : source === entity ? 'out' : 'in';
    const other = source === entity ? target : source;
    rows.push({ edge, kind: attributes.kind, direction, other: nodeRef(index, other), evidence: evidenceRows(index, attributes.evidence) });
  });
  return rows.sort((a, b) => compareEdgeKinds(a.kind, b.kind) || compareNodes(a.other, b.other) || compareStrings(a.edge, b.edge));
}

/** The node's merge records in build order (by article, then by where the name first stands). */
function mergedNames(index: QueryIndex, key: string): MergeRow[] {
  const a = index.graph.getNodeAttributes(key);
  if (a.kind === 'claim') return [];
  return (a.merged ?? []).map((r) => ({
    doc: r.doc, name: r.name, reason: r.reason, via: r.via, ...(r.context ? { context: r.context } : {}), evidence: evidenceRows(index, r.evidence),
  }));
}

/** The nodes a surname kept apart could be; keys the file names but does not hold are left out. */
function ambiguousWith(index: QueryIndex, key: string): NodeRef[] {
  const a = index.graph.getNodeAttributes(key);
  if (a.kind === 'claim') return [];
  return (a.ambiguous ?? []).filter((k) => index.graph.hasNode(k)).map((k) => nodeRef(index, k)).sort(compareNodes);
}

export function entityReport(index: QueryIndex, name: string): EntityReport {
  const key = resolveName(index, name, 'entity');
  const graph = index.graph;
  const attributes = graph.getNodeAttributes(key);
  const made: string[] = [];
  graph.forEachOutEdge(key, (edge, a) => {
    if (isAttribution(a.kind)) made.push(edge);
  });
  return {
    entity: nodeRef(index, key),
    aliases: [...attributes.aliases],
    merged: mergedNames(index, key),
    ambiguous: ambiguousWith(index, key),
    mentions: evidenceRows(index, attributes.evidence),
    claimsMade: made.map((edge) => claimRow(index, edge)).sort(compareClaimRows(index)),
    claimsAbout: claimsAbout(index, key),
    relations: relations(index, key),
  };
}
