/**
 * claimgraph query `disputes`: every pair of speakers on opposite sides of a `contradicts` edge, each side
 * with its stance, claim, article and evidence sentence (the row `claims` gives for that attribution).
 */
import { isStance, type ContradictionReason } from '../graph/schema';
import { claimRow, compareClaimRows, compareDates } from './attributions';
import type { QueryIndex } from './graph-index';
import { compareStrings } from './refs';
import { resolveName } from './resolve';
import type { DisputeFilter, DisputeRow, DisputeSide } from './types';

/** What a stance asserts of its claim: stated and confirmed hold it (+1), denied and questioned reject it (-1). */
const sign = (stance: string) => (stance === 'stated' || stance === 'confirmed' ? 1 : -1);

/** The stance edges into a claim (outlets that only reported it take no side). */
function stanceEdges(index: QueryIndex, claim: string): string[] {
  const edges: string[] = [];
  index.graph.forEachInEdge(claim, (edge, attributes) => {
    if (isStance(attributes.kind)) edges.push(edge);
  });
  return edges.sort(compareStrings);
}

/**
 * Whether stance edges x (into one end) and y (into the other) are on opposite sides, as the builder pairs them
 * (src/graph/contradictions.ts): on one claim, two speakers of opposite signs; across P and not-P (`negation`),
 * the same sign; across two claims for any other reason, opposite signs (a `rejection` is written on one claim: the rejecting speaker's denial goes into the claim it points back to).
 */
function opposed(index: QueryIndex, reason: ContradictionReason, x: string, y: string, oneClaim: boolean): boolean {
  const graph = index.graph;
  const differ = sign(graph.getEdgeAttribute(x, 'kind')) !== sign(graph.getEdgeAttribute(y, 'kind'));
  if (oneClaim) return differ && graph.source(x) !== graph.source(y);
  return reason === 'negation' ? !differ : differ;
}

/** The pairs of stance edges a `contradicts` edge sets against each other. */
function opposedPairs(index: QueryIndex, edge: string, reason: ContradictionReason): [string, string][] {
  const [source, target] = index.graph.extremities(edge);
  const oneClaim = source === target;
  const left = stanceEdges(index, source);
  const right = oneClaim ? left : stanceEdges(index, target);
  const pairs: [string, string][] = [];
  left.forEach((x, i) => {
    for (const y of oneClaim ? right.slice(i + 1) : right) if (opposed(index, reason, x, y, oneClaim)) pairs.push([x, y]);
  });
  return pairs;
}

const isAboutEntity = (index: QueryIndex, claim: string, entity: string) =>
  index.graph.someOutEdge(claim, (_edge, attributes, _source, target) => attributes.kind === 'about' && target === entity);

/** One row: the two sides, the earlier dated first, then in reading order, then by speaker. */
function disputeRow(index: QueryIndex, edge: string, reason: ContradictionReason, pair: [string, string]): DisputeRow {
  const byReading = compareClaimRows(index);
  const sides = pair.map((e) => claimRow(index, e) as DisputeSide).sort((a, b) => compareDates(a.date, b.date) || byReading(a, b)) as [DisputeSide, DisputeSide];
  return { edge, reason, date: sides[0].date, speakers: [sides[0].speaker, sides[1].speaker], sides };
}

/** By date (undated last), then the dispute's edge key, then the speakers' keys. */
function compareDisputes(a: DisputeRow, b: DisputeRow): number {
  return (
    compareDates(a.date, b.date) ||
    compareStrings(a.edge, b.edge) ||
    compareStrings(a.speakers[0].key, b.speakers[0].key) ||
    compareStrings(a.speakers[1].key, b.speakers[1].key) ||
    compareStrings(a.sides[0].edge, b.sides[0].edge) ||
    compareStrings(a.sides[1].edge, b.sides[1].edge)
  );
}

/** Every pair of speakers on opposite sides of a dispute, optionally only those whose claims are about an entity. */
export function findDisputes(index: QueryIndex, filter: DisputeFilter = {}): DisputeRow[] {
  const about = filter.about === undefined ? undefined : resolveName(index, filter.about, 'entity');
  const graph = index.graph;
  const rows: DisputeRow[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    if (attributes.kind !== 'contradicts') return;
    if (about !== undefined && !isAboutEntity(index, source, about) && !isAboutEntity(index, target, about)) return;
    const reason = attributes.reason ?? 'opposite-stance'; // the contract requires one; a reader checks it
    for (const pair of opposedPairs(index, edge, reason)) rows.push(disputeRow(index, edge, reason, pair));
  });
  return rows.sort(compareDisputes);
}
