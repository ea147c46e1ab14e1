/**
 * What the viewer shows about claims, read off the graph: one row per attribution for the claims list,
 * an entity's claims grouped by stance, a claim's speakers, outlets and subjects. Pure: no DOM.
 */
import type Graph from 'graphology';
import { compareText } from './compare';
import { isRelationKind, isStance, STANCE_KINDS, type Evidence, type Stance } from '../../../src/graph/schema';

/** `reported` is an outlet carrying a claim; the other four are a speaker's stance. */
export type Attribution = Stance | 'reported';

export interface ClaimRow {
  /** the attribution edge, or the claim's own key when nobody is attributed */
  key: string;
  claim: string;
  claimText: string;
  speaker: string | null;
  speakerLabel: string;
  stance: Attribution | null;
  /** evidence of the attribution edge (the reporting cue) then of the claim (the proposition) */
  evidence: Evidence[];
  /** the spans the evidence view scrolls to: the claim's own words (see focusForAttribution) */
  focus: Evidence[];
  docId: string;
  docTitle: string;
  date: string;
}

export interface AttributionLink {
  edge: string;
  stance: Attribution;
  /** the speaker or outlet */
  entity: string;
  claim: string;
  evidence: Evidence[];
}

export interface RelationLink {
  edge: string;
  kind: string;
  other: string;
  /** true when the selected node is the source */
  outgoing: boolean;
  /** `meets` and other symmetric relations: no direction to draw */
  undirected: boolean;
  evidence: Evidence[];
}

interface DocInfo {
  title: string;
  date?: string;
}

const attr = <T>(graph: Graph, node: string, name: string, fallback: T): T => (graph.getNodeAttribute(node, name) as T | undefined) ?? fallback;

export const nodeLabel = (graph: Graph, node: string): string => String(attr(graph, node, 'label', node));
export const nodeKind = (graph: Graph, node: string): string => String(attr(graph, node, 'kind', 'unknown'));
export const claimText = (graph: Graph, node: string): string => String(attr(graph, node, 'text', nodeLabel(graph, node)));
export const evidenceOf = (attrs: Record<string, unknown>): Evidence[] => (Array.isArray(attrs.evidence) ? (attrs.evidence as Evidence[]) : []);

export const isAttribution = (kind: unknown): kind is Attribution => isStance(kind) || kind === 'reported';

/** Documents of the graph by id. */
export function documentIndex(graph: Graph): Map<string, DocInfo & { text: string; id: string }> {
  const docs = graph.getAttribute('documents') as unknown;
  const index = new Map<string, DocInfo & { text: string; id: string }>();
  if (Array.isArray(docs)) for (const d of docs as { id: string; title: string; date?: string; text: string }[]) index.set(d.id, d);
  return index;
}

/** Attribution edges into `claim` (speakers and outlets), in a stable order: stance order, then label. */
export function attributionsOf(graph: Graph, claim: string): AttributionLink[] {
  const links: AttributionLink[] = [];
  graph.forEachInEdge(claim, (edge, attrs, source) => {
    if (isAttribution(attrs.kind)) links.push({ edge, stance: attrs.kind, entity: source, claim, evidence: evidenceOf(attrs) });
  });
  const order = [...STANCE_KINDS, 'reported'];
  return links.sort((a, b) => order.indexOf(a.stance) - order.indexOf(b.stance) || compareText(nodeLabel(graph, a.entity), nodeLabel(graph, b.entity)) || compareText(a.edge, b.edge));
}

/** What an entity said, grouped by stance, plus what it reported. */
export function claimsBy(graph: Graph, entity: string): Record<Attribution, AttributionLink[]> {
  const groups: Record<Attribution, AttributionLink[]> = { stated: [], denied: [], questioned: [], confirmed: [], reported: [] };
  graph.forEachOutEdge(entity, (edge, attrs, _source, target) => {
    if (isAttribution(attrs.kind) && nodeKind(graph, target) === 'claim') groups[attrs.kind].push({ edge, stance: attrs.kind, entity, claim: target, evidence: evidenceOf(attrs) });
  });
  for (const list of Object.values(groups)) list.sort((a, b) => compareText(nodeLabel(graph, a.claim), nodeLabel(graph, b.claim)) || compareText(a.edge, b.edge));
  return groups;
}

