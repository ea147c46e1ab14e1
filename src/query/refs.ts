/**
 * claimgraph query: how nodes, claims and evidence appear in results (NodeRef, ClaimRef, EvidenceRow),
 * and the orders that keep every result stable.
 */
import type { Evidence } from '../graph/schema';
import type { QueryIndex } from './graph-index';
import { sentenceAround } from './sentence';
import type { ClaimRef, EvidenceRow, NodeRef } from './types';

export function nodeRef(index: QueryIndex, key: string): NodeRef {
  const a = index.graph.getNodeAttributes(key);
  return { key, label: a.label, kind: a.kind };
}

export function claimRef(index: QueryIndex, key: string): ClaimRef {
  const a = index.graph.getNodeAttributes(key);
  return { key, label: a.label, kind: a.kind, text: a.kind === 'claim' ? a.text : a.label };
}

/** Evidence spans with their words and sentence, in reading order (document order, then offset). */
export function evidenceRows(index: QueryIndex, evidence: readonly Evidence[]): EvidenceRow[] {
  const rows = evidence.map((e) => {
    const text = index.documents.get(e.doc)?.text ?? '';
    return { doc: e.doc, start: e.start, end: e.end, quote: text.slice(e.start, e.end), sentence: sentenceAround(text, e.start, e.end) };
  });
  return rows.sort((a, b) => compareEvidence(index, a, b));
}

export function compareEvidence(index: QueryIndex, a: Evidence | undefined, b: Evidence | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0; // rows without evidence go last
  const order = (index.documentOrder.get(a.doc) ?? Infinity) - (index.documentOrder.get(b.doc) ?? Infinity);
  return order || a.start - b.start || a.end - b.end;
}

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Label order, ties broken by key, so equal labels still sort the same way every time. */
export const compareNodes = (a: NodeRef, b: NodeRef): number =>
  compareStrings(a.label.toLowerCase(), b.label.toLowerCase()) || compareStrings(a.key, b.key);
