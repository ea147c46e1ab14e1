/**
 * claimgraph graph assembly: merges the extractions of every document into one graphology graph that follows
 * the contract (entities across documents as merge-entities.ts joins them, claims by proposition, edges by kind
 * and ends).
 */
import Graph from 'graphology';
import type { ClaimGraph } from './load';
import { EDGE_COLORS, NODE_COLORS, SCHEMA_VERSION, SYMMETRIC_RELATIONS, type EdgeKind, type Evidence, type EntityKind, type MergeRecord, type Quoting } from './schema';
import { edgeKey, normalizeText, uniqueEntityKey } from './keys';
import { claimInstances, placeClaims, type ClaimInstance } from './claim-nodes';
import { findContradictions, type Assertion } from './contradictions';
import { displayLabel, groupEntities, groupKind, memberEvidence, type EntityGroup } from './merge-entities';
import type { DocumentExtraction } from '../types';
import { GENERATOR } from '../version';

const PRONOUN = /^(he|she|it|they|him|her|them|his|hers|its|their|theirs|we|us|our|i|me|my|you|your)$/i;

const byEvidence = (a: Evidence, b: Evidence) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start || a.end - b.end);

/** Sorts in place and drops repeats (equal spans are neighbours once sorted), keeping the first of each run. */
function sortEvidence(list: Evidence[]): Evidence[] {
  list.sort(byEvidence);
  let kept = 0;
  for (const e of list) {
    const prev = list[kept - 1];
    if (prev && prev.doc === e.doc && prev.start === e.start && prev.end === e.end) continue;
    list[kept++] = e;
  }
  list.length = kept;
  return list;
}

/** Evidence with exactly the contract's fields, whatever else the span it comes from carries. */
const evidence = (doc: string, span: { start: number; end: number }): Evidence => ({ doc, start: span.start, end: span.end });

interface EdgeDraft {
  kind: EdgeKind;
  source: string;
  target: string;
  undirected: boolean;
  evidence: Evidence[];
  /** a speaker's edge: what its evidences say about it, gathered over all of them */
  marks?: StanceMarks;
}

interface StanceMarks {
  confidence: number;
  quoted: Quoting;
  unnamed: boolean;
  belief: boolean;
}

/** The most direct quoting among an edge's evidences: one verbatim quotation makes the edge a quotation. */
const QUOTING_RANK: Readonly<Record<Quoting, number>> = { direct: 2, partial: 1, paraphrase: 0 };

/** An edge said in several places is as sure as its surest evidence, and a belief only if every one is. */
function gatherMarks(into: StanceMarks | undefined, add: StanceMarks): StanceMarks {
  if (!into) return { ...add };
  into.confidence = Math.max(into.confidence, add.confidence);
  if (QUOTING_RANK[add.quoted] > QUOTING_RANK[into.quoted]) into.quoted = add.quoted;
  into.belief &&= add.belief;
  return into;
}

interface EntityNode {
  kind: EntityKind;
  label: string;
  aliases: Set<string>;
  evidence: Evidence[];
  merged: MergeRecord[];
  group: EntityGroup;
}

/** One node per group, keyed by kind and label; a second group of the same kind and label is keyed by its article. */
function entityNodes(groups: EntityGroup[]): { nodes: Map<string, EntityNode>; keyOfGroup: Map<EntityGroup, string> } {
  const nodes = new Map<string, EntityNode>();
  const keyOfGroup = new Map<EntityGroup, string>();
  for (const group of groups) {
    const label = displayLabel(group.members.map((m) => m.entity));
    const kind = groupKind(group.members);
    const first = group.members[0]!;
    const key = uniqueEntityKey(kind, label, first.doc, !!first.entity.local, (k) => nodes.has(k));
    keyOfGroup.set(group, key);
    const node: EntityNode = { kind, label, aliases: new Set<string>(), evidence: [], merged: mergeRecords(group), group };
    nodes.set(key, node);
    for (const { doc, entity } of group.members) {
      node.aliases.add(entity.label);
      for (const a of entity.aliases) node.aliases.add(a);
      for (const m of entity.mentions) {
        node.evidence.push(evidence(doc, m));
        // a pronoun is evidence of a mention, not a name worth listing
        if (!PRONOUN.test(m.text.trim())) node.aliases.add(m.text);
      }
    }
  }
  return { nodes, keyOfGroup };
}

/** How each member beyond the first joined its node, with the first mention of the name it brought. */
function mergeRecords(group: EntityGroup): MergeRecord[] {
  return group.links.map((l) => ({
    doc: l.doc, name: l.entity.label, reason: l.reason, via: l.via, ...(l.context ? { context: l.context } : {}), evidence: memberEvidence(l),
  }));
}