/** Claims whose `about` edges point at `entity`, or for a claim, the entities it is about. */
export function aboutLinks(graph: Graph, node: string): { edge: string; node: string; evidence: Evidence[] }[] {
  const isClaim = nodeKind(graph, node) === 'claim';
  const links: { edge: string; node: string; evidence: Evidence[] }[] = [];
  const visit = (edge: string, attrs: Record<string, unknown>, source: string, target: string) => {
    if (attrs.kind === 'about') links.push({ edge, node: isClaim ? target : source, evidence: evidenceOf(attrs) });
  };
  if (isClaim) graph.forEachOutEdge(node, visit);
  else graph.forEachInEdge(node, visit);
  return links.sort((a, b) => compareText(nodeLabel(graph, a.node), nodeLabel(graph, b.node)) || compareText(a.edge, b.edge));
}

/** Entity-to-entity relations that touch `node` (every kind that is neither an attribution nor `about`). */
export function relationsOf(graph: Graph, node: string): RelationLink[] {
  const links: RelationLink[] = [];
  graph.forEachEdge(node, (edge, attrs, source, target, _sa, _ta, undirected) => {
    const kind = String(attrs.kind);
    if (isAttribution(kind) || kind === 'about') return;
    links.push({ edge, kind, other: source === node ? target : source, outgoing: source === node, undirected, evidence: evidenceOf(attrs) });
  });
  const rank = (k: string) => (isRelationKind(k) ? 0 : 1);
  // labels read once per link, not once per comparison: a hub has 150k relations
  const keyed = links.map((link) => ({ link, rank: rank(link.kind), label: nodeLabel(graph, link.other) }));
  keyed.sort((a, b) => a.rank - b.rank || compareText(a.link.kind, b.link.kind) || compareText(a.label, b.label) || compareText(a.link.edge, b.link.edge));
  return keyed.map((k) => k.link);
}

/** Every claim as rows of the claims list: one per speaker or outlet, or one unattributed row. */
export function claimRows(graph: Graph): ClaimRow[] {
  const docs = documentIndex(graph);
  const rows: ClaimRow[] = [];
  const source = (evidence: Evidence[]) => {
    const doc = evidence.map((e) => docs.get(e.doc)).find((d) => d !== undefined);
    return { docId: doc?.id ?? evidence[0]?.doc ?? '', docTitle: doc?.title ?? evidence[0]?.doc ?? '', date: doc?.date ?? '' };
  };
  graph.forEachNode((claim, attrs) => {
    if (attrs.kind !== 'claim') return;
    const text = claimText(graph, claim);
    const claimEvidence = evidenceOf(attrs);
    const links = attributionsOf(graph, claim);
    for (const link of links) {
      const evidence = evidenceForAttribution(graph, link);
      rows.push({ key: link.edge, claim, claimText: text, speaker: link.entity, speakerLabel: nodeLabel(graph, link.entity), stance: link.stance, evidence, focus: focusForAttribution(graph, link), ...source(evidence) });
    }
    if (!links.length) rows.push({ key: claim, claim, claimText: text, speaker: null, speakerLabel: '', stance: null, evidence: claimEvidence, focus: claimEvidence, ...source(claimEvidence) });
  });
  return rows.sort((a, b) => compareText(a.date, b.date) || compareText(a.docTitle, b.docTitle) || compareText(a.claimText, b.claimText) || compareText(a.key, b.key));
}

/**
 * For an attribution edge, the claim's own evidence in the same document as the cue, so that the evidence
 * view can show both the reporting words and the proposition.
 */
export function evidenceForAttribution(graph: Graph, link: { claim: string; evidence: Evidence[] }): Evidence[] {
  const claimEvidence = evidenceOf(graph.getNodeAttributes(link.claim));
  const docsOfCue = new Set(link.evidence.map((e) => e.doc));
  const sameDoc = claimEvidence.filter((e) => docsOfCue.has(e.doc));
  return [...link.evidence, ...(sameDoc.length || link.evidence.length ? sameDoc : claimEvidence)];
}

/**
 * Where the evidence view of an attribution opens: the claim's own words in the cue's document, else the cue
 * (whose sentence is shown around it). A statement's cue is the word "Statement" in the headline, so opening
 * at the first span would show the headline instead of the claim.
 */
export function focusForAttribution(graph: Graph, link: { claim: string; evidence: Evidence[] }): Evidence[] {
  const docsOfCue = new Set(link.evidence.map((e) => e.doc));
  const own = evidenceOf(graph.getNodeAttributes(link.claim)).filter((e) => docsOfCue.has(e.doc));
  return own.length ? own : link.evidence;
}
