/**
 * What a click on an edge opens: a heading in words ("Ravenline denied: “…”"), the evidence to show and the
 * spans to scroll to, for an attribution, an `about` edge or a relation. Pure: no DOM.
 */
import type Graph from 'graphology';
import type { Evidence } from '../../../src/graph/schema';
import { claimText, evidenceForAttribution, evidenceOf, focusForAttribution, isAttribution, nodeLabel } from './claims';

export interface EdgeEvidence {
  heading: string;
  evidence: Evidence[];
  focus: Evidence[];
}

/** A claim sentence cut to fit a heading. */
export const shortText = (text: string, max = 70): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The heading of a relation, with an arrow only when it has a direction. */
export function relationHeading(source: string, kind: string, target: string, undirected: boolean): string {
  return `${source} ${kind.replace('_', ' ')}${undirected ? ' —' : ' →'} ${target}`;
}

export function edgeEvidence(graph: Graph, edge: string): EdgeEvidence {
  const attrs = graph.getEdgeAttributes(edge);
  const [source, target] = graph.extremities(edge);
  const kind = String(attrs.kind);
  const own = evidenceOf(attrs);
  if (isAttribution(kind)) {
    const link = { claim: target, evidence: own };
    return { heading: `${nodeLabel(graph, source)} ${kind}: “${shortText(claimText(graph, target))}”`, evidence: evidenceForAttribution(graph, link), focus: focusForAttribution(graph, link) };
  }
  if (kind === 'about') return { heading: `“${shortText(claimText(graph, source))}” is about ${nodeLabel(graph, target)}`, evidence: own, focus: own };
  return { heading: relationHeading(nodeLabel(graph, source), kind, nodeLabel(graph, target), graph.isUndirected(edge)), evidence: own, focus: own };
}