/** Assembles the graph. Positions are left at 0; the layout stage places the nodes. */
export function buildGraph(extractions: DocumentExtraction[]): ClaimGraph {
  const sorted = [...extractions].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  // self-loops: a dispute between two speakers of one claim is that claim's `contradicts` edge to itself
  const graph: ClaimGraph = new Graph({ type: 'mixed', multi: true, allowSelfLoops: true });
  graph.replaceAttributes({
    schemaVersion: SCHEMA_VERSION,
    generator: GENERATOR,
    documents: sorted.map(({ doc }) => ({
      id: doc.id,
      title: doc.title,
      ...(doc.date ? { date: doc.date } : {}),
      ...(doc.source ? { source: doc.source } : {}),
      ...(doc.author ? { author: doc.author } : {}),
      ...(doc.path ? { path: doc.path } : {}),
      text: doc.text,
    })),
  });

  // Entities.
  const { groups, groupOf } = groupEntities(sorted);
  const { nodes, keyOfGroup } = entityNodes(groups);

  // Claims and their edges.
  const claims = new Map<string, { text: string; evidence: Evidence[] }>();
  const edges = new Map<string, EdgeDraft>();
  const addEdge = (kind: EdgeKind, source: string | undefined, target: string | undefined, proof: Evidence, undirected = false, marks?: StanceMarks) => {
    if (!source || !target || source === target) return;
    const key = edgeKey(kind, source, target, undirected);
    let edge = edges.get(key);
    if (!edge) {
      const swap = undirected && target < source;
      edge = { kind, source: swap ? target : source, target: swap ? source : target, undirected, evidence: [] };
      edges.set(key, edge);
    }
    edge.evidence.push(proof);
    if (marks) edge.marks = gatherMarks(edge.marks, marks);
  };
  const instances: ClaimInstance[] = [];
  for (const extraction of sorted) {
    const { doc, relations } = extraction;
    const ofDoc = groupOf.get(doc.id)!;
    const entityNode = (id: string): string | undefined => {
      const group = ofDoc.get(id);
      return group && keyOfGroup.get(group);
    };
    instances.push(...claimInstances(extraction, entityNode));
    for (const rel of relations) {
      addEdge(rel.kind, entityNode(rel.source), entityNode(rel.target), evidence(doc.id, rel.evidence), SYMMETRIC_RELATIONS.has(rel.kind));
    }
  }
  const placement = placeClaims(instances);
  const assertions: Assertion[] = [];
  instances.forEach((claim, i) => {
    const key = placement.nodeOf[i]!;
    const nodeText = placement.textOf.get(key)!;
    let node = claims.get(key);
    if (!node) claims.set(key, (node = { text: nodeText, evidence: [] }));
    node.evidence.push(...claim.parts);
    // a speaker whose words differ from the node's keeps them: the claim's span joins the edge's evidence
    const ownWording = normalizeText(claim.text) !== normalizeText(nodeText);
    for (const s of claim.speakers) {
      addEdge(s.stance, s.node, key, s.cue, false, s.marks);
      if (ownWording) for (const part of claim.parts) addEdge(s.stance, s.node, key, part);
      // a rejection's own words are its pointer ("rejected that account"), in its cue
      assertions.push({ claim: key, negated: claim.signature.negated, speaker: s.node, stance: s.stance, evidence: s.rejects ? s.cue : claim.parts[0]!, rejects: s.rejects });
    }
    for (const r of claim.reporters) addEdge('reported', r.node, key, r.cue);
    for (const about of claim.about) for (const part of claim.parts) addEdge('about', key, about, part);
  });
  const disputes = findContradictions(assertions, placement.negations);

  // Insert in key order, so the serialized file is byte-stable.
  for (const key of [...nodes.keys()].sort()) {
    const n = nodes.get(key)!;
    n.aliases.delete(n.label);
    graph.addNode(key, {
      kind: n.kind,
      label: n.label,
      aliases: [...n.aliases].sort(),
      evidence: sortEvidence(n.evidence),
      // only when there is something to explain, so a one-article graph reads as before
      ...(n.merged.length ? { merged: n.merged } : {}),
      ...(n.group.ambiguous.length ? { ambiguous: n.group.ambiguous.map((g) => keyOfGroup.get(g)!).sort() } : {}),
      x: 0, y: 0, size: 1, color: NODE_COLORS[n.kind],
    });
  }
  for (const key of [...claims.keys()].sort()) {
    const c = claims.get(key)!;
    graph.addNode(key, {
      kind: 'claim', label: shortLabel(c.text), text: c.text, aliases: [],
      evidence: sortEvidence(c.evidence), x: 0, y: 0, size: 1, color: NODE_COLORS.claim,
    });
  }
  for (const key of [...edges.keys()].sort()) {
    const e = edges.get(key)!;
    const attributes = { kind: e.kind, evidence: sortEvidence(e.evidence), ...e.marks, size: 1, color: EDGE_COLORS[e.kind] };
    if (e.undirected) graph.addUndirectedEdgeWithKey(key, e.source, e.target, attributes);
    else graph.addDirectedEdgeWithKey(key, e.source, e.target, attributes);
  }
  for (const d of disputes) {
    graph.addUndirectedEdgeWithKey(d.key, d.source, d.target, {
      kind: 'contradicts', reason: d.reason, evidence: sortEvidence(d.evidence), size: 1, color: EDGE_COLORS.contradicts,
    });
  }
  return graph;
}

/** A claim's display label: its text cut at a word boundary. */
export function shortLabel(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
